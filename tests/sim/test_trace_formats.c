/*
 * test_trace_formats.c — `pwsim run --trace` in its other formats, as a
 * user meets them: a .pftrace file is a Perfetto protobuf trace that says
 * exactly what the JSON trace of the same run says (the same events on
 * the same thread tracks, at the same times, with the same names, args and
 * flows; read back by an independent decoder, trace_events.c), a .gz name
 * gzips either format, and --trace-format overrides the file's name.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "pwsim_child.h"
#include "trace_events.h"

static char dir[64];

/* Each test writes its traces into a fresh directory, removed after it. */
static void make_dir(void)
{
	temp_dir_make(dir, sizeof(dir), "pwsim-trace-formats");
}

static void remove_dir(void)
{
	temp_dir_remove(dir);
}

TestSuite(trace_formats, .init = make_dir, .fini = remove_dir);

/* Runs `pwsim run scenario --seed seed --trace dir/file [extra...]` and
 * checks its exit status; returns the trace's path (static storage). */
static const char *traced(const char *scenario, const char *seed, const char *file,
			  const char *format, int status)
{
	static char path[4][160];
	static int next;
	char *p = path[next++ % 4];
	snprintf(p, sizeof(path[0]), "%s/%s", dir, file);
	const char *argv[] = {
		"run",     scenario, "--seed",  seed,
		"--trace", p,        "--quiet", format != NULL ? "--trace-format" : NULL,
		format,    NULL};
	struct pwsim_result r = pwsim_run(argv);
	cr_assert_eq(r.status, status, "%s: exit %d\n%s", scenario, r.status, r.err);
	pwsim_result_free(&r);
	return p;
}

static struct trace_events perfetto_events(const char *path)
{
	size_t len = 0;
	uint8_t *data = read_binary_file(path, &len);
	cr_assert_not_null(data, "%s not written", path);
	struct trace_events e = trace_events_from_perfetto(data, len);
	free(data);
	cr_assert_null(e.error, "%s does not decode: %s", path, e.error);
	return e;
}

static struct trace_events json_events(const char *path)
{
	char *text = read_text_file(path);
	struct trace_events e = trace_events_from_json(text);
	free(text);
	cr_assert_null(e.error, "%s: %s", path, e.error);
	return e;
}

static void assert_same_event(const struct trace_event *j, const struct trace_event *p, size_t i)
{
	cr_assert(j->ph == p->ph && j->tid == p->tid && j->ts == p->ts,
		  "event %zu: JSON %c tid %u at %llu ns, Perfetto %c tid %u at %llu ns", i, j->ph,
		  j->tid, (unsigned long long)j->ts, p->ph, p->tid, (unsigned long long)p->ts);
	cr_assert_str_eq(j->name, p->name, "event %zu's name", i);
	cr_assert_str_eq(j->args, p->args, "event %zu (%s)'s args", i, j->name);
	cr_assert_str_eq(j->flows, p->flows, "event %zu (%s)'s flows", i, j->name);
}

/* The two files of one run list the same events, thread names and run. */
static void assert_same_trace(const char *scenario, int status, size_t *flows)
{
	const char *json = traced(scenario, "0", "t.json", NULL, status);
	const char *pb = traced(scenario, "0", "t.pftrace", NULL, status);
	struct trace_events j = json_events(json), p = perfetto_events(pb);
	cr_assert(p.state_cleared_first, "the first packet must clear incremental state");
	cr_assert(p.clock_snapshot, "no incremental clock defined");
	cr_assert_gt(j.count, 0);
	cr_assert_eq(p.count, j.count, "%s: %zu events in JSON, %zu in Perfetto", scenario, j.count,
		     p.count);
	*flows = 0;
	for (size_t i = 0; i < j.count; i++) {
		assert_same_event(&j.events[i], &p.events[i], i);
		*flows += strlen(j.events[i].flows) > 0;
	}
	for (size_t tid = 0; tid < TRACE_THREADS_MAX; tid++) {
		cr_assert_str_eq(j.thread_names[tid], p.thread_names[tid], "tid %zu's name", tid);
	}
	char run[256];
	snprintf(run, sizeof(run), "scenario=%s;seed=0;", source_path(scenario));
	assert_contains(p.run_args, run);
	assert_contains(p.run_args, ";records=");
	trace_events_free(&j);
	trace_events_free(&p);
}

Test(trace_formats, a_pftrace_says_what_the_json_of_the_same_run_says)
{
	size_t flows = 0;
	assert_same_trace("scenarios/uppercase/scenario.json5", 0, &flows);
	cr_assert_geq(flows, 26 * 4, "start, read, respond and finish per letter, got %zu", flows);
}

Test(trace_formats, a_pftrace_of_a_fault_and_an_abandoned_transaction_matches_the_json)
{
	size_t flows = 0;
	assert_same_trace("tests/sim/hostile/wild_write.json5", 0, &flows);
}

