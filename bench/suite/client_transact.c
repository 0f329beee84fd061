/*
 * client_transact.c — channel_transact round trips of BENCH_BYTES each way
 * to the server (server_echo.c echoes them; server_respond.c answers
 * nothing). With BENCH_DEADLINE_MS every transact carries a deadline that
 * far ahead (the scaling run: a timer armed per round trip).
 */
#include "bench.h"
#include "client_handles.h"

#ifndef BENCH_DEADLINE_MS
#define BENCH_DEADLINE_MS 0
#endif

/* One spare byte: a zero-length array is not C. */
static uint8_t request[BENCH_BYTES + 1];
static uint8_t reply[BENCH_BYTES + 1];

static pwk_instant_t transact_deadline(void)
{
	return BENCH_DEADLINE_MS == 0 ? PWK_INSTANT_MAX : pwk_deadline_after_ms(BENCH_DEADLINE_MS);
}

int pwk_main(uint32_t index_in_app)
{
	(void)index_in_app;
	pwk_instant_t start = pwk_now();
	for (uint32_t i = 0; i < bench_iterations; i++) {
		request[0] = (uint8_t)i;
		pwk_count_result_t r = pwk_channel_transact(HANDLE_C0, request, BENCH_BYTES, reply,
							    BENCH_BYTES, transact_deadline());
		if (r.status != PWK_OK) {
			bench_fail(r.status);
		}
		if (BENCH_BYTES > 0 && (r.value != BENCH_BYTES || reply[0] != request[0])) {
			bench_fail(PWK_DATA_LOSS);
		}
	}
	bench_finish(start);
}
