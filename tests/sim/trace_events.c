/*
 * trace_events.c — see trace_events.h. The Perfetto reader knows only the
 * field numbers of Perfetto's public protos that a TrackEvent trace uses
 * (protos/perfetto/trace/trace_packet.proto and the track_event protos in
 * github.com/google/perfetto), written out here independently of the
 * writer's table.
 */
#include "trace_events.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct trace_event *add_event(struct trace_events *e)
{
	if (e->count == e->cap) {
		e->cap = e->cap == 0 ? 1024 : 2 * e->cap;
		e->events = realloc(e->events, e->cap * sizeof(*e->events));
	}
	struct trace_event *ev = &e->events[e->count++];
	memset(ev, 0, sizeof(*ev));
	return ev;
}

static void append(char *dst, size_t cap, const char *s)
{
	size_t len = strlen(dst);
	snprintf(dst + len, cap - len, "%s", s);
}

void trace_events_free(struct trace_events *e)
{
	free(e->events);
	*e = (struct trace_events){0};
}

uint8_t *read_binary_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL) {
		return NULL;
	}
	size_t cap = 1 << 16, n = 0;
	uint8_t *data = malloc(cap);
	size_t got;
	while ((got = fread(data + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap) {
			cap *= 2;
			data = realloc(data, cap);
		}
	}
	fclose(f);
	*len = n;
	return data;
}

/* --- JSON ------------------------------------------------------------------ */

/* The JSON string at `p` (just after its opening quote) into `out`,
 * unescaping \" and \\; returns the byte after the closing quote. */
static const char *json_string(const char *p, char *out, size_t cap)
{
	size_t n = 0;
	while (*p != '\0' && *p != '"') {
		if (*p == '\\' && p[1] != '\0') {
			p++;
		}
		if (n + 1 < cap) {
			out[n++] = *p;
		}
		p++;
	}
	out[n] = '\0';
	return *p == '"' ? p + 1 : p;
}

static bool json_field(const char *line, const char *key, char *out, size_t cap)
{
	const char *p = strstr(line, key);
	if (p == NULL) {
		return false;
	}
	json_string(p + strlen(key), out, cap);
	return true;
}

/* The args object's members as "key=value;" (values unquoted). */
static void json_args(const char *line, char *out, size_t cap)
{
	const char *p = strstr(line, "\"args\":{");
	out[0] = '\0';
	if (p == NULL) {
		return;
	}
	p += 8;
	while (*p == '"') {
		char key[128], value[TRACE_TEXT_MAX], pair[TRACE_TEXT_MAX + 130];
		p = json_string(p + 1, key, sizeof(key));
		p++; /* ':' */
		if (*p == '"') {
			p = json_string(p + 1, value, sizeof(value));
		} else {
			size_t n = strcspn(p, ",}");
			snprintf(value, sizeof(value), "%.*s", (int)n, p);
			p += n;
		}
		snprintf(pair, sizeof(pair), "%s=%s;", key, value);
		append(out, cap, pair);
		if (*p == ',') {
			p++;
		}
	}
}

struct json_stacks {
	size_t open[TRACE_THREADS_MAX][16]; /* event index of each open B */
	int depth[TRACE_THREADS_MAX];
};

