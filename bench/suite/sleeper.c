/*
 * sleeper.c — a process of the scaling run (gen_scaling.py): starts every
 * other thread of its process (handles 1.., in declaration order, up to
 * the first handle that is not a thread) and puts each, and itself, to
 * sleep until a deadline later than any transact's, so every one of them
 * is an armed timer for the whole run. One image serves every size.
 */
#include "bench.h"

#define THREADS_MAX 128u /* PWK_THREADS_MAX */
#define STACK_BYTES 512u

static uint8_t stacks[THREADS_MAX][STACK_BYTES] __attribute__((aligned(16)));

static void sleep_late(void)
{
	(void)pwk_object_wait(0, 0, PWK_INSTANT_MAX - 1); /* handle 0: its own thread */
	bench_fail(PWK_INTERNAL);                         /* never reached in a benchmark run */
}

int pwk_main(uint32_t index_in_app)
{
	(void)index_in_app;
	for (uint32_t t = 1; t < THREADS_MAX; t++) {
		pwk_status_t s = pwk_thread_start(t, sleep_late, stacks[t] + STACK_BYTES);
		if (s == PWK_UNIMPLEMENTED) {
			break; /* the process object, after the last thread */
		}
		if (s != PWK_OK) {
			bench_fail(s);
		}
	}
	sleep_late();
	return 0;
}
