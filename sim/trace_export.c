/*
 * trace_export.c — the trace file: Chrome trace-event JSON in its object
 * form, {"displayTimeUnit":"ns","traceEvents":[...],"otherData":{...}}.
 * Metadata events name and order the processes (pid = index + 1) and
 * threads (tid = global index + 1); then every record is streamed out as
 * it arrives (trace_tracks.c, trace_flow.c), so memory stays bounded by the
 * system's size, not the run's length. Only B/E, i, s/t/f and M events are
 * written, never X: Perfetto keeps events with equal timestamps in file
 * order unless an X event is present, and zero-length slices rely on that.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "trace_internal.h"

static bool alloc_tables(struct trace_export *t, const struct cfg_system *sys)
{
	size_t np = sys->process_count;
	t->first_object = calloc(np + 1, sizeof(uint32_t));
	t->first_thread = calloc(np + 1, sizeof(uint32_t));
	for (size_t p = 0; t->first_object != NULL && t->first_thread != NULL && p < np; p++) {
		t->first_object[p] = t->object_count;
		t->first_thread[p] = t->thread_count;
		t->object_count += (uint32_t)sys->processes[p].object_count;
		t->thread_count += (uint32_t)sys->processes[p].thread_count;
	}
	t->object_process = calloc(t->object_count + 1, sizeof(uint32_t));
	t->threads = calloc(t->thread_count + 1, sizeof(*t->threads));
	t->txns = calloc(t->object_count + 1, sizeof(*t->txns));
	if (t->first_object == NULL || t->first_thread == NULL || t->object_process == NULL ||
	    t->threads == NULL || t->txns == NULL) {
		return false;
	}
	for (uint32_t p = 0; p < np; p++) {
		for (size_t o = 0; o < sys->processes[p].object_count; o++) {
			t->object_process[t->first_object[p] + o] = p;
		}
		for (size_t k = 0; k < sys->processes[p].thread_count; k++) {
			t->threads[t->first_thread[p] + k].process = p;
		}
	}
	return true;
}

static void free_tables(struct trace_export *t)
{
	free(t->first_object);
	free(t->first_thread);
	free(t->object_process);
	free(t->threads);
	free(t->txns);
	free(t->scenario);
	free(t);
}

static void sort_index(struct trace_export *t, const char *name, uint32_t process, uint32_t thread,
		       uint32_t index)
{
	trace_event_meta(t, name, process, thread);
	trace_event_args(t);
	trace_arg_u64(t, "sort_index", index);
	trace_event_end(t);
}

static void write_metadata(struct trace_export *t)
{
	const struct cfg_system *sys = t->sys;
	for (uint32_t p = 0; p < sys->process_count; p++) {
		trace_event_meta(t, "process_name", p, PWK_NONE);
		trace_event_args(t);
		trace_arg_str(t, "name", sys->processes[p].name);
		trace_event_end(t);
		sort_index(t, "process_sort_index", p, PWK_NONE, p + 1);
		for (uint32_t k = 0; k < sys->processes[p].thread_count; k++) {
			uint32_t thread = t->first_thread[p] + k;
			trace_event_meta(t, "thread_name", p, thread);
			trace_event_args(t);
			trace_arg_str(t, "name", sys->processes[p].threads[k].name);
			trace_event_end(t);
			sort_index(t, "thread_sort_index", p, thread, thread + 1);
		}
	}
}

struct trace_export *trace_export_open(const char *path, const struct cfg_system *sys, char *err,
				       size_t err_cap)
{
	struct trace_export *t = calloc(1, sizeof(*t));
	if (t == NULL || !alloc_tables(t, sys)) {
		snprintf(err, err_cap, "out of memory");
		if (t != NULL) {
			free_tables(t);
		}
		return NULL;
	}
	t->sys = sys;
	t->file = fopen(path, "w");
	if (t->file == NULL) {
		snprintf(err, err_cap, "cannot write it: %s", strerror(errno));
		free_tables(t);
		return NULL;
	}
	fputs("{\"displayTimeUnit\":\"ns\",\"traceEvents\":[", t->file);
	write_metadata(t);
	return t;
}

void trace_export_describe(struct trace_export *t, const char *scenario_path, uint64_t seed)
{
	free(t->scenario);
	t->scenario = strdup(scenario_path);
	t->seed = seed;
}

void trace_export_record(void *ctx, uint64_t time, const struct pwk_trace_record *record)
{
	struct trace_export *t = ctx;
	t->record_count++;
	trace_recent_note(t, time, record);
	trace_tracks_record(t, time, record);
}

bool trace_export_close(struct trace_export *t, uint64_t end_time)
{
	/* Flows first: their last marker needs the initiator's track open. */
	trace_flow_finish_all(t, end_time);
	trace_tracks_close(t, end_time);
	fputs("\n],\"otherData\":{\"generator\":\"pwsim\",\"clock\":\"virtual\"", t->file);
	if (t->scenario != NULL) {
		fputs(",\"scenario\":", t->file);
		trace_json_string(t->file, t->scenario);
		fprintf(t->file, ",\"seed\":\"%llu\"", (unsigned long long)t->seed);
	}
	fprintf(t->file, ",\"end_time_ns\":\"%llu\",\"records\":\"%llu\"}}\n",
		(unsigned long long)end_time, (unsigned long long)t->record_count);
	bool ok = !ferror(t->file);
	ok = fclose(t->file) == 0 && ok;
	free_tables(t);
	return ok;
}
