/*
 * test_legacy.c — systems written in pw_kernel's older schemas run unchanged.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "pwsim_child.h"

static void assert_runs(const char *scenario)
{
	const char *argv[] = {"run", scenario, NULL};
	struct pwsim_result r = pwsim_run(argv);
	cr_assert_eq(r.status, 0, "%s: exit %d\n%s\n%s", scenario, r.status, r.out, r.err);
	cr_assert(strstr(r.err, "expectations hold") != NULL, "%s", r.err);
	pwsim_result_free(&r);
}

Test(legacy, seed_document_system_runs_the_uppercase_processes)
{
	assert_runs("tests/sim/legacy/seed_doc.json5");
}

Test(legacy, app_map_2025_system_with_a_ticker_runs)
{
	assert_runs("tests/sim/legacy/app_map_2025.json5");
}
