/*
 * test_hostile.c — hostile processes: every bad syscall argument gets a status
 * and copies nothing; every fault terminates only the faulting process, is
 * reported with its name, and the simulator carries on.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "pwsim_child.h"

static struct pwsim_result run(const char *scenario, const char *isolation)
{
	char path[256];
	snprintf(path, sizeof(path), "tests/sim/hostile/%s.json5", scenario);
	const char *argv[] = {"run", path, "--isolation", isolation, NULL};
	return pwsim_run(argv);
}

static void assert_line(const struct pwsim_result *r, const char *text)
{
	cr_assert(strstr(r->out, text) != NULL, "missing \"%s\" in\n%s\nstderr:\n%s", text, r->out,
		  r->err);
}

Test(hostile, kernel_rejects_every_bad_buffer_and_handle)
{
	struct pwsim_result r = run("probe_only", "mprotect");
	cr_assert_eq(r.status, 0, "%s\n%s", r.out, r.err);
	assert_line(&r, "attacker: respond from victim memory -> status 7");
	assert_line(&r, "attacker: read into victim memory -> status 7");
	assert_line(&r, "attacker: read into own flash -> status 7");
	assert_line(&r, "attacker: read with NULL buffer -> status 3");
	assert_line(&r, "attacker: read with a range that wraps around -> status 3");
	assert_line(&r, "attacker: respond with length past region -> status 7");
	assert_line(&r, "attacker: log from victim memory -> status 7");
	assert_line(&r, "attacker: wait on bad handle -> status 11");
	assert_line(&r, "attacker: wait with undefined signal bits -> status 3");
	assert_line(&r, "attacker: transact on a handler -> status 12");
	assert_line(&r, "attacker: unknown syscall id -> status 3");
	assert_line(&r, "victim: transact returned status 0");
	assert_line(&r, "victim: secret intact");
	pwsim_result_free(&r);
}

Test(hostile, wild_write_faults_the_attacker_and_the_victim_times_out)
{
	struct pwsim_result r = run("wild_write", "mprotect");
	cr_assert_eq(r.status, 0, "%s\n%s", r.out, r.err);
	cr_assert(strstr(r.err, "fault: process 'attacker' thread 'attacker_thread': SIGSEGV") !=
			  NULL,
		  "%s", r.err);
	assert_line(&r, "victim: transact returned status 4");
	assert_line(&r, "victim: secret intact");
	cr_assert(strstr(r.out, "attacker: still running") == NULL);
	pwsim_result_free(&r);
}

Test(hostile, without_isolation_a_wild_write_lands)
{
	struct pwsim_result r = run("wild_write", "none");
	cr_assert_eq(r.status, 15, "DATA_LOSS expected\n%s\n%s", r.out, r.err);
	assert_line(&r, "victim: secret corrupted");
	pwsim_result_free(&r);
}

Test(hostile, illegal_instruction_faults_in_every_isolation_mode)
{
	const char *modes[] = {"none", "mprotect"};
	for (size_t i = 0; i < 2; i++) {
		struct pwsim_result r = run("illegal", modes[i]);
		cr_assert_eq(r.status, 0, "%s: %s\n%s", modes[i], r.out, r.err);
		cr_assert(strstr(r.err, "fault: process 'attacker'") != NULL, "%s", r.err);
		cr_assert(strstr(r.err, "SIGILL") != NULL, "%s", r.err);
		assert_line(&r, "victim: secret intact");
		pwsim_result_free(&r);
	}
}

Test(hostile, stack_overflow_hits_the_guard_page)
{
	struct pwsim_result r = run("stack_overflow", "none");
	cr_assert_eq(r.status, 0, "%s\n%s", r.out, r.err);
	cr_assert(strstr(r.err, "fault: process 'attacker'") != NULL, "%s", r.err);
	pwsim_result_free(&r);
}

Test(hostile, writing_own_code_faults)
{
	struct pwsim_result r = run("write_flash", "none");
	cr_assert_eq(r.status, 0, "%s\n%s", r.out, r.err);
	cr_assert(strstr(r.err, "fault: process 'attacker' thread 'attacker_thread': SIGSEGV") !=
			  NULL,
		  "%s", r.err);
	pwsim_result_free(&r);
}
