/*
 * listener.c — waits for its two interrupt lines, acknowledges each, and
 * shuts down after both fired.
 */
#include <pwk/user.h>

#include "listener_handles.h"

int pwk_main(uint32_t index_in_app)
{
	(void)index_in_app;
	uint32_t seen = 0;
	while (seen != (SIGNAL_UART | SIGNAL_TIMER)) {
		pwk_wait_result_t w =
			pwk_object_wait(HANDLE_LINES, SIGNAL_UART | SIGNAL_TIMER, PWK_INSTANT_MAX);
		if (w.status != PWK_OK) {
			pwk_debug_shutdown(w.status);
		}
		uint32_t fired = w.pending_signals & (SIGNAL_UART | SIGNAL_TIMER);
		pwk_log("interrupt %s%s at %u us\n", fired & SIGNAL_UART ? "uart " : "",
			fired & SIGNAL_TIMER ? "timer " : "", (unsigned)(pwk_now() / 1000));
		(void)pwk_interrupt_ack(HANDLE_LINES, fired);
		seen |= fired;
	}
	pwk_debug_shutdown(0);
}
