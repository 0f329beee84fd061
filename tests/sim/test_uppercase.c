/*
 * test_uppercase.c — the uppercase IPC system end to end, as a user runs it.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "pwsim_child.h"

static void assert_uppercase_ran(const struct pwsim_result *r)
{
	cr_assert_eq(r->status, 0, "exit %d\nstdout:\n%s\nstderr:\n%s", r->status, r->out, r->err);
	for (char c = 'a'; c <= 'z'; c++) {
		char line[80];
		snprintf(line, sizeof(line),
			 "[initiator/initiator_thread] Sent %c, received (%c,%c)\n", c, c - 32, c);
		cr_assert(strstr(r->out, line) != NULL, "missing %s", line);
	}
	cr_assert(strstr(r->out, "[initiator/initiator_thread] All characters received "
				 "correctly\n") != NULL);
	cr_assert(strstr(r->err, "system shut down with status 0") != NULL, "%s", r->err);
}

Test(uppercase, runs_with_mprotect_isolation)
{
	const char *argv[] = {"run", "scenarios/uppercase/scenario.json5", NULL};
	struct pwsim_result r = pwsim_run(argv);
	assert_uppercase_ran(&r);
	pwsim_result_free(&r);
}

Test(uppercase, runs_without_isolation)
{
	const char *argv[] = {"run", "scenarios/uppercase/scenario.json5", "--isolation", "none",
			      NULL};
	struct pwsim_result r = pwsim_run(argv);
	assert_uppercase_ran(&r);
	pwsim_result_free(&r);
}

Test(uppercase, two_runs_print_exactly_the_same)
{
	const char *argv[] = {"run", "scenarios/uppercase/scenario.json5", NULL};
	struct pwsim_result a = pwsim_run(argv), b = pwsim_run(argv);
	cr_assert_str_eq(a.out, b.out);
	cr_assert_str_eq(a.err, b.err);
	pwsim_result_free(&a);
	pwsim_result_free(&b);
}

Test(uppercase, check_prints_handles_without_running)
{
	const char *argv[] = {"check", "scenarios/uppercase/scenario.json5", NULL};
	struct pwsim_result r = pwsim_run(argv);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "initiator") != NULL && strstr(r.out, "ipc") != NULL, "%s", r.out);
	cr_assert(strstr(r.out, "Sent a") == NULL, "check must not run the system");
	pwsim_result_free(&r);
}
