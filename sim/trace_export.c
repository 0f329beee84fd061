/*
 * trace_export.c — the trace file: which format writes it, the tables
 * both formats read (which process owns each thread and object), and the
 * stream of records into trace_tracks.c. Every record is turned into
 * events as it arrives, so memory stays bounded by the system's size, not
 * the run's length.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "trace_internal.h"

static bool ends_with(const char *s, size_t len, const char *suffix)
{
	size_t n = strlen(suffix);
	return len >= n && memcmp(s + len - n, suffix, n) == 0;
}

bool trace_export_format_parse(const char *name, trace_export_format_t *out)
{
	if (strcmp(name, "json") == 0) {
		*out = TRACE_EXPORT_JSON;
	} else if (strcmp(name, "perfetto") == 0) {
		*out = TRACE_EXPORT_PERFETTO;
	} else {
		return false;
	}
	return true;
}

/* The format `path` asks for (its extension before any .gz), unless one
 * was chosen; *gzip if the name ends in .gz. */
static const struct trace_format *choose_format(const char *path, trace_export_format_t format,
						bool *gzip)
{
	size_t len = strlen(path);
	*gzip = ends_with(path, len, ".gz");
	if (*gzip) {
		len -= 3;
	}
	if (format == TRACE_EXPORT_BY_NAME) {
		bool proto =
			ends_with(path, len, ".pftrace") || ends_with(path, len, ".perfetto-trace");
		format = proto ? TRACE_EXPORT_PERFETTO : TRACE_EXPORT_JSON;
	}
	return format == TRACE_EXPORT_PERFETTO ? &trace_format_perfetto : &trace_format_json;
}

static char *object_label(const struct cfg_process *p, const struct cfg_object *o)
{
	size_t n = strlen(p->name) + strlen(o->name) + 2;
	char *label = malloc(n);
	if (label != NULL) {
		snprintf(label, n, "%s:%s", p->name, o->name);
	}
	return label;
}

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
	t->object_labels = calloc(t->object_count + 1, sizeof(char *));
	t->threads = calloc(t->thread_count + 1, sizeof(*t->threads));
	t->txns = calloc(t->object_count + 1, sizeof(*t->txns));
	if (t->first_object == NULL || t->first_thread == NULL || t->object_process == NULL ||
	    t->object_labels == NULL || t->threads == NULL || t->txns == NULL) {
		return false;
	}
	for (uint32_t p = 0; p < np; p++) {
		for (size_t o = 0; o < sys->processes[p].object_count; o++) {
			uint32_t object = t->first_object[p] + (uint32_t)o;
			t->object_process[object] = p;
			t->object_labels[object] =
				object_label(&sys->processes[p], &sys->processes[p].objects[o]);
			if (t->object_labels[object] == NULL) {
				return false;
			}
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
	for (uint32_t o = 0; t->object_labels != NULL && o < t->object_count; o++) {
		free(t->object_labels[o]);
	}
	free(t->object_labels);
	free(t->threads);
	free(t->txns);
	free(t->scenario);
	free(t);
}

struct trace_export *trace_export_open(const char *path, trace_export_format_t format,
				       const struct cfg_system *sys, char *err, size_t err_cap)
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
	bool gzip;
	t->format = choose_format(path, format, &gzip);
	t->out = trace_sink_open(path, gzip);
	if (t->out == NULL) {
		snprintf(err, err_cap, "cannot write it: %s", strerror(errno));
		free_tables(t);
		return NULL;
	}
	if (!t->format->open(t)) {
		snprintf(err, err_cap, "out of memory");
		t->format->free(t);
		trace_sink_close(t->out);
		free_tables(t);
		return NULL;
	}
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
	t->format->close(t, end_time);
	bool ok = trace_sink_close(t->out);
	t->format->free(t);
	free_tables(t);
	return ok;
}
