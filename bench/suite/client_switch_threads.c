/*
 * client_switch_threads.c — a switch between two threads of one process:
 * the main thread makes 0-byte transacts on a channel whose handler end is
 * in its own process (loop_i → loop_h), served by the "partner" thread
 * (wait, respond). One iteration = two switches and four syscalls; compare
 * switch_processes, the same between two processes.
 */
#include "bench.h"
#include "client_handles.h"

#define STACK_BYTES 1024u

static uint8_t stack[STACK_BYTES] __attribute__((aligned(16)));
static uint8_t nothing[1];

static void partner(void)
{
	for (;;) {
		(void)pwk_object_wait(HANDLE_LOOP_H, PWK_SIGNAL_READABLE, PWK_INSTANT_MAX);
		(void)pwk_channel_respond(HANDLE_LOOP_H, nothing, 0);
	}
}

int pwk_main(uint32_t index_in_app)
{
	(void)index_in_app;
	pwk_status_t s = pwk_thread_start(HANDLE_PARTNER, partner, stack + STACK_BYTES);
	if (s != PWK_OK) {
		bench_fail(s);
	}
	pwk_instant_t start = pwk_now();
	for (uint32_t i = 0; i < bench_iterations; i++) {
		pwk_count_result_t r = pwk_channel_transact(HANDLE_LOOP_I, nothing, 0, nothing, 0,
							    PWK_INSTANT_MAX);
		if (r.status != PWK_OK) {
			bench_fail(r.status);
		}
	}
	bench_finish(start);
}
