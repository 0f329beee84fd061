/*
 * main.c — pw_kernel tests/clock/user/main.rs ("User Clock Test"): the clock
 * advances within 10^6 reads, and a 100 ms sleep_until returns OK no earlier
 * than its deadline.
 */
#include <pwk/user.h>

#include "clock_test_process_handles.h"
#include "pw_test.h"

static pwk_status_t clock_test(void)
{
	TL_STEP_START("Testing SystemClock::now() advances\n");
	pwk_instant_t start = pwk_now(), end = start;
	for (uint32_t count = 0; end == start && count < 1000000; count++) {
		end = pwk_now();
	}
	if (end > start) {
		TL_STEP_PASSED("Clock advanced\n");
		return PWK_OK;
	}
	TL_STEP_FAILED("Clock did not advance\n");
	return PWK_INTERNAL;
}

static pwk_status_t sleep_test(void)
{
	TL_STEP_START("Testing sleep_until\n");
	pwk_instant_t deadline = pwk_now() + 100u * (PWK_CLOCK_HZ / 1000u);
	pwk_status_t s = sleep_until(HANDLE_PROCESS, deadline);
	if (s != PWK_OK) {
		TL_STEP_FAILED("sleep_until failed\n");
		return s;
	}
	if (pwk_now() >= deadline) {
		TL_STEP_PASSED("sleep_until slept for at least the requested time\n");
		return PWK_OK;
	}
	TL_STEP_FAILED("sleep_until returned before deadline\n");
	return PWK_INTERNAL;
}

int pwk_main(uint32_t index_in_app)
{
	(void)index_in_app;
	tl_start("User Clock Test");
	pwk_status_t s = clock_test();
	if (s == PWK_OK) {
		s = sleep_test();
	}
	if (s == PWK_OK) {
		tl_passed("User Clock Test");
	} else {
		tl_failed("User Clock Test");
	}
	pwk_debug_shutdown(s);
}
