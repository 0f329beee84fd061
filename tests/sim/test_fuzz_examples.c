/*
 * test_fuzz_examples.c — the fuzzing examples (scenarios/fuzz/) as normal
 * end-to-end runs: the kv client's own use of the store passes with the
 * planted bug (its client never triggers it) and without it, under both
 * isolations and with other preemption seeds; and a hostile client
 * (tests/sim/kv_crafted/) shows what the planted bug does and that the
 * fixed server survives the same requests.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pwsim_child.h"

/* Runs scenarios/fuzz/<example>/scenario.json5 with `extra` (NULL-terminated,
 * any number of options); the run must pass its expectations and have served
 * every request (the client counts its checks). */
static void assert_example_passes(const char *example, const char *const *extra)
{
	char scenario[96];
	snprintf(scenario, sizeof(scenario), "scenarios/fuzz/%s/scenario.json5", example);
	const char *argv[] = {"run", scenario, NULL};
	struct pwsim_result r = pwsim_run_ok(example, argv, extra);
	assert_contains(r.out, "[kv_client/client_thread] LIST: OK apple banana cherry\n");
	assert_contains(r.out, "[kv_client/client_thread] all 26 checks passed\n");
	assert_contains(r.err, " 0 faults,");
	assert_contains(r.err, "expectations hold");
	pwsim_result_free(&r);
}

#define EXAMPLE_TESTS(example)                                                                     \
	Test(fuzz_##example, passes)                                                               \
	{                                                                                          \
		const char *extra[] = {NULL};                                                      \
		assert_example_passes(#example, extra);                                            \
	}                                                                                          \
	Test(fuzz_##example, passes_without_isolation)                                             \
	{                                                                                          \
		const char *extra[] = {"--isolation", "none", NULL};                               \
		assert_example_passes(#example, extra);                                            \
	}                                                                                          \
	Test(fuzz_##example, passes_with_seed_7)                                                   \
	{                                                                                          \
		const char *extra[] = {"--seed", "7", NULL};                                       \
		assert_example_passes(#example, extra);                                            \
	}

EXAMPLE_TESTS(kv)
EXAMPLE_TESTS(kv_fixed)

/* The two variants differ in the server only: the same system, client and
 * console, so whatever `pwsim fuzz` finds in kv is the planted bug. */
Test(fuzz_kv, prints_what_kv_fixed_prints)
{
	const char *kv[] = {"run", "scenarios/fuzz/kv/scenario.json5", NULL};
	const char *fixed[] = {"run", "scenarios/fuzz/kv_fixed/scenario.json5", NULL};
	struct pwsim_result a = pwsim_run(kv), b = pwsim_run(fixed);
	cr_assert_str_eq(a.out, b.out);
	pwsim_result_free(&a);
	pwsim_result_free(&b);
}

/* The planted bug is a fault, not a wrong answer: the crafted GET makes
 * kv_server write past the top of its RAM into the guard page. */
Test(fuzz_kv, crafted_requests_fault_the_server)
{
	const char *argv[] = {"run", "tests/sim/kv_crafted/planted.json5", NULL};
	struct pwsim_result r = pwsim_run_ok(NULL, argv, NULL);
	assert_contains(r.err, "pwsim: fault: process 'kv_server' thread 'server_thread': SIGSEGV");
	assert_contains(r.err, "(in the guard page above ram)");
	assert_contains(r.err, " 1 faults,");
	pwsim_result_free(&r);
}

Test(fuzz_kv_fixed, survives_the_crafted_requests)
{
	const char *argv[] = {"run", "tests/sim/kv_crafted/fixed.json5", NULL};
	struct pwsim_result r = pwsim_run_ok(NULL, argv, NULL);
	assert_contains(r.err, " 0 faults,");
	pwsim_result_free(&r);
}

/* A finding file runs with pwsim run's own options, as any scenario does:
 * here the seed and a trace of the replayed run. */
Test(fuzz_kv, a_finding_replays_with_the_seed_and_writes_its_trace)
{
	char dir[512], trace[600];
	temp_dir_make(dir, sizeof(dir), "pwk-fuzz-replay");
	snprintf(trace, sizeof(trace), "%s/finding.json", dir);
	const char *argv[] = {
		"run", "fuzz/corpus/pwsim-kv/get-past-value.json5", "--seed", "5", "--trace", trace,
		NULL};
	struct pwsim_result r = pwsim_run(argv);
	cr_assert_eq(r.status, 1, "exit %d\nstderr:\n%s", r.status, r.err);
	assert_contains(r.err, "finding (handler fault): the handler 'kv_server' faulted");
	assert_contains(r.err, "pwsim: seed 5: ");
	char *text = read_text_file(trace);
	assert_contains(text, "kv_server");
	assert_contains(text, "server_thread");
	free(text);
	pwsim_result_free(&r);
	temp_dir_remove(dir);
}
