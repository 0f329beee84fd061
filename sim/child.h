/*
 * child.h — one child process on a libuv loop, as pwsim drives them (the
 * sweep's `pwsim run` children, a board run's emulator): stdin is a pipe
 * nothing is written to, open until the child ends (a board run's UART
 * receives nothing), stdout and stderr come through pipes to a callback, a
 * wall-clock timer kills the child (SIGKILL) when it runs too long.
 *
 * Invariant: on_end is called exactly once, after the child has exited (or
 * could not be started) and both pipes are done — or a grace period after
 * the exit has passed, since a grandchild could hold a pipe open for ever.
 * The handles then close; on_closed is called once all four have, and only
 * then may the struct be reused or freed.
 */
#ifndef PWK_SIM_CHILD_H
#define PWK_SIM_CHILD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <uv.h>

#define CHILD_READ_CHUNK_BYTES (16u * 1024)
#define CHILD_PIPE_GRACE_MS    2000

struct child;
/* `fd` is 1 (stdout) or 2 (stderr). */
typedef void (*child_output_fn)(struct child *c, int fd, const char *data, size_t n);
typedef void (*child_event_fn)(struct child *c);

struct child {
	/* Set before child_start. */
	void *data;
	child_output_fn on_output;
	child_event_fn on_end;
	child_event_fn on_closed; /* may be NULL */
	/* Valid in on_end. */
	int spawn_error; /* 0, or the uv error that kept the child from starting */
	bool timed_out;  /* killed by the timeout */
	int64_t exit_status;
	int term_signal;
	uint64_t wall_ns; /* from the spawn to the exit */
	/* Private. */
	uv_process_t process;
	uv_pipe_t out, err;
	uv_timer_t timer;
	int stdin_writer; /* the write end of the child's stdin, or -1 */
	uint64_t start_ns;
	int open_handles, open_streams;
	bool exited, ended;
	char read_buf[CHILD_READ_CHUNK_BYTES];
};

/* Starts `args[0]`... (NULL-terminated; `file` is the program) on `loop`.
 * `detached`: in its own session, so the terminal's ^C reaches only pwsim.
 * `timeout_ms` 0: no timeout. A child that cannot start still ends through
 * on_end (with spawn_error set), called before this returns. */
void child_start(uv_loop_t *loop, struct child *c, const char *file, char **args,
		 uint64_t timeout_ms, bool detached);

/* Restarts a running child's timeout: `timeout_ms` from now (a sweep
 * worker starting its next run). */
void child_rearm(struct child *c, uint64_t timeout_ms);

/* Kills a running child with SIGKILL (its end still comes through on_end). */
void child_kill(struct child *c);

#endif