static void json_line(struct trace_events *e, const char *line, struct json_stacks *st)
{
	const char *ph = strstr(line, "\"ph\":\"");
	unsigned long tid = 0;
	unsigned long long us = 0, frac = 0;
	const char *tidp = strstr(line, "\"tid\":");
	if (ph == NULL || tidp == NULL || sscanf(tidp + 6, "%lu", &tid) != 1 ||
	    tid >= TRACE_THREADS_MAX) {
		return;
	}
	char kind = ph[6];
	if (kind == 'M') {
		if (strstr(line, "\"name\":\"thread_name\"") != NULL) {
			json_field(strstr(line, "\"args\":"), "\"name\":\"", e->thread_names[tid],
				   sizeof(e->thread_names[tid]));
		}
		return;
	}
	const char *tsp = strstr(line, "\"ts\":");
	if (tsp == NULL || sscanf(tsp + 5, "%llu.%3llu", &us, &frac) != 2) {
		e->error = "a JSON event without ts";
		return;
	}
	if (kind == 's' || kind == 't' || kind == 'f') {
		unsigned long long id = 0;
		const char *idp = strstr(line, "\"id\":");
		if (idp == NULL || sscanf(idp + 5, "%llu", &id) != 1 || st->depth[tid] == 0) {
			e->error = "a JSON flow event without an id or an open slice";
			return;
		}
		char flow[32];
		snprintf(flow, sizeof(flow), "%c%llu;", kind == 'f' ? 'f' : '+', id);
		struct trace_event *b = &e->events[st->open[tid][st->depth[tid] - 1]];
		append(b->flows, sizeof(b->flows), flow);
		return;
	}
	struct trace_event *ev = add_event(e);
	ev->ph = kind;
	ev->tid = (uint32_t)tid;
	ev->ts = us * 1000 + frac;
	if (kind != 'E') {
		json_field(line, "\"name\":\"", ev->name, sizeof(ev->name));
	}
	json_args(line, ev->args, sizeof(ev->args));
	if (kind == 'B' && st->depth[tid] < 16) {
		st->open[tid][st->depth[tid]++] = e->count - 1;
	} else if (kind == 'E' && st->depth[tid] > 0) {
		struct trace_event *b = &e->events[st->open[tid][--st->depth[tid]]];
		/* memmove: GCC cannot tell that b is an earlier event than ev. */
		size_t n = strnlen(b->flows, sizeof(ev->flows) - 1);
		memmove(ev->flows, b->flows, n);
		ev->flows[n] = '\0';
		b->flows[0] = '\0';
	}
}

struct trace_events trace_events_from_json(const char *text)
{
	struct trace_events e = {0};
	static struct json_stacks st;
	memset(&st, 0, sizeof(st));
	char *copy = strdup(text), *save = NULL;
	for (char *line = strtok_r(copy, "\n", &save); line != NULL && e.error == NULL;
	     line = strtok_r(NULL, "\n", &save)) {
		json_line(&e, line, &st);
	}
	free(copy);
	return e;
}

/* --- Perfetto protobuf ---------------------------------------------------- */

struct field {
	uint32_t number;
	uint32_t wire;
	uint64_t value;      /* varint or fixed64 */
	const uint8_t *data; /* length-delimited */
	size_t len;
};

struct reader {
	const uint8_t *p, *end;
	bool bad;
};

static uint64_t varint(struct reader *r)
{
	uint64_t v = 0;
	for (unsigned shift = 0; shift < 64; shift += 7) {
		if (r->p == r->end) {
			break;
		}
		uint8_t b = *r->p++;
		v |= (uint64_t)(b & 0x7f) << shift;
		if ((b & 0x80) == 0) {
			return v;
		}
	}
	r->bad = true;
	return 0;
}

/* The next field of the message in `r`, false at its end (or if bad). */
static bool next_field(struct reader *r, struct field *f)
{
	if (r->bad || r->p == r->end) {
		return false;
	}
	uint64_t key = varint(r);
	*f = (struct field){.number = (uint32_t)(key >> 3), .wire = (uint32_t)(key & 7)};
	switch (f->wire) {
	case 0:
		f->value = varint(r);
		break;
	case 1:
		if (r->end - r->p < 8) {
			r->bad = true;
			return false;
		}
		for (int i = 0; i < 8; i++) {
			f->value |= (uint64_t)r->p[i] << (8 * i);
		}
		r->p += 8;
		break;
	case 2:
		f->len = (size_t)varint(r);
		if (r->bad || (size_t)(r->end - r->p) < f->len) {
			r->bad = true;
			return false;
		}
		f->data = r->p;
		r->p += f->len;
		break;
	default:
		r->bad = true;
		return false;
	}
	return !r->bad;
}

static struct reader reader_of(const uint8_t *data, size_t len)
{
	return (struct reader){.p = data, .end = data + len};
}

#define INTERNED_MAX 4096

/* An interned table: text by iid. */
struct table {
	char *text[INTERNED_MAX];
};

struct decoder {
	struct trace_events *e;
	struct table names, keys, values;
	uint64_t thread_uuid[TRACE_THREADS_MAX]; /* by tid; 0: none */
	uint64_t run_uuid;
	uint64_t clock; /* the incremental clock (64) */
	bool default_clock_64;
};

static void copy_text(char *out, size_t cap, const struct field *f)
{
	snprintf(out, cap, "%.*s", (int)f->len, (const char *)f->data);
}

