/*
 * bench.c — the end of a benchmark run (see bench.h).
 */
#include "bench.h"

_Noreturn void bench_finish(pwk_instant_t start)
{
	pwk_instant_t ticks = pwk_now() - start;
	pwk_log("bench: iterations=%lu ticks=%llu\n", (unsigned long)bench_iterations,
		(unsigned long long)ticks);
	pwk_debug_shutdown(0);
}

_Noreturn void bench_fail(pwk_status_t status)
{
	pwk_log("bench: failed with status %u\n", (unsigned)status);
	pwk_debug_shutdown(status == PWK_OK ? PWK_INTERNAL : status);
}

_Noreturn void bench_park(void)
{
	for (;;) {
		(void)pwk_object_wait(0, 0, PWK_INSTANT_MAX);
	}
}
