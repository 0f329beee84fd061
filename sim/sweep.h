/*
 * sweep.h — `pwsim sweep`: many scenarios x seeds in parallel child
 * processes, driven by a libuv loop (spawn, pipes, per-run timeouts,
 * progress), with a summary, replay commands for failures, JUnit/JSON
 * reports and sharding. docs/sweep.md is the user's side of this file.
 *
 * The sweep is split by idea:
 *   sweep.c          validation, the plan (which runs), the end
 *   sweep_cli.c      the command line
 *   sweep_loop.c     the libuv loop: children, pipes, timers, signals
 *   sweep_outcome.c  what a finished child means: status, reason, digest,
 *                    replay command
 *   sweep_print.c    progress, failure lines and the summary table
 *   report.c         JUnit XML and JSON files
 *
 * Invariant: `runs` is sorted by (scenario, seed) from the start — the plan
 * is built in that order and each child writes only its own record — so
 * every output is in the same order whatever order the children end in.
 */
#ifndef PWK_SIM_SWEEP_H
#define PWK_SIM_SWEEP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* `pwsim sweep ...`: argv[0] is pwsim, argv[1] "sweep". Returns the exit
 * status: 0 every run passed, 1 a run failed or timed out, 2 usage or bad
 * scenario, 128 + signal when interrupted (SIGINT: 130). */
int pwsim_cmd_sweep(int argc, char **argv);

/* `pwsim sweep-worker SEEDS SCENARIO [run options]`: the sweep's child,
 * many seeds of one scenario in one process (sweep_worker.c). After each
 * run its stderr has one line SWEEP_WORKER_MARKER followed by the exit
 * status `pwsim run` would have had. */
int pwsim_cmd_sweep_worker(int argc, char **argv);
#define SWEEP_WORKER_MARKER "\001pwsim sweep-worker: run ended, exit "

/* Limits (STYLE: a limit on everything). */
#define SWEEP_JOBS_MAX       256
#define SWEEP_SCENARIOS_MAX  256
#define SWEEP_IMAGE_DIRS_MAX 16
#define SWEEP_RUNS_MAX       (1u << 20)   /* runs in one process (after sharding) */
#define SWEEP_CAPTURE_BYTES  (64u * 1024) /* stderr kept per running child */
#define SWEEP_LOG_BYTES      (4u * 1024)  /* stderr kept per failed run */
#define SWEEP_LOGS_TOTAL_MAX (16u * 1024 * 1024)
#define SWEEP_DIGEST_CHARS   16
_Static_assert(SWEEP_LOG_BYTES <= SWEEP_CAPTURE_BYTES, "a failed run's log comes from its capture");

typedef enum {
	SWEEP_NOT_RUN, /* interrupted before it ended */
	SWEEP_PASSED,
	SWEEP_FAILED,  /* non-zero exit, crash, or could not start */
	SWEEP_TIMEOUT, /* killed after --timeout seconds of wall time */
} sweep_status_t;

struct sweep_scenario {
	const char *path; /* as given on the command line: names it in reports */
	char *abs_path;   /* what the replay command runs */
};

/* What the user asked for, validated. */
struct sweep_config {
	struct sweep_scenario *scenarios; /* sorted by path, no duplicates */
	size_t scenario_count;
	uint64_t seed_first, seed_last; /* inclusive */
	uint32_t jobs;
	uint64_t timeout_ms;
	double timeout_s;                       /* as given, for messages */
	uint32_t shard_index, shard_count;      /* 1-based; 1/1 = not sharded */
	const char *isolation;                  /* NULL = each scenario's own */
	bool allow_uncounted;                   /* passed on to every run */
	char *image_dirs[SWEEP_IMAGE_DIRS_MAX]; /* absolute */
	size_t image_dir_count;
	const char *junit_path, *json_path; /* NULL = not written */
	char *pwsim_path;                   /* /proc/self/exe, resolved once */
};

/* One run: one scenario with one seed. Strings belong to the record. */
struct sweep_run {
	uint64_t seed;
	uint64_t wall_ns;
	uint32_t scenario_index;
	sweep_status_t status;
	int exit_code;                       /* -1 when the child did not exit by itself */
	int term_signal;                     /* 0 unless a signal ended the child */
	char digest[SWEEP_DIGEST_CHARS + 1]; /* "" when the child printed none */
	char *reason;                        /* failures and timeouts: one line */
	char *digest_line; /* failures: the child's "pwsim: seed ..." line, or NULL */
	char *log;         /* failures: the tail of the child's stderr, or NULL */
};

struct sweep_results {
	const struct sweep_config *config;
	struct sweep_run *runs; /* sorted by (scenario, seed) */
	size_t run_count;
	uint64_t wall_ns;
	int interrupted_by; /* signal number, 0 when the sweep ran to its end */
	size_t logs_total_bytes;
};

struct sweep_totals {
	size_t runs, passed, failed, timeouts, not_run;
	bool any_failure;
	uint64_t first_failing_seed; /* valid when any_failure */
};

/* Parses pwsim's argv (argv[1] = "sweep") into `c`, defaults filled in.
 * Returns 0 to go on, -1 when --help was printed (exit 0), or an exit status
 * after reporting a usage error. */
int sweep_cli_parse(int argc, char **argv, struct sweep_config *c);

/* Prints "pwsim: sweep: " + fmt (with `arg`) and a hint to stderr; returns
 * the usage-error exit status. */
int sweep_usage_error(const char *fmt, const char *arg);

/* Totals over the runs of scenario `scenario_index`, or of all runs when
 * `scenario_index` is SIZE_MAX. */
struct sweep_totals sweep_totals_of(const struct sweep_results *r, size_t scenario_index);

/* The exact command that reruns `run` ("pwsim run ..." when `command` is
 * "run", or "pwsim replay ..."), shell-quoted where needed; malloc'd. */
char *sweep_replay_command(const struct sweep_config *c, const struct sweep_run *run,
			   const char *command);

const char *sweep_status_name(sweep_status_t s);

/* Fills `run` from what its child left: exit status or signal, whether it
 * timed out, and the captured tail of its stderr (`err`, NUL-terminated). */
void sweep_outcome_record(struct sweep_results *r, struct sweep_run *run, int64_t exit_status,
			  int term_signal, bool timed_out, const char *err);

/* Runs every record of `r` (all SWEEP_NOT_RUN) in child processes. Returns
 * false if the loop itself could not be set up (reported on stderr). */
bool sweep_loop_run(struct sweep_results *r);

/* Output for people: stderr for progress and failures as they happen,
 * stdout for the summary. */
struct sweep_progress {
	bool tty;
	size_t total, done, running;
	size_t passed, failed, timeouts;
	uint64_t start_ns, last_line_ns;
	size_t last_line_done;
	bool replay_hint_shown;
	bool line_drawn; /* a live line is on the terminal (tty) */
};
void sweep_print_start(const struct sweep_results *r, struct sweep_progress *p);
void sweep_print_tick(struct sweep_progress *p, uint64_t now_ns);
void sweep_print_run_end(const struct sweep_results *r, struct sweep_progress *p,
			 const struct sweep_run *run, uint64_t now_ns);
void sweep_print_interrupt(struct sweep_progress *p, int signum);
void sweep_print_finish(struct sweep_progress *p);
void sweep_print_summary(const struct sweep_results *r);

#endif
