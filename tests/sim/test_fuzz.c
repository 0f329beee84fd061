/*
 * test_fuzz.c — pwsim fuzz as a user runs it (docs/fuzzing.md): it finds the
 * planted bug of tests/sim/fuzz_planted/ from an empty corpus within a
 * bounded time, the replay command it prints reproduces the same finding,
 * the fixed variant runs clean, a spinning handler is found as a no
 * response in virtual time, and a bad --target is refused clearly.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz_planted_run.h"
#include "pwsim_child.h"

Test(fuzz, finds_the_planted_bug_and_its_replay_reproduces_it)
{
	const char *libfuzzer[] = {NULL}; /* the default engine */
	struct pwsim_result r = fuzz_planted_found_and_replayed(libfuzzer);
	pwsim_result_free(&r);
}

Test(fuzz, the_fixed_variant_runs_clean)
{
	char out[512];
	struct pwsim_result r = fuzz_run_clean("tests/sim/fuzz_planted/fixed.json5", "handler/ipc",
					       "15", NULL, out, sizeof(out));
	assert_contains(r.err, ", 0 findings");
	pwsim_result_free(&r);
	temp_dir_remove(out);
}

/* A handler that spins in counted code is preempted by its block budget
 * while it is fuzzed as in any run (the budget hook counts the edge and the
 * block on its slow way, budget_host.c), so the driver's response budget
 * runs out in virtual time: a "did not respond" finding, not the wall-clock
 * watchdog's end. */
Test(fuzz, a_spinning_handler_is_a_no_response_finding_in_virtual_time)
{
	char out[512];
	temp_dir_make(out, sizeof(out), "pwk-fuzz-spin");
	char dict_arg[600];
	snprintf(dict_arg, sizeof(dict_arg), "--dict=%s",
		 source_path("tests/sim/fuzz_planted/spinner.dict"));
	const char *argv[] = {"fuzz",
			      "tests/sim/fuzz_planted/spinner.json5",
			      "--target=handler/ipc",
			      "--out",
			      out,
			      "--max-time",
			      "200",
			      dict_arg,
			      "--image-dir",
			      PWK_BUILD_ROOT,
			      NULL};
	struct pwsim_result r = pwsim_run(argv);
	cr_assert_eq(r.status, 1, "exit %d\nstdout:\n%s\nstderr:\n%s", r.status, r.out, r.err);
	/* The fuzzing run's own verdict (stderr), with the coverage map: the
	 * minimising reruns (stdout's finding) have none. */
	assert_contains(r.err, "finding: the handler 'handler' did not respond to operation");
	cr_assert_null(strstr(r.err, "watchdog"), "%s", r.err);
	assert_contains(r.out, "finding (no response): the handler 'handler' did not respond to "
			       "operation");
	pwsim_result_free(&r);
	temp_dir_remove(out);
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
	char out[512];
	struct pwsim_result r = fuzz_run_clean("scenarios/fuzz/kv_fixed/scenario.json5",
					       "kv_server/kv", "1", NULL, out, sizeof(out));
	assert_contains(r.err, "every run must meet 1 of the scenario's console expectations; 6 "
			       "are ignored");
	pwsim_result_free(&r);
	temp_dir_remove(out);
}
