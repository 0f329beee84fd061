/* sleeper.c — sleeps 1 ms five times next to the spinner, then shuts the
 * system down: it can only finish if the spinner is preempted. */
#include <pwk/user.h>

#include "sleeper_handles.h"

int pwk_main(uint32_t index_in_app)
{
	(void)index_in_app;
	for (uint32_t n = 1; n <= 5; n++) {
		pwk_wait_result_t w = pwk_object_wait(HANDLE_PROCESS, 0, pwk_deadline_after_ms(1));
		if (w.status != PWK_DEADLINE_EXCEEDED) {
			pwk_debug_shutdown(w.status);
		}
		pwk_log("woke %u times\n", (unsigned)n);
	}
	pwk_debug_shutdown(0);
}
