/*
 * bench_initiator.c — BENCH_ROUND_TRIPS channel_transact round trips of 8
 * bytes each way, then shutdown. The simulator times the whole run.
 */
#include <pwk/user.h>

#include "initiator_handles.h"

/* A deadline on every transact, BENCH_DEADLINE_MS from its start
 * (bench/timers); none by default. */
#ifndef BENCH_DEADLINE_MS
#define BENCH_DEADLINE_MS 0
#endif

static pwk_instant_t transact_deadline(void)
{
	return BENCH_DEADLINE_MS == 0 ? PWK_INSTANT_MAX : pwk_deadline_after_ms(BENCH_DEADLINE_MS);
}

int pwk_main(uint32_t index_in_app)
{
	(void)index_in_app;
	uint8_t request[8] = {1, 2, 3, 4, 5, 6, 7, 8};
	uint8_t reply[8];
	for (uint32_t i = 0; i < BENCH_ROUND_TRIPS; i++) {
		request[0] = (uint8_t)i;
		pwk_count_result_t r =
			pwk_channel_transact(HANDLE_IPC, request, sizeof(request), reply,
					     sizeof(reply), transact_deadline());
		if (r.status != PWK_OK || reply[0] != request[0]) {
			pwk_debug_shutdown(PWK_DATA_LOSS);
		}
	}
	pwk_debug_shutdown(0);
}