Test(trace_formats, a_pftrace_cut_by_the_time_limit_matches_the_json)
{
	size_t flows = 0;
	assert_same_trace("tests/sim/stuck/time_limit.json5", 3, &flows);
}

Test(trace_formats, timestamps_never_go_back_on_a_perfetto_track)
{
	const char *pb = traced("tests/sim/stuck/time_limit.json5", "0", "m.pftrace", NULL, 3);
	struct trace_events p = perfetto_events(pb);
	uint64_t last[TRACE_THREADS_MAX] = {0};
	for (size_t i = 0; i < p.count; i++) {
		const struct trace_event *ev = &p.events[i];
		cr_assert_geq(ev->ts, last[ev->tid], "event %zu goes back on tid %u", i, ev->tid);
		last[ev->tid] = ev->ts;
	}
	/* A blocked thread's "waiting" starts where it last ran: when the
	 * clock jumped to a deadline meanwhile, that is before events
	 * already written on another track. */
	cr_assert_gt(p.absolute_timestamps, 0, "no back-dated event written absolutely");
	trace_events_free(&p);
}

Test(trace_formats, same_seed_writes_the_same_perfetto_bytes)
{
	const char *a = traced("scenarios/uppercase/scenario.json5", "5", "a.pftrace", NULL, 0);
	const char *b = traced("scenarios/uppercase/scenario.json5", "5", "b.pftrace", NULL, 0);
	size_t la = 0, lb = 0;
	uint8_t *da = read_binary_file(a, &la), *db = read_binary_file(b, &lb);
	cr_assert(la == lb && la > 0 && memcmp(da, db, la) == 0);
	free(da);
	free(db);
}

/* The gunzipped bytes of `path`. */
static uint8_t *gunzip_file(const char *path, size_t *len)
{
	gzFile g = gzopen(path, "rb");
	cr_assert_not_null(g, "%s", path);
	size_t cap = 1 << 16, n = 0;
	uint8_t *data = malloc(cap);
	int got;
	while ((got = gzread(g, data + n, (unsigned)(cap - n))) > 0) {
		n += (size_t)got;
		if (n == cap) {
			cap *= 2;
			data = realloc(data, cap);
		}
	}
	cr_assert_eq(got, 0, "%s is not a complete gzip file", path);
	gzclose(g);
	*len = n;
	return data;
}

static void assert_gz_holds(const char *plain_file, const char *gz_file)
{
	const char *plain = traced("scenarios/uppercase/scenario.json5", "5", plain_file, NULL, 0);
	const char *gz = traced("scenarios/uppercase/scenario.json5", "5", gz_file, NULL, 0);
	size_t lp = 0, lz = 0, lg = 0;
	uint8_t *dp = read_binary_file(plain, &lp), *dz = read_binary_file(gz, &lz);
	cr_assert(lz > 2 && dz[0] == 0x1f && dz[1] == 0x8b, "%s is not gzip", gz);
	cr_assert_lt(lz, lp, "gzip did not make %s smaller", gz);
	uint8_t *dg = gunzip_file(gz, &lg);
	cr_assert(lg == lp && memcmp(dg, dp, lp) == 0, "%s does not gunzip to %s", gz, plain);
	free(dp);
	free(dz);
	free(dg);
}

Test(trace_formats, a_json_gz_name_writes_the_json_gzipped)
{
	assert_gz_holds("u.json", "u.json.gz");
}

Test(trace_formats, a_pftrace_gz_name_writes_the_protobuf_gzipped)
{
	assert_gz_holds("u.pftrace", "u.pftrace.gz");
}

Test(trace_formats, trace_format_overrides_the_file_name)
{
	const char *pb = traced("scenarios/uppercase/scenario.json5", "0", "x.json", "perfetto", 0);
	struct trace_events p = perfetto_events(pb);
	cr_assert_gt(p.count, 0);
	trace_events_free(&p);
	const char *json =
		traced("scenarios/uppercase/scenario.json5", "0", "x.perfetto-trace", "json", 0);
	char *text = read_text_file(json);
	cr_assert(strncmp(text, "{\"displayTimeUnit\":\"ns\"", 23) == 0);
	free(text);
}

Test(trace_formats, an_unknown_trace_format_is_bad_input)
{
	const char *argv[] = {"run",
			      "scenarios/uppercase/scenario.json5",
			      "--trace",
			      "/tmp/x.json",
			      "--trace-format",
			      "csv",
			      NULL};
	struct pwsim_result r = pwsim_run(argv);
	cr_assert_eq(r.status, 2);
	assert_contains(r.err, "--trace-format takes json or perfetto, not 'csv'");
	pwsim_result_free(&r);
}

Test(trace_formats, a_trace_format_without_a_trace_is_bad_input)
{
	const char *argv[] = {"run", "scenarios/uppercase/scenario.json5", "--trace-format",
			      "perfetto", NULL};
	struct pwsim_result r = pwsim_run(argv);
	cr_assert_eq(r.status, 2);
	assert_contains(r.err, "--trace-format needs --trace FILE");
	pwsim_result_free(&r);
}
