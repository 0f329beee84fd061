/*
 * trace_event.c — the event interface of trace_internal.h: what every
 * format shares (each track's time never goes back, how an object and a
 * signal set are named), then the call into the file's format.
 */
#include <stdio.h>

#include "trace_internal.h"

void trace_event_begin(struct trace_export *t, char ph, uint32_t thread, uint64_t ts,
		       const char *name, const char *cat)
{
	struct trace_thread *th = &t->threads[thread];
	if (ts < th->last_ts) {
		ts = th->last_ts;
	}
	th->last_ts = ts;
	t->format->begin(t, ph, thread, ts, name, cat);
}

void trace_flow_event(struct trace_export *t, char ph, uint32_t thread, uint64_t ts, uint64_t id)
{
	struct trace_thread *th = &t->threads[thread];
	if (ts < th->last_ts) {
		ts = th->last_ts;
	}
	th->last_ts = ts;
	t->format->flow(t, ph, thread, ts, id);
}

void trace_event_args(struct trace_export *t)
{
	t->format->args(t);
}

void trace_arg_str(struct trace_export *t, const char *key, const char *value)
{
	t->format->arg_str(t, key, value);
}

void trace_arg_u64(struct trace_export *t, const char *key, uint64_t value)
{
	t->format->arg_u64(t, key, value);
}

void trace_arg_object(struct trace_export *t, const char *key, uint32_t object)
{
	if (!trace_object_valid(t, object)) {
		char text[32];
		snprintf(text, sizeof(text), "object %u", object);
		trace_arg_str(t, key, text);
		return;
	}
	trace_arg_str(t, key, t->object_labels[object]);
}

void trace_arg_signals(struct trace_export *t, const char *key, uint32_t signals)
{
	char text[128];
	trace_signals_text(signals, text, sizeof(text));
	trace_arg_str(t, key, text);
}

void trace_event_end(struct trace_export *t)
{
	t->format->end(t);
}
