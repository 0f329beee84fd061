/*
 * client_irq.c — interrupt raise → handler thread running: each iteration
 * raises the server's interrupt line (debug_trigger_interrupt); the
 * server's listener thread, above this one in priority, runs at once,
 * acknowledges it and waits again, and this thread resumes
 * (server_irq.c). One iteration = the raise, two switches, the ack and
 * the wait.
 */
#include "bench.h"
#include "client_handles.h"

#define BENCH_IRQ 42u /* the server's "bench_irq" in system.json5 */

int pwk_main(uint32_t index_in_app)
{
	(void)index_in_app;
	/* Let the server start its listener first: at equal priority the
	 * server's main thread runs only once this one blocks. */
	(void)pwk_object_wait(HANDLE_MAIN, 0, pwk_deadline_after_ms(1));
	pwk_instant_t start = pwk_now();
	for (uint32_t i = 0; i < bench_iterations; i++) {
		pwk_status_t s = pwk_debug_trigger_interrupt(BENCH_IRQ);
		if (s != PWK_OK) {
			bench_fail(s);
		}
	}
	bench_finish(start);
}
