/*
 * test_fuzz_examples.c — the fuzzing examples (scenarios/fuzz/) as normal
 * end-to-end runs: the kv client's own use of the store passes with the
 * planted bug (its client never triggers it) and without it, under both
 * isolations and with other preemption seeds.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "pwsim_child.h"

/* Runs scenarios/fuzz/<example>/scenario.json5 with `extra` (NULL-terminated,
 * at most 4 options); the run must pass its expectations and have served
 * every request (the client counts its checks). */
static void assert_example_passes(const char *example, const char *const *extra)
{
	char scenario[96];
	snprintf(scenario, sizeof(scenario), "scenarios/fuzz/%s/scenario.json5", example);
	const char *argv[8] = {"run", scenario};
	size_t n = 2;
	for (; extra[n - 2] != NULL && n < 7; n++) {
		argv[n] = extra[n - 2];
	}
	argv[n] = NULL;
	struct pwsim_result r = pwsim_run(argv);
	cr_assert_eq(r.status, 0, "%s: exit %d\nstdout:\n%s\nstderr:\n%s", example, r.status, r.out,
		     r.err);
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
