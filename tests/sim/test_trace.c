/*
 * test_trace.c — `pwsim run --trace` and `pwsim replay` as a user meets
 * them: the trace is valid JSON that Perfetto can load (named tracks,
 * balanced slices, time that never goes back on a track, one flow per
 * transaction with an end), the same seed writes the same bytes, a replay
 * is the run it replays, and it shows the interleaving behind a failure.
 *
 * The structural checks read the writer's layout of one event per line;
 * JSON validity itself is checked by `pwsim json5`.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pwsim_child.h"

#define TIDS_MAX  64
#define FLOWS_MAX 4096

struct trace_summary {
	size_t events, begins, ends, instants;
	size_t flow_starts, flow_steps, flow_finishes;
	size_t unfinished_flows; /* ids with an "s" but no "f" */
	size_t unbound_flows;    /* flow events not right after a B at their ts */
	bool balanced;           /* every B has its E on the same tid, in order */
	bool monotonic;          /* timestamps never go back on a tid */
};

static char dir[64];

/* Each test writes its traces into a fresh directory, removed after it. */
static void make_dir(void)
{
	temp_dir_make(dir, sizeof(dir), "pwsim-trace");
}

static void remove_dir(void)
{
	temp_dir_remove(dir);
}

TestSuite(trace, .init = make_dir, .fini = remove_dir);

static bool field_u64(const char *line, const char *key, unsigned long long *out)
{
	const char *p = strstr(line, key);
	return p != NULL && sscanf(p + strlen(key), "%llu", out) == 1;
}

/* Virtual ns of a "ts":U.FFF field. */
static bool field_ts(const char *line, unsigned long long *ns)
{
	unsigned long long us = 0, frac = 0;
	const char *p = strstr(line, "\"ts\":");
	if (p == NULL || sscanf(p + 5, "%llu.%3llu", &us, &frac) != 2) {
		return false;
	}
	*ns = us * 1000 + frac;
	return true;
}

/* What the summary remembers of one track. */
struct track_state {
	int depth;
	unsigned long long last_ts;
	char last_ph;
};

static void summarize_flow(const char *line, char ph, const struct track_state *track,
			   unsigned long long ts, struct trace_summary *s, unsigned char *flows)
{
	unsigned long long id = 0;
	cr_assert(field_u64(line, "\"id\":", &id) && id < FLOWS_MAX, "%s", line);
	s->flow_starts += ph == 's';
	s->flow_steps += ph == 't';
	s->flow_finishes += ph == 'f';
	flows[id] |= ph == 's' ? 1 : ph == 'f' ? 2 : 0;
	/* Bound to a slice that begins right there: Perfetto draws the arrow
	 * to that slice's start (and from a zero-length marker's end). */
	s->unbound_flows += track->last_ph != 'B' || track->last_ts != ts;
}

static void summarize_line(const char *line, struct trace_summary *s, struct track_state *tracks,
			   unsigned char *flows)
{
	const char *ph = strstr(line, "\"ph\":\"");
	unsigned long long tid = 0, ts = 0;
	if (ph == NULL || ph[6] == 'M') {
		return;
	}
	cr_assert(field_u64(line, "\"tid\":", &tid) && tid < TIDS_MAX, "%s", line);
	cr_assert(field_ts(line, &ts), "no ts: %s", line);
	struct track_state *track = &tracks[tid];
	s->events++;
	s->monotonic &= ts >= track->last_ts;
	switch (ph[6]) {
	case 'B':
		s->begins++;
		track->depth++;
		break;
	case 'E':
		s->ends++;
		s->balanced &= --track->depth >= 0;
		break;
	case 'i':
		s->instants++;
		break;
	case 's':
	case 't':
	case 'f':
		summarize_flow(line, ph[6], track, ts, s, flows);
		break;
	default:
		break;
	}
	track->last_ts = ts;
	track->last_ph = ph[6];
}

