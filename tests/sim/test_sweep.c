/*
 * test_sweep.c — `pwsim sweep` as a user and a CI job see it: summaries,
 * replay commands that reproduce a failure, shards that partition the runs,
 * reports that parse, usage errors, wall-clock timeouts, crashed children
 * and ^C.
 */
#include <criterion/criterion.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "pwsim_child.h"

#define UPPERCASE   "scenarios/uppercase/scenario.json5"
#define LOST_UPDATE "scenarios/lost_update/scenario.json5"
/* Seconds of wall time per run (30 s of virtual time spinning). */
#define SPINNER     "tests/sim/watchdog/untimed_spinner.json5"
#define WORDS_MAX   32

static size_t count_of(const char *text, const char *needle)
{
	size_t n = 0;
	for (const char *p = text; (p = strstr(p, needle)) != NULL; p += strlen(needle)) {
		n++;
	}
	return n;
}

/* A fresh path under /tmp for a report; the caller removes the file. */
static const char *temp_path(const char *name)
{
	static char buf[4][256];
	static unsigned next;
	char *out = buf[next++ % 4];
	snprintf(out, sizeof(buf[0]), "/tmp/pwsim-test-sweep-%d-%s", (int)getpid(), name);
	return out;
}

Test(sweep, every_seed_of_uppercase_passes)
{
	const char *argv[] = {"sweep", UPPERCASE, "--seeds", "0..9", "-j", "2", NULL};
	struct pwsim_result r = pwsim_run(argv);
	cr_assert_eq(r.status, 0, "exit %d\n%s\n%s", r.status, r.out, r.err);
	assert_contains(r.out, "10 runs: 10 passed, 0 failed, 0 timeouts");
	cr_assert(strstr(r.err, "FAIL") == NULL, "%s", r.err);
	pwsim_result_free(&r);
}

/* The digest the sweep reported for the run that `replay` (a line of the
 * sweep's stderr, after "replay: ") replays. */
static void reported_digest(const char *err, const char *replay, char digest[17])
{
	const char *line = strstr(err, replay);
	const char *d = NULL;
	for (const char *p = err; p < line; p++) {
		if (strncmp(p, "trace digest ", 13) == 0) {
			d = p + 13;
		}
	}
	cr_assert(d != NULL, "no digest before the replay command in:\n%s", err);
	memcpy(digest, d, 16);
	digest[16] = '\0';
}

Test(sweep, failing_seed_prints_a_replay_command_that_reproduces_it)
{
	const char *argv[] = {"sweep", LOST_UPDATE, "--seeds", "0..40", "-j", "2", NULL};
	struct pwsim_result r = pwsim_run(argv);
	cr_assert_eq(r.status, 1, "exit %d\n%s\n%s", r.status, r.out, r.err);
	assert_contains(r.out, "first failing seed");
	const char *at = strstr(r.err, "replay: ");
	cr_assert(at != NULL, "no replay command in:\n%s", r.err);
	char command[1024];
	snprintf(command, sizeof(command), "%.*s", (int)strcspn(at + 8, "\n"), at + 8);
	assert_contains(r.out, command); /* printed again in the summary */
	char digest[17];
	reported_digest(r.err, command, digest);

	/* Run exactly that command line, split on spaces. */
	const char *words[WORDS_MAX] = {0};
	size_t n = 0;
	for (char *w = strtok(command, " "); w != NULL && n + 1 < WORDS_MAX;
	     w = strtok(NULL, " ")) {
		words[n++] = w;
	}
	char *self = realpath(PWSIM_PATH, NULL), *named = realpath(words[0], NULL);
	cr_assert_str_eq(named, self, "the replay command runs another pwsim");
	cr_assert_str_eq(words[1], "run");
	struct pwsim_result again = pwsim_run(words + 1);
	cr_assert_eq(again.status, 1, "the replayed run passed:\n%s", again.err);
	char want[64];
	snprintf(want, sizeof(want), "trace digest %s\n", digest);
	assert_contains(again.err, want);
	free(self);
	free(named);
	pwsim_result_free(&again);
	pwsim_result_free(&r);
}