/* InternedData field entries {iid = 1, text = 2} into `t`. */
static void intern_entry(struct decoder *d, struct table *t, const struct field *entry)
{
	struct reader r = reader_of(entry->data, entry->len);
	struct field f;
	uint64_t iid = 0;
	char text[TRACE_TEXT_MAX] = "";
	while (next_field(&r, &f)) {
		if (f.number == 1) {
			iid = f.value;
		} else if (f.number == 2) {
			copy_text(text, sizeof(text), &f);
		}
	}
	if (iid == 0 || iid >= INTERNED_MAX || t->text[iid] != NULL) {
		d->e->error = "an interned entry without a fresh iid";
		return;
	}
	t->text[iid] = strdup(text);
}

static void interned_data(struct decoder *d, const struct field *in)
{
	struct reader r = reader_of(in->data, in->len);
	struct field f;
	while (next_field(&r, &f)) {
		if (f.number == 2) { /* event_names */
			intern_entry(d, &d->names, &f);
		} else if (f.number == 3) { /* debug_annotation_names */
			intern_entry(d, &d->keys, &f);
		} else if (f.number == 29) { /* debug_annotation_string_values */
			intern_entry(d, &d->values, &f);
		}
	}
}

static const char *lookup(struct decoder *d, struct table *t, uint64_t iid)
{
	if (iid == 0 || iid >= INTERNED_MAX || t->text[iid] == NULL) {
		d->e->error = "a reference to an iid never interned";
		return "?";
	}
	return t->text[iid];
}

static void track_descriptor(struct decoder *d, const struct field *td)
{
	struct reader r = reader_of(td->data, td->len);
	struct field f;
	uint64_t uuid = 0, tid = 0;
	char name[64] = "", thread_name[64] = "";
	while (next_field(&r, &f)) {
		if (f.number == 1) {
			uuid = f.value;
		} else if (f.number == 2) {
			copy_text(name, sizeof(name), &f);
		} else if (f.number == 4) { /* ThreadDescriptor */
			struct reader tr = reader_of(f.data, f.len);
			struct field g;
			while (next_field(&tr, &g)) {
				if (g.number == 2) {
					tid = g.value;
				} else if (g.number == 5) {
					copy_text(thread_name, sizeof(thread_name), &g);
				}
			}
		}
	}
	if (tid > 0 && tid < TRACE_THREADS_MAX) {
		d->thread_uuid[tid] = uuid;
		snprintf(d->e->thread_names[tid], sizeof(d->e->thread_names[tid]), "%s",
			 thread_name);
	} else if (strcmp(name, "pwsim run") == 0) {
		d->run_uuid = uuid;
	}
}

static void annotation(struct decoder *d, const struct field *a, char *args, size_t cap)
{
	struct reader r = reader_of(a->data, a->len);
	struct field f;
	const char *key = "?";
	char value[TRACE_TEXT_MAX] = "", pair[TRACE_TEXT_MAX + 130];
	while (next_field(&r, &f)) {
		if (f.number == 1) {
			key = lookup(d, &d->keys, f.value);
		} else if (f.number == 3) {
			snprintf(value, sizeof(value), "%llu", (unsigned long long)f.value);
		} else if (f.number == 6) {
			copy_text(value, sizeof(value), &f);
		} else if (f.number == 17) {
			snprintf(value, sizeof(value), "%s", lookup(d, &d->values, f.value));
		}
	}
	snprintf(pair, sizeof(pair), "%s=%s;", key, value);
	append(args, cap, pair);
}

static void track_event(struct decoder *d, const struct field *te, uint64_t ts)
{
	struct reader r = reader_of(te->data, te->len);
	struct field f;
	struct trace_event ev = {.ts = ts};
	uint64_t uuid = 0;
	while (next_field(&r, &f)) {
		char flow[32];
		switch (f.number) {
		case 9:
			ev.ph = f.value == 1 ? 'B' : f.value == 2 ? 'E' : f.value == 3 ? 'i' : '?';
			break;
		case 11:
			uuid = f.value;
			break;
		case 10:
			snprintf(ev.name, sizeof(ev.name), "%s", lookup(d, &d->names, f.value));
			break;
		case 4:
			annotation(d, &f, ev.args, sizeof(ev.args));
			break;
		case 47:
		case 48:
			snprintf(flow, sizeof(flow), "%c%llu;", f.number == 48 ? 'f' : '+',
				 (unsigned long long)f.value);
			append(ev.flows, sizeof(ev.flows), flow);
			break;
		default:
			break;
		}
	}
	if (uuid != 0 && uuid == d->run_uuid) {
		snprintf(d->e->run_args, sizeof(d->e->run_args), "%s", ev.args);
		return;
	}
	for (uint32_t tid = 1; tid < TRACE_THREADS_MAX; tid++) {
		if (d->thread_uuid[tid] == uuid && uuid != 0) {
			ev.tid = tid;
			*add_event(d->e) = ev;
			return;
		}
	}
	d->e->error = "a track event on a track never described";
}

