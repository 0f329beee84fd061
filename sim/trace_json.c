/*
 * trace_json.c — the Chrome trace-event JSON format, in its object form
 * {"displayTimeUnit":"ns","traceEvents":[...],"otherData":{...}}, one
 * event a line. Metadata events name and order the processes (pid = index
 * + 1) and threads (tid = global index + 1). Only B/E, i, s/t/f and M
 * events are written, never X: Perfetto keeps events with equal timestamps
 * in file order unless an X event is present, and zero-length slices rely
 * on that.
 *
 * Every byte is formatted here, straight into the sink's buffer (no stdio:
 * a printf per field cost more than the run it described). Timestamps are
 * virtual nanoseconds written as microseconds with three decimals, so the
 * text is exact and the same on every host.
 */
#include <string.h>

#include "trace_internal.h"

/* Room for an event's fixed parts: punctuation, keys and numbers. */
#define JSON_FIXED_MAX 128

static uint8_t *put(uint8_t *p, const char *s, size_t len)
{
	memcpy(p, s, len);
	return p + len;
}

#define PUT_LITERAL(p, lit) put((p), (lit), sizeof(lit) - 1)

static uint8_t *put_u64(uint8_t *p, uint64_t v)
{
	char digits[20];
	size_t n = 0;
	do {
		digits[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v != 0);
	while (n > 0) {
		*p++ = (uint8_t)digits[--n];
	}
	return p;
}

/* U.FFF: virtual ns as microseconds. */
static uint8_t *put_ts(uint8_t *p, uint64_t ns)
{
	uint64_t frac = ns % 1000;
	p = put_u64(p, ns / 1000);
	*p++ = '.';
	*p++ = (uint8_t)('0' + frac / 100);
	*p++ = (uint8_t)('0' + frac / 10 % 10);
	*p++ = (uint8_t)('0' + frac % 10);
	return p;
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

/* One byte or sequence of `*s` escaped at `p` (at most 6 bytes). */
static uint8_t *put_escaped(uint8_t *p, const unsigned char **s)
{
	static const char hex[] = "0123456789abcdef";
	unsigned char c = **s;
	if (c == '"' || c == '\\') {
		*p++ = '\\';
		*p++ = c;
		(*s)++;
	} else if (c < 0x20 || c == 0x7f) {
		p = PUT_LITERAL(p, "\\u00");
		*p++ = (uint8_t)hex[c >> 4];
		*p++ = (uint8_t)hex[c & 15];
		(*s)++;
	} else if (c < 0x80) {
		*p++ = c;
		(*s)++;
	} else {
		size_t n = utf8_length(*s);
		if (n == 0) {
			p = PUT_LITERAL(p, "\\ufffd");
			(*s)++;
		} else {
			p = put(p, (const char *)*s, n);
			*s += n;
		}
	}
	return p;
}

/* A JSON string body: escapes quotes, backslashes and control bytes, and
 * turns bytes that are not UTF-8 into U+FFFD, so any name stays valid. */
static void json_text(struct trace_sink *out, const char *text)
{
	const unsigned char *s = (const unsigned char *)text;
	while (*s != '\0') {
		uint8_t *p = trace_sink_reserve(out, TRACE_SINK_RESERVE_MAX);
		uint8_t *limit = p + TRACE_SINK_RESERVE_MAX - 8;
		while (*s != '\0' && p < limit) {
			p = put_escaped(p, &s);
		}
		trace_sink_commit(out, p);
	}
}

static void json_string(struct trace_sink *out, const char *s)
{
	trace_sink_write(out, "\"", 1);
	json_text(out, s);
	trace_sink_write(out, "\"", 1);
}

/* ,"key": then the quoted value. */
static void field_str(struct trace_export *t, const char *key, const char *value)
{
	uint8_t *p = trace_sink_reserve(t->out, JSON_FIXED_MAX);
	p = PUT_LITERAL(p, ",\"");
	p = put(p, key, strlen(key));
	p = PUT_LITERAL(p, "\":");
	trace_sink_commit(t->out, p);
	json_string(t->out, value);
}

/* Starts {"ph":"X","pid":P,"tid":T on its own line. */
static uint8_t *begin_common(struct trace_export *t, char ph, uint32_t pid, uint32_t tid)
{
	uint8_t *p = trace_sink_reserve(t->out, JSON_FIXED_MAX);
	p = t->any_event ? PUT_LITERAL(p, ",\n") : PUT_LITERAL(p, "\n");
	t->any_event = true;
	t->in_args = false;
	p = PUT_LITERAL(p, "{\"ph\":\"");
	*p++ = (uint8_t)ph;
	p = PUT_LITERAL(p, "\",\"pid\":");
	p = put_u64(p, pid);
	p = PUT_LITERAL(p, ",\"tid\":");
	return put_u64(p, tid);
}

static uint8_t *begin_on_track(struct trace_export *t, char ph, uint32_t thread, uint64_t ts)
{
	uint8_t *p = begin_common(t, ph, t->threads[thread].process + 1, thread + 1);
	p = PUT_LITERAL(p, ",\"ts\":");
	return put_ts(p, ts);
}

static void json_begin(struct trace_export *t, char ph, uint32_t thread, uint64_t ts,
		       const char *name, const char *cat)
{
	trace_sink_commit(t->out, begin_on_track(t, ph, thread, ts));
	if (name != NULL) {
		field_str(t, "name", name);
	}
	if (cat != NULL) {
		field_str(t, "cat", cat);
	}
	if (ph == 'i') {
		trace_sink_write(t->out, ",\"s\":\"t\"", 8); /* thread-scoped */
	}
}

static void json_flow(struct trace_export *t, char ph, uint32_t thread, uint64_t ts, uint64_t id)
{
	uint8_t *p = begin_on_track(t, ph, thread, ts);
	p = PUT_LITERAL(p, ",\"name\":\"ipc\",\"cat\":\"ipc\",\"id\":");
	p = put_u64(p, id);
	p = PUT_LITERAL(p, ",\"bp\":\"e\"}"); /* bound to the enclosing slice */
	trace_sink_commit(t->out, p);
}

static void json_args(struct trace_export *t)
{
	trace_sink_write(t->out, ",\"args\":{", 9);
	t->in_args = true;
	t->args_first = true;
}

static uint8_t *arg_key(struct trace_export *t, const char *key)
{
	uint8_t *p = trace_sink_reserve(t->out, JSON_FIXED_MAX);
	p = t->args_first ? PUT_LITERAL(p, "\"") : PUT_LITERAL(p, ",\"");
	t->args_first = false;
	p = put(p, key, strlen(key));
	return PUT_LITERAL(p, "\":");
}

static void json_arg_str(struct trace_export *t, const char *key, const char *value)
{
	trace_sink_commit(t->out, arg_key(t, key));
	json_string(t->out, value);
}

static void json_arg_u64(struct trace_export *t, const char *key, uint64_t value)
{
	trace_sink_commit(t->out, put_u64(arg_key(t, key), value));
}

static void json_end(struct trace_export *t)
{
	if (t->in_args) {
		trace_sink_write(t->out, "}}", 2);
	} else {
		trace_sink_write(t->out, "}", 1);
	}
	t->in_args = false;
}

/* A metadata event (no ts) naming or ordering a process or thread. Process
 * metadata names the process's first thread: a JSON event without a tid
 * is taken as one of thread tid = pid, which may be another process's
 * thread here. */
static void meta(struct trace_export *t, const char *name, uint32_t process, uint32_t thread,
		 const char *arg, const char *str, uint64_t u64)
{
	if (thread == PWK_NONE && t->sys->processes[process].thread_count > 0) {
		thread = t->first_thread[process];
	}
	trace_sink_commit(t->out,
			  begin_common(t, 'M', process + 1, thread == PWK_NONE ? 0 : thread + 1));
	field_str(t, "name", name);
	json_args(t);
	if (str != NULL) {
		json_arg_str(t, arg, str);
	} else {
		json_arg_u64(t, arg, u64);
	}
	json_end(t);
}

static bool json_open(struct trace_export *t)
{
	static const char head[] = "{\"displayTimeUnit\":\"ns\",\"traceEvents\":[";
	trace_sink_write(t->out, head, sizeof(head) - 1);
	const struct cfg_system *sys = t->sys;
	for (uint32_t p = 0; p < sys->process_count; p++) {
		meta(t, "process_name", p, PWK_NONE, "name", sys->processes[p].name, 0);
		meta(t, "process_sort_index", p, PWK_NONE, "sort_index", NULL, p + 1);
		for (uint32_t k = 0; k < sys->processes[p].thread_count; k++) {
			uint32_t thread = t->first_thread[p] + k;
			meta(t, "thread_name", p, thread, "name", sys->processes[p].threads[k].name,
			     0);
			meta(t, "thread_sort_index", p, thread, "sort_index", NULL, thread + 1);
		}
	}
	return true;
}

/* A quoted decimal (otherData values are strings). */
static void other_u64(struct trace_export *t, const char *key, uint64_t value)
{
	uint8_t *p = trace_sink_reserve(t->out, JSON_FIXED_MAX);
	p = PUT_LITERAL(p, ",\"");
	p = put(p, key, strlen(key));
	p = PUT_LITERAL(p, "\":\"");
	p = put_u64(p, value);
	*p++ = '"';
	trace_sink_commit(t->out, p);
}

static void json_close(struct trace_export *t, uint64_t end_time)
{
	static const char other[] =
		"\n],\"otherData\":{\"generator\":\"pwsim\",\"clock\":\"virtual\"";
	trace_sink_write(t->out, other, sizeof(other) - 1);
	if (t->scenario != NULL) {
		field_str(t, "scenario", t->scenario);
		other_u64(t, "seed", t->seed);
	}
	other_u64(t, "end_time_ns", end_time);
	other_u64(t, "records", t->record_count);
	trace_sink_write(t->out, "}}\n", 3);
}

static void json_free(struct trace_export *t)
{
	(void)t;
}

const struct trace_format trace_format_json = {
	.open = json_open,
	.begin = json_begin,
	.flow = json_flow,
	.args = json_args,
	.arg_str = json_arg_str,
	.arg_u64 = json_arg_u64,
	.end = json_end,
	.close = json_close,
	.free = json_free,
};
