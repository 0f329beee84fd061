/*
 * counter.c — the main thread starts a worker; both add INCREMENTS to a
 * shared counter with an unprotected read-modify-write. If either is
 * preempted between its read and its write, an update is lost and the
 * process shuts the system down with status 1 ("lost update").
 */
#include <pwk/user.h>

#include "counter_handles.h"

#define INCREMENTS 200u

static volatile uint32_t counter;
static uint8_t worker_stack[4096] __attribute__((aligned(16)));

static void increment_many(void)
{
	for (uint32_t i = 0; i < INCREMENTS; i++) {
		uint32_t seen = counter;
		for (volatile uint32_t work = 0; work < 3; work++) {
			/* the window in which a preemption loses an update */
		}
		counter = seen + 1;
	}
}

static void worker(void)
{
	increment_many();
	pwk_thread_exit(0);
}

int pwk_main(uint32_t index_in_app)
{
	(void)index_in_app;
	pwk_status_t s =
		pwk_thread_start(HANDLE_WORKER, worker, worker_stack + sizeof(worker_stack));
	if (s != PWK_OK) {
		pwk_debug_shutdown(s);
	}
	increment_many();
	pwk_wait_result_t w = pwk_object_wait(HANDLE_WORKER, PWK_SIGNAL_JOINABLE, PWK_INSTANT_MAX);
	pwk_join_result_t j = pwk_task_join(HANDLE_WORKER);
	if (w.status != PWK_OK || j.status != PWK_OK) {
		pwk_debug_shutdown(PWK_INTERNAL);
	}
	if (counter != 2 * INCREMENTS) {
		pwk_log("lost update: counter = %u, expected %u\n", (unsigned)counter,
			2 * INCREMENTS);
		pwk_debug_shutdown(1);
	}
	pwk_log("counter = %u\n", (unsigned)counter);
	pwk_debug_shutdown(0);
}
