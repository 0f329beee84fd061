/*
 * trace_internal.h — the trace writer's state, shared by its files:
 *   trace_export.c  the file: its format, the tables, the record stream
 *   trace_tracks.c  records -> thread tracks (running, syscalls, waiting)
 *   trace_names.c   syscall, status, exit and signal names
 *   trace_flow.c    channel transactions -> flow arrows
 *   trace_recent.c  the last events, for `pwsim replay`
 *   trace_event.c   the event interface, dispatched to the file format
 *   trace_json.c    the JSON format (escaping, timestamps, one event a line)
 *   trace_perfetto.c the Perfetto protobuf format; trace_pb.c encodes
 *                   protobuf, trace_intern.c numbers its interned strings
 *   trace_sink.c    buffered (optionally gzipped) file output
 *
 * Invariant: every slice opened on a track is on that track's stack until
 * an E closes it, so trace_export_close() can balance every track; the
 * stack is at most TRACE_DEPTH_MAX deep (top level, syscall child, marker).
 */
#ifndef PWK_SIM_TRACE_INTERNAL_H
#define PWK_SIM_TRACE_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "trace_export.h"
#include "trace_sink.h"

#define TRACE_DEPTH_MAX  4
#define TRACE_RECENT_MAX TRACE_EXPORT_RECENT_MAX

typedef enum {
	TRACE_SLICE_RUNNING,   /* on the CPU in user mode */
	TRACE_SLICE_PREEMPTED, /* ready, off the CPU, outside any syscall */
	TRACE_SLICE_SYSCALL,   /* from SYSCALL_ENTER to SYSCALL_EXIT */
	TRACE_SLICE_WAITING,   /* inside a syscall: blocked */
	TRACE_SLICE_RUNNABLE,  /* inside a syscall: woken, waiting for the CPU */
	TRACE_SLICE_MARKER,    /* zero-length anchor of a flow arrow */
} trace_slice_kind_t;

struct trace_thread {
	uint32_t process;
	uint64_t last_ts;   /* latest ts written on the track: kept monotonic */
	uint64_t active_ts; /* its last own record: when a blocking syscall blocked */
	uint8_t depth;
	uint8_t stack[TRACE_DEPTH_MAX];
	bool on_cpu;
	bool in_syscall;
	bool woken; /* a WAKE came during the current syscall */
	bool exited;
	uint32_t syscall_id;
	uint32_t syscall_object; /* the object its handle argument names, or PWK_NONE */
	uint32_t open_txns;      /* transactions it started whose flow is not finished */
};

/* The transaction pending on one channel handler (indexed by its global
 * object index); id 0 = none. */
struct trace_txn {
	uint64_t id; /* flow id, fresh per transaction */
	uint32_t initiator_thread;
	uint32_t initiator_object;
	bool read;
	bool responded;
	uint32_t response_len;
};

/* A scheduling, IPC or fault record as `pwsim replay` prints it. For a
 * switch, why the previous thread left the CPU (see trace_recent.c). */
struct trace_recent {
	uint64_t time;
	struct pwk_trace_record record;
	uint8_t from_state;    /* SWITCH: how the previous thread left the CPU */
	uint32_t from_syscall; /* SWITCH: the syscall it was in, if any */
};

struct trace_export {
	const struct trace_format *format;
	struct trace_sink *out;
	bool any_event;                  /* JSON: an event was written: the next needs a comma */
	bool in_args;                    /* JSON: the event being written has "args":{ open */
	bool args_first;                 /* ... and nothing in it yet */
	struct trace_perfetto *perfetto; /* the perfetto format's state */
	const struct cfg_system *sys;
	uint32_t thread_count, object_count;
	uint32_t *first_object;   /* per process */
	uint32_t *first_thread;   /* per process */
	uint32_t *object_process; /* per global object */
	char **object_labels;     /* per global object: "process:object" */
	struct trace_thread *threads;
	struct trace_txn *txns; /* per global object */
	uint64_t next_flow_id;
	char *scenario; /* for otherData; NULL until described */
	uint64_t seed;
	uint64_t record_count;
	struct trace_recent recent[TRACE_RECENT_MAX];
	uint64_t recent_count; /* all noted so far; the ring holds the last ones */
};

/* --- the event interface: one per file format ------------------------------------
 *
 * trace_tracks.c and trace_flow.c describe the run as events on thread
 * tracks; a format writes them. An event is begin (or flow), its args,
 * end, in that order; args go between trace_event_args() and
 * trace_event_end().
 *
 *   ph 'B' a slice begins, 'E' the innermost one ends, 'i' an instant;
 *   flow events 's' (start), 't' (step), 'f' (finish) of flow `id` are
 *   bound to the slice open on the track at that moment.
 */
