/*
 * server_irq.c — the interrupt handler thread of the irq benchmark: the
 * main thread starts "listener" (priority 16, above the client) and parks;
 * the listener waits for the interrupt, acknowledges it, and waits again.
 */
#include "bench.h"
#include "server_handles.h"

#define STACK_BYTES 1024u

static uint8_t stack[STACK_BYTES] __attribute__((aligned(16)));

static void listen(void)
{
	for (;;) {
		pwk_wait_result_t w =
			pwk_object_wait(HANDLE_IRQ, SIGNAL_BENCH_IRQ, PWK_INSTANT_MAX);
		if (w.status != PWK_OK) {
			bench_fail(w.status);
		}
		pwk_status_t s = pwk_interrupt_ack(HANDLE_IRQ, SIGNAL_BENCH_IRQ);
		if (s != PWK_OK) {
			bench_fail(s);
		}
	}
}

int pwk_main(uint32_t index_in_app)
{
	(void)index_in_app;
	pwk_status_t s = pwk_thread_start(HANDLE_LISTENER, listen, stack + STACK_BYTES);
	if (s != PWK_OK) {
		bench_fail(s);
	}
	bench_park();
}