static struct trace_summary summarize(const char *text)
{
	struct trace_summary s = {.balanced = true, .monotonic = true};
	struct track_state tracks[TIDS_MAX] = {{0}};
	static unsigned char flows[FLOWS_MAX];
	memset(flows, 0, sizeof(flows));
	char *copy = strdup(text), *save = NULL;
	for (char *line = strtok_r(copy, "\n", &save); line != NULL;
	     line = strtok_r(NULL, "\n", &save)) {
		summarize_line(line, &s, tracks, flows);
	}
	for (size_t tid = 0; tid < TIDS_MAX; tid++) {
		s.balanced &= tracks[tid].depth == 0;
	}
	for (size_t id = 0; id < FLOWS_MAX; id++) {
		s.unfinished_flows += flows[id] == 1;
	}
	free(copy);
	return s;
}

static void assert_valid_json(const char *path)
{
	const char *argv[] = {"json5", path, NULL};
	struct pwsim_result r = pwsim_run(argv);
	cr_assert_eq(r.status, 0, "%s is not valid JSON:\n%s", path, r.err);
	cr_assert(strncmp(r.out, "{", 1) == 0);
	pwsim_result_free(&r);
}

/* Runs `pwsim run scenario --seed seed --trace path`; returns its status. */
static int run_traced(const char *scenario, const char *seed, const char *path)
{
	const char *argv[] = {"run", scenario, "--seed", seed, "--trace", path, NULL};
	struct pwsim_result r = pwsim_run(argv);
	int status = r.status;
	pwsim_result_free(&r);
	return status;
}

/* The trace of a run that must end with `status`, checked to be JSON. */
static char *traced_text(const char *scenario, const char *seed, const char *file, int status)
{
	static char path[128];
	snprintf(path, sizeof(path), "%s/%s", dir, file);
	cr_assert_eq(run_traced(scenario, seed, path), status);
	assert_valid_json(path);
	return read_text_file(path);
}

Test(trace, uppercase_trace_has_named_tracks_balanced_slices_and_a_flow_per_transaction)
{
	char *text = traced_text("scenarios/uppercase/scenario.json5", "0", "uppercase.json", 0);
	assert_contains(text, "\"displayTimeUnit\":\"ns\"");
	assert_contains(text, "\"name\":\"thread_name\",\"args\":{\"name\":\"initiator_thread\"}");
	assert_contains(text, "\"name\":\"thread_name\",\"args\":{\"name\":\"handler_thread\"}");
	assert_contains(text, "\"name\":\"process_name\",\"args\":{\"name\":\"handler\"}");
	assert_contains(text, "\"name\":\"channel_transact\"");
	assert_contains(text, "\"name\":\"waiting\"");
	struct trace_summary s = summarize(text);
	cr_assert_geq(s.flow_starts, 26, "one flow per letter, got %zu", s.flow_starts);
	cr_assert_eq(s.flow_finishes, s.flow_starts);
	cr_assert_eq(s.flow_steps, 2 * s.flow_starts, "read and respond steps");
	cr_assert_eq(s.unfinished_flows, 0);
	cr_assert_eq(s.unbound_flows, 0);
	cr_assert(s.balanced, "a B without its E, or an E without its B");
	cr_assert_eq(s.begins, s.ends);
	cr_assert(s.monotonic, "time went back on a track");
	free(text);
}

Test(trace, same_seed_writes_the_same_bytes)
{
	char a[128], b[128];
	snprintf(a, sizeof(a), "%s/a.json", dir);
	snprintf(b, sizeof(b), "%s/b.json", dir);
	cr_assert_eq(run_traced("scenarios/uppercase/scenario.json5", "5", a), 0);
	cr_assert_eq(run_traced("scenarios/uppercase/scenario.json5", "5", b), 0);
	char *ta = read_text_file(a), *tb = read_text_file(b);
	cr_assert_str_eq(ta, tb);
	free(ta);
	free(tb);
}

/* The first seed in 0..40 for which scenarios/lost_update fails (the planted
 * bug needs a preemption inside the read-modify-write). */
static int failing_lost_update_seed(char *seed, size_t cap)
{
	for (int n = 0; n <= 40; n++) {
		snprintf(seed, cap, "%d", n);
		const char *argv[] = {"run",     "scenarios/lost_update/scenario.json5",
				      "--seed",  seed,
				      "--quiet", NULL};
		struct pwsim_result r = pwsim_run(argv);
		int status = r.status;
		pwsim_result_free(&r);
		if (status == 1) {
			return n;
		}
	}
	cr_assert_fail("no seed in 0..40 loses an update");
	return -1;
}

