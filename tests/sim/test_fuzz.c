/*
 * test_fuzz.c — pwsim fuzz as a user runs it (docs/fuzzing.md): it finds the
 * planted bug of tests/sim/fuzz_planted/ from an empty corpus within a
 * bounded time, the replay command it prints reproduces the same finding,
 * the fixed variant runs clean, and a bad --target is refused clearly.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pwsim_child.h"

/* A fresh output directory (so the corpus starts empty). */
static const char *fresh_dir(const char *name)
{
	static char dir[512];
	snprintf(dir, sizeof(dir), "%s/tests/sim/fuzz-out-%s-%d", PWK_BUILD_ROOT, name,
		 (int)getpid());
	char cmd[600];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	cr_assert_eq(system(cmd), 0);
	return dir;
}

/* The words of the "replay: pwsim run ..." line, after "pwsim". */
static size_t replay_args(const char *out, char *line, size_t cap, const char **argv, size_t max)
{
	const char *at = strstr(out, "replay: pwsim ");
	cr_assert_not_null(at, "no replay command in:\n%s", out);
	at += strlen("replay: pwsim ");
	size_t len = strcspn(at, "\n");
	cr_assert_lt(len, cap);
	memcpy(line, at, len);
	line[len] = '\0';
	size_t n = 0;
	for (char *save = NULL, *w = strtok_r(line, " ", &save); w != NULL && n + 1 < max;
	     w = strtok_r(NULL, " ", &save)) {
		argv[n++] = w;
	}
	argv[n] = NULL;
	return n;
}

Test(fuzz, finds_the_planted_bug_and_its_replay_reproduces_it)
{
	const char *out = fresh_dir("planted");
	const char *argv[] = {"fuzz",
			      "tests/sim/fuzz_planted/planted.json5",
			      "--target=handler/ipc",
			      "--out",
			      out,
			      "--max-time",
			      "200",
			      "--image-dir",
			      PWK_BUILD_ROOT,
			      NULL};
	struct pwsim_result r = pwsim_run(argv);
	cr_assert_eq(r.status, 1, "exit %d\nstdout:\n%s\nstderr:\n%s", r.status, r.out, r.err);
	assert_contains(r.out, "finding (handler fault): the handler 'handler' faulted");
	char line[2048];
	const char *replay[32];
	cr_assert_geq(replay_args(r.out, line, sizeof(line), replay, 32), 2);
	cr_assert_str_eq(replay[0], "run");
	struct pwsim_result again = pwsim_run(replay);
	cr_assert_eq(again.status, 1, "replay exit %d\n%s", again.status, again.err);
	assert_contains(again.err, "finding (handler fault): the handler 'handler' faulted");
	assert_contains(again.err, "pwsim: fault: process 'handler'");
	/* Exact: the same run twice has the same trace digest. */
	struct pwsim_result third = pwsim_run(replay);
	const char *d1 = strstr(again.err, "trace digest ");
	const char *d2 = strstr(third.err, "trace digest ");
	cr_assert(d1 != NULL && d2 != NULL);
	cr_assert_eq(strncmp(d1, d2, 29), 0, "%.29s vs %.29s", d1, d2);
	pwsim_result_free(&third);
	pwsim_result_free(&again);
	pwsim_result_free(&r);
}

Test(fuzz, the_fixed_variant_runs_clean)
{
	const char *out = fresh_dir("fixed");
	const char *argv[] = {"fuzz",
			      "tests/sim/fuzz_planted/fixed.json5",
			      "--target=handler/ipc",
			      "--out",
			      out,
			      "--max-time",
			      "15",
			      "--image-dir",
			      PWK_BUILD_ROOT,
			      NULL};
	struct pwsim_result r = pwsim_run(argv);
	cr_assert_eq(r.status, 0, "exit %d\nstdout:\n%s\nstderr:\n%s", r.status, r.out, r.err);
	assert_contains(r.err, ", 0 findings");
	pwsim_result_free(&r);
}

Test(fuzz, a_bad_target_is_refused_with_the_choices)
{
	const char *argv[] = {"fuzz",
			      "scenarios/uppercase/scenario.json5",
			      "--target=handler/nope",
			      "--image-dir",
			      PWK_BUILD_ROOT,
			      NULL};
	struct pwsim_result r = pwsim_run(argv);
	cr_assert_eq(r.status, 2);
	assert_contains(r.err, "target 'handler/nope': process 'handler' has no object 'nope' "
			       "(targets: handler/ipc)");
	pwsim_result_free(&r);
	const char *wrong_kind[] = {"fuzz",
				    "scenarios/uppercase/scenario.json5",
				    "--target=initiator/ipc",
				    "--image-dir",
				    PWK_BUILD_ROOT,
				    NULL};
	r = pwsim_run(wrong_kind);
	cr_assert_eq(r.status, 2);
	assert_contains(r.err,
			"is a channel_initiator object; pwsim fuzz fuzzes a channel_handler");
	pwsim_result_free(&r);
}

Test(fuzz, a_bad_fuzz_key_is_a_positioned_error)
{
	char path[512];
	snprintf(path, sizeof(path), "%s/tests/sim/fuzz-bad-%d.json5", PWK_BUILD_ROOT,
		 (int)getpid());
	FILE *f = fopen(path, "w");
	cr_assert_not_null(f);
	fprintf(f,
		"{\n  fuzz: {\n    scenario: \"%s\",\n    target: \"handler/ipc\",\n"
		"    response_budget_ms: 0,\n  },\n}\n",
		source_path("scenarios/uppercase/scenario.json5"));
	fclose(f);
	const char *argv[] = {"run", path, NULL};
	struct pwsim_result r = pwsim_run(argv);
	cr_assert_eq(r.status, 2);
	char want[600];
	snprintf(want, sizeof(want),
		 "%s:5:25: error: fuzz.response_budget_ms must be an integer from 1 to 60000",
		 path);
	assert_contains(r.err, want);
	pwsim_result_free(&r);
	unlink(path);
}

/* kv_fixed's scenario expects its server's "serving" line (met with no
 * request at all) and six lines of its own client (replaced): only the
 * first applies to fuzz runs, and pwsim fuzz says so. */
Test(fuzz, only_expectations_met_without_the_initiator_apply)
{
	const char *out = fresh_dir("expect");
	const char *argv[] = {"fuzz",
			      "scenarios/fuzz/kv_fixed/scenario.json5",
			      "--target=kv_server/kv",
			      "--out",
			      out,
			      "--max-time",
			      "1",
			      "--image-dir",
			      PWK_BUILD_ROOT,
			      NULL};
	struct pwsim_result r = pwsim_run(argv);
	cr_assert_eq(r.status, 0, "exit %d\n%s", r.status, r.err);
	assert_contains(r.err, "every run must meet 1 of the scenario's console expectations; 6 "
			       "are ignored");
	pwsim_result_free(&r);
}