/* Adds each run of a --json report to seen[scenario][seed]. */
static void mark_runs(const char *json, int seen[2][5])
{
	const char *runs = strstr(json, "\"runs\": [");
	cr_assert(runs != NULL, "%s", json);
	const char *open = "{\"scenario\": \"";
	size_t n = strlen(UPPERCASE);
	for (const char *p = runs; (p = strstr(p, open)) != NULL; p++) {
		const char *end = strchr(p + strlen(open), '"');
		int scenario = end - p > (long)n && strncmp(end - n, UPPERCASE, n) == 0;
		const char *seed = strstr(p, "\"seed\": ");
		long s = strtol(seed + 8, NULL, 10);
		cr_assert(s >= 0 && s < 5, "seed %ld", s);
		seen[scenario][s]++;
	}
}

Test(sweep, two_shards_cover_every_run_exactly_once)
{
	int seen[2][5] = {{0}};
	for (int shard = 1; shard <= 2; shard++) {
		char shard_arg[32];
		snprintf(shard_arg, sizeof(shard_arg), "--shard=%d/2", shard);
		const char *json = temp_path(shard == 1 ? "shard1.json" : "shard2.json");
		const char *argv[] = {"sweep", UPPERCASE, LOST_UPDATE, "--seeds", "0..4", "-j",
				      "2",     shard_arg, "--json",    json,      NULL};
		struct pwsim_result r = pwsim_run(argv);
		/* lost_update may fail some of these seeds: only coverage matters here. */
		cr_assert(r.status == 0 || r.status == 1, "exit %d\n%s\n%s", r.status, r.out,
			  r.err);
		assert_contains(r.out, "5 runs: ");
		char *text = read_text_file(json);
		char want[64];
		snprintf(want, sizeof(want), "\"shard\": {\"index\": %d, \"count\": 2}", shard);
		assert_contains(text, want);
		mark_runs(text, seen);
		free(text);
		remove(json);
		pwsim_result_free(&r);
	}
	for (int s = 0; s < 2; s++) {
		for (int seed = 0; seed < 5; seed++) {
			cr_assert_eq(seen[s][seed], 1, "scenario %d seed %d ran %d times", s, seed,
				     seen[s][seed]);
		}
	}
}