Test(trace, replay_of_a_failing_seed_shows_the_interleaving_and_writes_the_trace)
{
	char seed[16], expected_file[128];
	failing_lost_update_seed(seed, sizeof(seed));
	cr_assert_eq(chdir(dir), 0);
	const char *argv[] = {"replay", "scenarios/lost_update/scenario.json5", "--seed", seed,
			      NULL};
	struct pwsim_result r = pwsim_run(argv);
	cr_assert_eq(r.status, 1, "exit %d\n%s\n%s", r.status, r.out, r.err);
	assert_contains(r.out, "lost update");
	assert_contains(r.out, "scheduling, IPC and fault events (virtual time):");
	assert_contains(r.out, " us  counter/main_thread ");
	assert_contains(r.out, "-> counter/worker  (switch: preempted)");
	snprintf(expected_file, sizeof(expected_file), "lost_update.seed-%s.trace.json", seed);
	assert_contains(r.err, expected_file);
	char path[256];
	snprintf(path, sizeof(path), "%s/%s", dir, expected_file);
	assert_valid_json(path);
	char *text = read_text_file(path);
	assert_contains(text, "\"name\":\"preempted\"");
	struct trace_summary s = summarize(text);
	cr_assert(s.balanced && s.monotonic);
	free(text);
	pwsim_result_free(&r);
}

Test(trace, replay_writes_the_trace_of_the_run_it_replays)
{
	char seed[16], ran[128], replayed[128];
	failing_lost_update_seed(seed, sizeof(seed));
	snprintf(ran, sizeof(ran), "%s/run.json", dir);
	snprintf(replayed, sizeof(replayed), "%s/replay.json", dir);
	cr_assert_eq(run_traced("scenarios/lost_update/scenario.json5", seed, ran), 1);
	const char *argv[] = {"replay",  "scenarios/lost_update/scenario.json5",
			      "--seed",  seed,
			      "--trace", replayed,
			      NULL};
	struct pwsim_result r = pwsim_run(argv);
	cr_assert_eq(r.status, 1);
	char *a = read_text_file(ran), *b = read_text_file(replayed);
	cr_assert_str_eq(a, b);
	free(a);
	free(b);
	pwsim_result_free(&r);
}

Test(trace, replay_needs_a_seed)
{
	const char *argv[] = {"replay", "scenarios/lost_update/scenario.json5", NULL};
	struct pwsim_result r = pwsim_run(argv);
	cr_assert_eq(r.status, 2);
	assert_contains(r.err, "replay needs --seed N");
	pwsim_result_free(&r);
}

Test(trace, a_fault_is_an_instant_and_the_abandoned_transaction_still_ends)
{
	char *text = traced_text("tests/sim/hostile/wild_write.json5", "0", "wild_write.json", 0);
	assert_contains(text, "\"ph\":\"i\"");
	assert_contains(text, "\"name\":\"fault\",\"cat\":\"event\",\"s\":\"t\","
			      "\"args\":{\"process\":\"attacker\"");
	assert_contains(text, "\"name\":\"user error\"");
	assert_contains(text, "\"reason\":\"handle not in the caller's object table\"");
	assert_contains(text, "\"name\":\"no response\"");
	struct trace_summary s = summarize(text);
	cr_assert_eq(s.unfinished_flows, 0);
	cr_assert_eq(s.unbound_flows, 0);
	cr_assert(s.balanced && s.monotonic);
	free(text);
}

Test(trace, a_run_cut_by_the_time_limit_still_closes_every_slice)
{
	char *text = traced_text("tests/sim/stuck/time_limit.json5", "0", "limit.json", 3);
	struct trace_summary s = summarize(text);
	cr_assert_gt(s.begins, 0);
	cr_assert(s.balanced && s.monotonic);
	free(text);
}

Test(trace, an_unwritable_trace_file_is_bad_input)
{
	const char *argv[] = {"run", "scenarios/uppercase/scenario.json5", "--trace",
			      "/nonexistent-dir/x.json", NULL};
	struct pwsim_result r = pwsim_run(argv);
	cr_assert_eq(r.status, 2);
	assert_contains(r.err, "--trace /nonexistent-dir/x.json: cannot write it");
	pwsim_result_free(&r);
}
