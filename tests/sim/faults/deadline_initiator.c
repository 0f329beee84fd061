/*
 * deadline_initiator.c — the uppercase initiator with a 5 ms deadline on
 * every transaction, logging each outcome instead of stopping: it shows what
 * injected faults do to a client.
 */
#include <pwk/user.h>

#include "initiator_handles.h"

int pwk_main(uint32_t index_in_app)
{
	(void)index_in_app;
	uint32_t failures = 0;
	for (uint32_t c = 'a'; c <= 'z'; c++) {
		uint8_t request[4] = {(uint8_t)c, 0, 0, 0};
		uint8_t reply[8];
		pwk_count_result_t r =
			pwk_channel_transact(HANDLE_IPC, request, sizeof(request), reply,
					     sizeof(reply), pwk_deadline_after_ms(5));
		if (r.status == PWK_OK) {
			pwk_log("transact %c: ok\n", (int)c);
		} else {
			pwk_log("transact %c: status %u\n", (int)c, (unsigned)r.status);
			failures++;
		}
	}
	pwk_log("done: %u failures\n", (unsigned)failures);
	pwk_debug_shutdown(0);
}
