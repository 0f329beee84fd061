/*
 * test_fuzz_afl.c — `pwsim fuzz --engine afl` as a user runs it
 * (docs/fuzzing.md): AFL++ finds the planted bug of tests/sim/fuzz_planted/
 * from an empty corpus within a bounded time, the finding is written and
 * replayed exactly as libFuzzer's are, and the fixed kv example runs clean.
 * Skipped when afl-fuzz (Debian's afl++) is not installed.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz_planted_run.h"
#include "pwsim_child.h"

static bool have_afl_fuzz(void)
{
	return system("command -v afl-fuzz >/dev/null 2>&1") == 0;
}

#define NEED_AFL()                                                                                 \
	do {                                                                                       \
		if (!have_afl_fuzz()) {                                                            \
			cr_skip_test("afl-fuzz is not installed (Debian's afl++, "                 \
				     "scripts/install-deps.sh): --engine afl is not tested");      \
		}                                                                                  \
	} while (0)

/* N of the summary's "coverage N features": afl-fuzz's edges_found, only
 * the handler's (the map copied into AFL++'s after every run). */
static long summary_coverage(const char *err)
{
	const char *at = strstr(err, "summary: ");
	cr_assert_not_null(at, "no summary in:\n%s", err);
	at = strstr(at, "coverage ");
	cr_assert_not_null(at, "no coverage in:\n%s", err);
	return strtol(at + strlen("coverage "), NULL, 10);
}

/* N of the summary's "summary: N execs". */
static long summary_execs(const char *err)
{
	const char *at = strstr(err, "summary: ");
	cr_assert_not_null(at, "no summary in:\n%s", err);
	return strtol(at + strlen("summary: "), NULL, 10);
}

Test(fuzz_afl, finds_the_planted_bug_and_its_replay_reproduces_it)
{
	NEED_AFL();
	const char *afl[] = {"--engine", "afl", NULL};
	struct pwsim_result r = fuzz_planted_found_and_replayed(afl);
	assert_contains(r.err, "with AFL++");
	cr_assert_gt(summary_execs(r.err), 0);
	pwsim_result_free(&r);
}

Test(fuzz_afl, the_fixed_kv_example_runs_clean)
{
	NEED_AFL();
	char out[512];
	const char *afl[] = {"--engine=afl", "--dict", "scenarios/fuzz/kv/kv.dict", NULL};
	struct pwsim_result r = fuzz_run_clean("scenarios/fuzz/kv_fixed/scenario.json5",
					       "kv_server/kv", "15", afl, out, sizeof(out));
	assert_contains(r.err, ", 0 findings");
	cr_assert_gt(summary_execs(r.err), 0, "%s", r.err);
	/* The server's request paths are many edges; without the handoff
	 * afl-fuzz would see none. */
	cr_assert_gt(summary_coverage(r.err), 10, "%s", r.err);
	/* What afl-fuzz's queue found is in the corpus, for the next run. */
	char cmd[700];
	snprintf(cmd, sizeof(cmd), "ls '%s/corpus' | grep -q '^afl-'", out);
	cr_assert_eq(system(cmd), 0, "no afl-* inputs in %s/corpus", out);
	pwsim_result_free(&r);
	temp_dir_remove(out);
}

Test(fuzz_afl, an_unknown_engine_is_refused)
{
	const char *argv[] = {"fuzz",
			      "scenarios/uppercase/scenario.json5",
			      "--target=handler/ipc",
			      "--engine",
			      "honggfuzz",
			      NULL};
	struct pwsim_result r = pwsim_run(argv);
	cr_assert_eq(r.status, 2);
	assert_contains(r.err, "--engine takes libfuzzer (the default) or afl, not 'honggfuzz'");
	pwsim_result_free(&r);
}

Test(fuzz_afl, without_afl_fuzz_it_says_what_to_install)
{
	const char *path = getenv("PATH");
	char *saved = strdup(path != NULL ? path : "/usr/bin:/bin");
	setenv("PATH", "/nonexistent", 1);
	const char *argv[] = {"fuzz",
			      "scenarios/uppercase/scenario.json5",
			      "--target=handler/ipc",
			      "--engine",
			      "afl",
			      "--image-dir",
			      PWK_BUILD_ROOT,
			      NULL};
	struct pwsim_result r = pwsim_run(argv);
	setenv("PATH", saved, 1);
	free(saved);
	cr_assert_eq(r.status, 2, "exit %d\n%s", r.status, r.err);
	assert_contains(r.err, "--engine afl: afl-fuzz is not on PATH: install Debian's afl++");
	cr_assert_null(strstr(r.err, "execs"), "%s", r.err);
	pwsim_result_free(&r);
}
