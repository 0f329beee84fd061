/*
 * client_poll.c — object_wait as a poll: an idle initiator is WRITEABLE, so
 * a wait for WRITEABLE with a deadline in the past (0) returns at once.
 * (A poll for a signal that is not set would block until the next tick
 * under pw_kernel's tick-granular deadlines: a timer, not a poll.)
 */
#include "bench.h"
#include "client_handles.h"

int pwk_main(uint32_t index_in_app)
{
	(void)index_in_app;
	pwk_instant_t start = pwk_now();
	for (uint32_t i = 0; i < bench_iterations; i++) {
		pwk_wait_result_t w = pwk_object_wait(HANDLE_C0, PWK_SIGNAL_WRITEABLE, 0);
		if (w.status != PWK_OK) {
			bench_fail(w.status);
		}
	}
	bench_finish(start);
}