Test(sweep, junit_and_json_reports_are_well_formed)
{
	const char *junit = temp_path("report.xml"), *json = temp_path("report.json");
	const char *argv[] = {"sweep",   LOST_UPDATE, "--seeds", "0..9", "-j", "2",
			      "--junit", junit,       "--json",  json,   NULL};
	struct pwsim_result r = pwsim_run(argv);
	cr_assert_eq(r.status, 1, "exit %d\n%s\n%s", r.status, r.out, r.err);
	/* Which seeds lose an update depends on the build's code; the reports
	 * must agree with the summary, whatever the count. */
	int passed = -1, failed = -1;
	const char *line = strstr(r.out, "10 runs: ");
	cr_assert(line != NULL &&
			  sscanf(line, "10 runs: %d passed, %d failed", &passed, &failed) == 2,
		  "%s", r.out);
	cr_assert(failed >= 1 && passed + failed == 10, "%s", r.out);
	char want[64];
	char *xml = read_text_file(junit);
	assert_contains(xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites ");
	snprintf(want, sizeof(want), "tests=\"10\" failures=\"%d\"", failed);
	assert_contains(xml, want);
	cr_assert_eq(count_of(xml, "<testsuite "), 1);
	cr_assert_eq(count_of(xml, "<testcase "), 10);
	cr_assert_eq(count_of(xml, "<failure "), (size_t)failed);
	cr_assert_eq(count_of(xml, "</failure>"), (size_t)failed);
	assert_contains(xml, "replay: ");
	assert_contains(xml, "</testsuites>\n");

	const char *parse[] = {"json5", json, NULL};
	struct pwsim_result p = pwsim_run(parse);
	cr_assert_eq(p.status, 0, "the --json report does not parse:\n%s", p.err);
	char *text = read_text_file(json);
	snprintf(want, sizeof(want), "\"totals\": {\"runs\": 10, \"passed\": %d, \"failed\": %d",
		 passed, failed);
	assert_contains(text, want);
	assert_contains(text, "\"first_failing_seed\": ");
	cr_assert_eq(count_of(text, "\"status\": \"failed\""), (size_t)failed);
	free(text);
	free(xml);
	remove(junit);
	remove(json);
	pwsim_result_free(&p);
	pwsim_result_free(&r);
}

static void assert_usage_error(const char *const *argv, const char *message)
{
	struct pwsim_result r = pwsim_run(argv);
	cr_assert_eq(r.status, 2, "%s: exit %d\n%s", argv[2], r.status, r.err);
	assert_contains(r.err, message);
	cr_assert(strstr(r.err, "seed 0:") == NULL, "a run started:\n%s", r.err);
	pwsim_result_free(&r);
}

Test(sweep, bad_usage_exits_2_before_any_run)
{
	const char *reversed[] = {"sweep", UPPERCASE, "--seeds", "9..3", NULL};
	assert_usage_error(reversed, "--seeds takes A..B with A <= B");
	const char *no_jobs[] = {"sweep", UPPERCASE, "-j", "0", NULL};
	assert_usage_error(no_jobs, "-j takes a number of parallel runs");
	const char *bad_shard[] = {"sweep", UPPERCASE, "--shard=3/2", NULL};
	assert_usage_error(bad_shard, "--shard takes I/N with 1 <= I <= N");
	const char *unknown[] = {"sweep", UPPERCASE, "--frobnicate", NULL};
	assert_usage_error(unknown, "unknown option '--frobnicate'");
	const char *missing[] = {"sweep", "scenarios/no_such/scenario.json5", NULL};
	assert_usage_error(missing, "no_such/scenario.json5': No such file or directory");
	const char *twice[] = {"sweep", UPPERCASE,
			       "scenarios/uppercase/../uppercase/scenario.json5", NULL};
	assert_usage_error(twice, "is given twice");
	const char *nothing[] = {"sweep", "--seeds", "0..3", NULL};
	assert_usage_error(nothing, "usage: pwsim sweep SCENARIO...");
}

Test(sweep, bad_scenario_is_reported_once_with_its_position)
{
	const char *argv[] = {"sweep", "tests/sim/bad/unknown_field.json5", NULL};
	struct pwsim_result r = pwsim_run(argv);
	cr_assert_eq(r.status, 2, "exit %d\n%s", r.status, r.err);
	cr_assert_eq(count_of(r.err, "unknown_field.json5:4:3: error: unknown field"), 1, "%s",
		     r.err);
	pwsim_result_free(&r);
}

/* SPINNER, so that no run can finish inside the timeout, however late a loaded
 * machine lets the sweep's timer fire: an uppercase run (tens of
 * milliseconds in the test build) once passed under this timeout while the
 * machine was loaded. */
Test(sweep, run_past_the_wall_timeout_is_killed_and_counted)
{
	const char *argv[] = {"sweep", SPINNER,     "--seeds", "0..3", "-j",
			      "2",     "--timeout", "0.001",   NULL};
	struct pwsim_result r = pwsim_run(argv);
	cr_assert_eq(r.status, 1, "exit %d\n%s\n%s", r.status, r.out, r.err);
	assert_contains(r.out, "4 runs: 0 passed, 0 failed, 4 timeouts");
	assert_contains(r.err, "no result after 0.001 s of wall time (--timeout): killed with "
			       "SIGKILL");
	pwsim_result_free(&r);
}

/* A sweep running in the background, for tests that act on it while it
 * runs: stdout to a temporary file, stderr dropped. */
struct background_sweep {
	pid_t pid;
	FILE *out;
};

static struct background_sweep sweep_start(const char *scenario, const char *seeds,
					   const char *jobs)
{
	struct background_sweep b = {0, tmpfile()};
	fflush(NULL);
	b.pid = fork();
	if (b.pid == 0) {
		dup2(fileno(b.out), 1);
		int null = open("/dev/null", O_WRONLY);
		dup2(null, 2);
		close(null);
		execl(PWSIM_PATH, PWSIM_PATH, "sweep", source_path(scenario), "--seeds", seeds,
		      "-j", jobs, "--image-dir", PWK_BUILD_ROOT, (char *)NULL);
		_exit(127);
	}
	return b;
}

/* Waits for the sweep; returns its wait status and its stdout in `summary`. */
static int sweep_wait(struct background_sweep *b, char *summary, size_t cap)
{
	int ws = 0;
	waitpid(b->pid, &ws, 0);
	rewind(b->out);
	size_t n = fread(summary, 1, cap - 1, b->out);
	summary[n] = '\0';
	fclose(b->out);
	return ws;
}

/* A running child of `sweep` (waiting up to 5 s for one), or 0. */
static pid_t a_child_of(pid_t sweep)
{
	char path[64];
	snprintf(path, sizeof(path), "/proc/%d/task/%d/children", (int)sweep, (int)sweep);
	for (int tries = 0; tries < 500; tries++) {
		FILE *f = fopen(path, "r");
		int child = 0;
		bool found = f != NULL && fscanf(f, "%d", &child) == 1;
		if (f != NULL) {
			fclose(f);
		}
		if (found) {
			return child;
		}
		usleep(10 * 1000);
	}
	return 0;
}

Test(sweep, interrupt_stops_the_runs_and_prints_a_partial_summary)
{
	struct background_sweep b = sweep_start(UPPERCASE, "0..999", "2");
	/* Once a child runs, the sweep's signal watchers are in place. */
	cr_assert(a_child_of(b.pid) != 0, "the sweep started no child");
	usleep(500 * 1000);
	kill(b.pid, SIGINT);
	char summary[8192];
	int ws = sweep_wait(&b, summary, sizeof(summary));
	cr_assert(WIFEXITED(ws) && WEXITSTATUS(ws) == 130, "wait status %#x", ws);
	assert_contains(summary, "interrupted by SIGINT");
	assert_contains(summary, "0 failed, 0 timeouts, interrupted");
}

/* Kills one running child of `sweep` with SIGKILL; false if none could be. */
static bool kill_a_child(pid_t sweep)
{
	for (int tries = 0; tries < 100; tries++) {
		pid_t child = a_child_of(sweep);
		/* A child that ended between the look and the kill is retried. */
		if (child != 0 && kill(child, SIGKILL) == 0) {
			return true;
		}
	}
	return false;
}

Test(sweep, child_killed_by_a_signal_is_a_failure_named_after_it)
{
	struct background_sweep b = sweep_start("scenarios/spin/scenario.json5", "0..2", "1");
	bool killed = kill_a_child(b.pid);
	char summary[8192];
	int ws = sweep_wait(&b, summary, sizeof(summary));
	cr_assert(killed, "never saw a child to kill");
	cr_assert(WIFEXITED(ws) && WEXITSTATUS(ws) == 1, "wait status %#x", ws);
	assert_contains(summary, "crashed: killed by signal SIGKILL");
	assert_contains(summary, "3 runs: 2 passed, 1 failed, 0 timeouts");
}

/* An image without the block counter is refused by a sweep as by a run,
 * and taken with --allow-uncounted: each run is then the watchdog's, and its
 * replay command keeps the option (else it would replay a refusal). */
Test(sweep, allow_uncounted_reaches_every_run_and_its_replay_command, .timeout = 120)
{
	const char *refused[] = {"sweep", "tests/sim/watchdog/uncounted.json5", "--seeds", "0",
				 NULL};
	struct pwsim_result r = pwsim_run(refused);
	cr_assert_neq(r.status, 0, "%s\n%s", r.out, r.err);
	assert_contains(r.out, "refused: its code does not count basic blocks");
	pwsim_result_free(&r);

	const char *taken[] = {
		"sweep", "tests/sim/watchdog/uncounted.json5", "--seeds", "0", "--allow-uncounted",
		NULL};
	r = pwsim_run(taken);
	cr_assert_eq(r.status, 1, "exit %d\n%s\n%s", r.status, r.out, r.err);
	assert_contains(r.err, "stopped by the watchdog");
	const char *at = strstr(r.err, "replay: ");
	cr_assert(at != NULL, "no replay command in:\n%s", r.err);
	char command[1024];
	snprintf(command, sizeof(command), "%.*s", (int)strcspn(at + 8, "\n"), at + 8);
	assert_contains(command, " --allow-uncounted");
	pwsim_result_free(&r);
}
