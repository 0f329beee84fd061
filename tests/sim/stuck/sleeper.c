/* sleeper.c — sleeps 100 ms at a time, for ever (virtual time runs out). */
#include <pwk/user.h>

#include "initiator_handles.h"

int pwk_main(uint32_t index_in_app)
{
	(void)index_in_app;
	for (uint32_t n = 0;; n++) {
		pwk_wait_result_t w = pwk_object_wait(HANDLE_IPC, 0, pwk_deadline_after_ms(100));
		pwk_log("slept %u: status %u\n", n, (unsigned)w.status);
	}
}
