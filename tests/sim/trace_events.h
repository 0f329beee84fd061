/*
 * trace_events.h — a trace file read back as what a viewer shows: per
 * thread track, its events in order, each with its time, name, args and
 * the flows bound to it. Two independent readers, one per format pwsim
 * writes, so a test can check that the JSON and the Perfetto protobuf
 * file of one run say the same thing:
 *
 *  - JSON: the writer's one event a line; a flow event ("bp":"e") belongs
 *    to the slice open on its track, so it is listed on that slice's E;
 *  - Perfetto: a walk of the protobuf wire format (varints and
 *    length-delimited fields, no schema), resolving interned names and
 *    strings, the incremental clock and the track descriptors. Flow ids
 *    are listed on the event carrying them.
 *
 * Canonical forms: args "key=value;" in order, flows "+ID;" for a start
 * or step and "fID;" for a finish.
 */
#ifndef PWK_TESTS_TRACE_EVENTS_H
#define PWK_TESTS_TRACE_EVENTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TRACE_TEXT_MAX 512

struct trace_event {
	char ph; /* 'B', 'E', 'i' */
	uint32_t tid;
	uint64_t ts; /* virtual ns */
	char name[64];
	char args[TRACE_TEXT_MAX];
	char flows[128];
};

#define TRACE_THREADS_MAX 64

struct trace_events {
	struct trace_event *events;
	size_t count, cap;
	char thread_names[TRACE_THREADS_MAX][64]; /* by tid */
	/* Perfetto only: */
	bool state_cleared_first; /* the first packet clears incremental state */
	bool clock_snapshot;      /* an incremental clock was defined */
	size_t packets, absolute_timestamps;
	char run_args[TRACE_TEXT_MAX]; /* the "pwsim run" instant's */
	const char *error;             /* NULL, or why the file did not decode */
};

/* Reads `len` bytes of a trace. The result is freed by trace_events_free. */
struct trace_events trace_events_from_json(const char *text);
struct trace_events trace_events_from_perfetto(const uint8_t *data, size_t len);
void trace_events_free(struct trace_events *e);

/* The whole file at `path`, *len its size; NULL if unreadable. */
uint8_t *read_binary_file(const char *path, size_t *len);

#endif