struct trace_format {
	/* After the tables are built: the file header and the tracks. */
	bool (*open)(struct trace_export *t);
	void (*begin)(struct trace_export *t, char ph, uint32_t thread, uint64_t ts,
		      const char *name, const char *cat);
	void (*flow)(struct trace_export *t, char ph, uint32_t thread, uint64_t ts, uint64_t id);
	void (*args)(struct trace_export *t);
	void (*arg_str)(struct trace_export *t, const char *key, const char *value);
	void (*arg_u64)(struct trace_export *t, const char *key, uint64_t value);
	void (*end)(struct trace_export *t);
	/* After every slice is closed: the trailer (how the run is named). */
	void (*close)(struct trace_export *t, uint64_t end_time);
	void (*free)(struct trace_export *t); /* the format's own state */
};

extern const struct trace_format trace_format_json;     /* trace_json.c */
extern const struct trace_format trace_format_perfetto; /* trace_perfetto.c */

/* Starts an event on thread `thread`'s track. `ts` is raised to the
 * track's last one, so each track's timestamps never go back. */
void trace_event_begin(struct trace_export *t, char ph, uint32_t thread, uint64_t ts,
		       const char *name, const char *cat);
void trace_event_args(struct trace_export *t);
void trace_arg_str(struct trace_export *t, const char *key, const char *value);
void trace_arg_u64(struct trace_export *t, const char *key, uint64_t value);
/* `process:object`, the way a handle's object is shown. */
void trace_arg_object(struct trace_export *t, const char *key, uint32_t object);
void trace_arg_signals(struct trace_export *t, const char *key, uint32_t signals);
void trace_event_end(struct trace_export *t);
/* A flow event bound to the slice open on `thread`. */
void trace_flow_event(struct trace_export *t, char ph, uint32_t thread, uint64_t ts, uint64_t id);

/* --- trace_names.c ---------------------------------------------------------------- */

/* Lower-case syscall name ("channel_transact"), or "syscall_0x1234"
 * written into `buf`. */
const char *trace_syscall_name(uint32_t id, char *buf, size_t cap);
const char *trace_status_name(uint32_t status); /* "OK", ...; "?" if unknown */
const char *trace_exit_tag_name(uint32_t tag);
/* "READABLE|USER"; "none" for 0. Writes at most `cap` bytes. */
void trace_signals_text(uint32_t signals, char *buf, size_t cap);
/* Whether syscall `id` takes a handle as its first argument. */
bool trace_syscall_takes_handle(uint32_t id);

/* --- trace_tracks.c --------------------------------------------------------- */

void trace_tracks_record(struct trace_export *t, uint64_t time, const struct pwk_trace_record *r);
/* Closes every open slice at `ts`. */
void trace_tracks_close(struct trace_export *t, uint64_t ts);

bool trace_thread_valid(const struct trace_export *t, uint32_t thread);
bool trace_object_valid(const struct trace_export *t, uint32_t object);
/* The global object `handle` names for a thread, or PWK_NONE. */
uint32_t trace_handle_object(const struct trace_export *t, uint32_t thread, uint64_t handle);
/* A zero-length slice on `thread` holding flow event `flow_ph` of flow `id`
 * and the args the caller adds before calling trace_marker_end(). */
void trace_marker_begin(struct trace_export *t, uint32_t thread, uint64_t ts, const char *name);
void trace_marker_end(struct trace_export *t, uint32_t thread, uint64_t ts, char flow_ph,
		      uint64_t id);

/* --- trace_flow.c: one flow per transaction ---------------------------------- */

void trace_flow_transact(struct trace_export *t, uint32_t thread, uint64_t ts, uint32_t initiator,
			 uint32_t handler);
void trace_flow_respond(struct trace_export *t, uint32_t thread, uint64_t ts, uint32_t handler,
			uint32_t len);
/* After SYSCALL_ENTER has opened the syscall slice. */
void trace_flow_enter(struct trace_export *t, uint32_t thread, uint64_t ts);
/* At SYSCALL_EXIT, while the syscall slice is still open. */
void trace_flow_exit(struct trace_export *t, uint32_t thread, uint64_t ts, uint32_t status);
/* After WAKE has opened the runnable slice. */
void trace_flow_wake(struct trace_export *t, uint32_t thread, uint64_t ts,
		     const struct pwk_trace_record *wake);
/* Before an exited thread's slices are closed. */
void trace_flow_thread_exit(struct trace_export *t, uint32_t thread, uint64_t ts);
/* At the end of the run: finishes every flow still open. */
void trace_flow_finish_all(struct trace_export *t, uint64_t ts);

/* --- trace_recent.c ------------------------------------------------------------ */

/* Called for every record before the tracks see it. */
void trace_recent_note(struct trace_export *t, uint64_t time, const struct pwk_trace_record *r);

#endif
