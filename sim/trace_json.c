/*
 * trace_json.c — writes trace events as Chrome trace-event JSON, one event a
 * line, streamed straight to the file (nothing is buffered here beyond
 * stdio). Timestamps are virtual nanoseconds printed as microseconds with
 * three decimals, so the text is exact and the same on every host.
 */
#include <string.h>

#include "trace_internal.h"

static void begin_common(struct trace_export *t, char ph, uint32_t pid, uint32_t tid)
{
	fputs(t->any_event ? ",\n" : "\n", t->file);
	t->any_event = true;
	t->in_args = false;
	fprintf(t->file, "{\"ph\":\"%c\",\"pid\":%u,\"tid\":%u", ph, pid, tid);
}

void trace_event_begin(struct trace_export *t, char ph, uint32_t thread, uint64_t ts,
		       const char *name, const char *cat)
{
	struct trace_thread *th = &t->threads[thread];
	if (ts < th->last_ts) {
		ts = th->last_ts;
	}
	th->last_ts = ts;
	begin_common(t, ph, th->process + 1, thread + 1);
	fprintf(t->file, ",\"ts\":%llu.%03llu", (unsigned long long)(ts / 1000),
		(unsigned long long)(ts % 1000));
	if (name != NULL) {
		trace_event_field_str(t, "name", name);
	}
	if (cat != NULL) {
		trace_event_field_str(t, "cat", cat);
	}
}

void trace_event_meta(struct trace_export *t, const char *name, uint32_t process, uint32_t thread)
{
	/* Process metadata names the process's first thread: a JSON event
	 * without a tid is taken as one of thread tid = pid, which may be
	 * another process's thread here. */
	if (thread == PWK_NONE && t->sys->processes[process].thread_count > 0) {
		thread = t->first_thread[process];
	}
	begin_common(t, 'M', process + 1, thread == PWK_NONE ? 0 : thread + 1);
	trace_event_field_str(t, "name", name);
}

void trace_event_field_str(struct trace_export *t, const char *key, const char *value)
{
	fprintf(t->file, ",\"%s\":", key);
	trace_json_string(t->file, value);
}

void trace_event_field_u64(struct trace_export *t, const char *key, uint64_t value)
{
	fprintf(t->file, ",\"%s\":%llu", key, (unsigned long long)value);
}

void trace_event_args(struct trace_export *t)
{
	fputs(",\"args\":{", t->file);
	t->in_args = true;
	t->args_first = true;
}

static void arg_key(struct trace_export *t, const char *key)
{
	fprintf(t->file, "%s\"%s\":", t->args_first ? "" : ",", key);
	t->args_first = false;
}

void trace_arg_str(struct trace_export *t, const char *key, const char *value)
{
	arg_key(t, key);
	trace_json_string(t->file, value);
}

void trace_arg_u64(struct trace_export *t, const char *key, uint64_t value)
{
	arg_key(t, key);
	fprintf(t->file, "%llu", (unsigned long long)value);
}

void trace_arg_object(struct trace_export *t, const char *key, uint32_t object)
{
	arg_key(t, key);
	if (!trace_object_valid(t, object)) {
		fprintf(t->file, "\"object %u\"", object);
		return;
	}
	const struct cfg_process *p = &t->sys->processes[t->object_process[object]];
	fputc('"', t->file);
	trace_json_text(t->file, p->name);
	fputc(':', t->file);
	trace_json_text(t->file, p->objects[object - t->first_object[p->index]].name);
	fputc('"', t->file);
}

void trace_arg_signals(struct trace_export *t, const char *key, uint32_t signals)
{
	char text[128];
	trace_signals_text(signals, text, sizeof(text));
	trace_arg_str(t, key, text);
}

void trace_event_end(struct trace_export *t)
{
	fputs(t->in_args ? "}}" : "}", t->file);
	t->in_args = false;
}

/* Length of the UTF-8 sequence starting at `s`, or 0 if it is not one
 * (overlong forms, surrogates and code points past U+10FFFF included). */
static size_t utf8_length(const unsigned char *s)
{
	size_t n = s[0] >= 0xf0 ? 4 : s[0] >= 0xe0 ? 3 : 2;
	if (s[0] < 0xc2 || s[0] > 0xf4) {
		return 0;
	}
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80) {
			return 0;
		}
	}
	if ((s[0] == 0xe0 && s[1] < 0xa0) || (s[0] == 0xed && s[1] >= 0xa0) ||
	    (s[0] == 0xf0 && s[1] < 0x90) || (s[0] == 0xf4 && s[1] >= 0x90)) {
		return 0;
	}
	return n;
}

void trace_json_text(FILE *out, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p != '\0') {
		if (*p == '"' || *p == '\\') {
			fprintf(out, "\\%c", *p++);
		} else if (*p < 0x20 || *p == 0x7f) {
			fprintf(out, "\\u%04x", *p++);
		} else if (*p < 0x80) {
			fputc(*p++, out);
		} else {
			size_t n = utf8_length(p);
			if (n == 0) {
				fputs("\\ufffd", out);
				p++;
			} else {
				fwrite(p, 1, n, out);
				p += n;
			}
		}
	}
}

void trace_json_string(FILE *out, const char *s)
{
	fputc('"', out);
	trace_json_text(out, s);
	fputc('"', out);
}
