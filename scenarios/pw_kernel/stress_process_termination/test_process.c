/*
 * test_process.c — pw_kernel tests/stress/process_termination/user/main.rs
 * ("User Process Termination Stress"): terminates the spinning forced_exit
 * process, waits (at most 5 s) for it to be joinable, joins it expecting
 * TerminatedBySyscall, and starts it again, over and over.
 *
 * pwk port: upstream loops for ever (it is an image, not an automated test).
 * Here the run is bounded to PASSES passes and then reported as PASSED with
 * shutdown 0; any failure shuts the system down with its status, as
 * upstream does.
 */
#include <pwk/user.h>

#include "pw_test.h"
#include "test_process_handles.h"

#define PASSES                  50u
#define PROCESS_JOIN_TIMEOUT_MS 5000u

static const char test_name[] = "User Process Termination Stress";

static pwk_status_t fail(const char *what, pwk_status_t status)
{
	TL_STEP_FAILED("%s\n", what);
	return status;
}

/* One pass: terminate, wait for JOINABLE, join, restart. */
static pwk_status_t one_pass(uint32_t pass)
{
	TL_STEP_INFO("Pass %u\n", (unsigned)pass);
	pwk_status_t s = pwk_task_terminate(HANDLE_FORCED_EXIT_PROCESS);
	if (s != PWK_OK) {
		return fail("Failed to terminate extra process", s);
	}
	TL_STEP_INFO("Waiting %u\n", (unsigned)pass);
	pwk_wait_result_t w = pwk_object_wait(HANDLE_FORCED_EXIT_PROCESS, PWK_SIGNAL_JOINABLE,
					      pwk_deadline_after_ms(PROCESS_JOIN_TIMEOUT_MS));
	if (w.status != PWK_OK) {
		return fail("Failed to wait for extra process to become joinable", w.status);
	}
	TL_STEP_INFO("Joining %u\n", (unsigned)pass);
	pwk_join_result_t j = pwk_task_join(HANDLE_FORCED_EXIT_PROCESS);
	if (j.status != PWK_OK) {
		return j.status;
	}
	if (j.tag != PWK_EXIT_TERMINATED_BY_SYSCALL) {
		return fail("Process joined with unexpected status", PWK_INTERNAL);
	}
	TL_STEP_INFO("Starting %u\n", (unsigned)pass);
	s = pwk_process_start(HANDLE_FORCED_EXIT_PROCESS);
	return s == PWK_OK ? PWK_OK : fail("Failed to restart extra process", s);
}

int pwk_main(uint32_t index_in_app)
{
	(void)index_in_app;
	tl_start(test_name);
	pwk_status_t s = PWK_OK;
	for (uint32_t pass = 0; pass < PASSES && s == PWK_OK; pass++) {
		s = one_pass(pass);
	}
	if (s != PWK_OK) {
		tl_failed(test_name);
		TL_STEP_FAILED("status code: %u\n", (unsigned)s);
	} else {
		tl_passed(test_name);
	}
	pwk_debug_shutdown(s);
}
