/*
 * timers_initiator.c — bench/ipc's round trips, each with a deadline far
 * enough away never to fire, so that every transact queues a timer.
 */
#include <pwk/user.h>

#include "initiator_handles.h"

int pwk_main(uint32_t index_in_app)
{
	(void)index_in_app;
	uint8_t request[8] = {1, 2, 3, 4, 5, 6, 7, 8};
	uint8_t reply[8];
	for (uint32_t i = 0; i < BENCH_ROUND_TRIPS; i++) {
		request[0] = (uint8_t)i;
		pwk_count_result_t r =
			pwk_channel_transact(HANDLE_IPC, request, sizeof(request), reply,
					     sizeof(reply), pwk_deadline_after_ms(1000000));
		if (r.status != PWK_OK || reply[0] != request[0]) {
			pwk_debug_shutdown(PWK_DATA_LOSS);
		}
	}
	pwk_debug_shutdown(0);
}
