/*
 * timers_sleepers.c — starts every other thread of the process (handles 1..,
 * in declaration order) and puts each, and itself, to sleep until a
 * deadline later than any transact's.
 */
#include <pwk/user.h>

#include "sleepers_handles.h"

#define SLEEPERS    (HANDLE_PROCESS - 1u)
#define STACK_BYTES 1024u

static uint8_t stacks[SLEEPERS][STACK_BYTES] __attribute__((aligned(16)));

static void sleep_late(void)
{
	(void)pwk_object_wait(HANDLE_PROCESS, 0, PWK_INSTANT_MAX - 1);
	pwk_debug_shutdown(PWK_INTERNAL); /* never reached in a benchmark run */
}

int pwk_main(uint32_t index_in_app)
{
	(void)index_in_app;
	for (uint32_t i = 0; i < SLEEPERS; i++) {
		pwk_status_t s = pwk_thread_start(1u + i, sleep_late, stacks[i] + STACK_BYTES);
		if (s != PWK_OK) {
			pwk_debug_shutdown(s);
		}
	}
	sleep_late();
	return 0;
}