/* Whether ClockSnapshot `cs` has clocks (1) {clock_id (1) 64,
 * is_incremental (3) true}; *base its timestamp (2). */
static bool snapshot_has_incremental_64(const struct field *cs, uint64_t *base)
{
	struct reader r = reader_of(cs->data, cs->len);
	struct field f, g;
	bool found = false;
	while (next_field(&r, &f)) {
		struct reader cr = reader_of(f.data, f.len);
		uint64_t id = 0, ts = 0, incremental = 0;
		while (f.number == 1 && next_field(&cr, &g)) {
			id = g.number == 1 ? g.value : id;
			ts = g.number == 2 ? g.value : ts;
			incremental = g.number == 3 ? g.value : incremental;
		}
		if (id == 64 && incremental) {
			*base = ts;
			found = true;
		}
	}
	return found;
}

/* TracePacketDefaults.timestamp_clock_id (58), or 0. */
static uint64_t defaults_clock(const struct field *defaults)
{
	struct reader r = reader_of(defaults->data, defaults->len);
	struct field f;
	uint64_t clock = 0;
	while (next_field(&r, &f)) {
		clock = f.number == 58 ? f.value : clock;
	}
	return clock;
}

static void packet(struct decoder *d, const struct field *pk)
{
	struct reader r = reader_of(pk->data, pk->len);
	struct field f, event = {0}, interned = {0}, descriptor = {0};
	bool has_ts = false, has_clock = false;
	uint64_t ts = 0, clock = 0, flags = 0;
	while (next_field(&r, &f)) {
		switch (f.number) {
		case 8:
			has_ts = true;
			ts = f.value;
			break;
		case 58:
			has_clock = true;
			clock = f.value;
			break;
		case 13:
			flags = f.value;
			break;
		case 11:
			event = f;
			break;
		case 12:
			interned = f;
			break;
		case 60:
			descriptor = f;
			break;
		case 6:
			d->e->clock_snapshot = snapshot_has_incremental_64(&f, &d->clock);
			break;
		case 59:
			d->default_clock_64 = defaults_clock(&f) == 64;
			break;
		default:
			break;
		}
	}
	if (r.bad) {
		d->e->error = "a malformed packet";
		return;
	}
	if (d->e->packets++ == 0) {
		d->e->state_cleared_first = (flags & 1) != 0;
	}
	if (interned.data != NULL) {
		interned_data(d, &interned);
	}
	if (descriptor.data != NULL) {
		track_descriptor(d, &descriptor);
	}
	if (event.data == NULL) {
		return;
	}
	if (has_clock && clock == 6) {
		d->e->absolute_timestamps++;
	} else if (has_ts && !has_clock && d->default_clock_64 && d->e->clock_snapshot) {
		d->clock += ts;
		ts = d->clock;
	} else {
		d->e->error = "an event timestamp on no known clock";
		return;
	}
	track_event(d, &event, ts);
}

struct trace_events trace_events_from_perfetto(const uint8_t *data, size_t len)
{
	struct trace_events e = {0};
	struct decoder *d = calloc(1, sizeof(*d));
	d->e = &e;
	struct reader r = reader_of(data, len);
	struct field f;
	while (e.error == NULL && next_field(&r, &f)) {
		if (f.number != 1 || f.wire != 2) {
			e.error = "a Trace field that is not a packet";
			break;
		}
		packet(d, &f);
	}
	if (r.bad && e.error == NULL) {
		e.error = "the file ends inside a field";
	}
	for (size_t i = 0; i < INTERNED_MAX; i++) {
		free(d->names.text[i]);
		free(d->keys.text[i]);
		free(d->values.text[i]);
	}
	free(d);
	return e;
}
