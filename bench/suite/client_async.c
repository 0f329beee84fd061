/*
 * client_async.c — the asynchronous form of a round trip: async_transact,
 * wait for READABLE, async_transact_complete; 8 bytes each way, echoed by
 * server_echo.c (compare transact_8).
 */
#include "bench.h"
#include "client_handles.h"

static uint8_t request[8];
static uint8_t reply[8];

int pwk_main(uint32_t index_in_app)
{
	(void)index_in_app;
	pwk_instant_t start = pwk_now();
	for (uint32_t i = 0; i < bench_iterations; i++) {
		request[0] = (uint8_t)i;
		pwk_status_t s = pwk_channel_async_transact(HANDLE_C0, request, sizeof(request),
							    reply, sizeof(reply));
		if (s != PWK_OK) {
			bench_fail(s);
		}
		pwk_wait_result_t w =
			pwk_object_wait(HANDLE_C0, PWK_SIGNAL_READABLE, PWK_INSTANT_MAX);
		if (w.status != PWK_OK) {
			bench_fail(w.status);
		}
		pwk_count_result_t r = pwk_channel_async_transact_complete(HANDLE_C0);
		if (r.status != PWK_OK) {
			bench_fail(r.status);
		}
		if (r.value != sizeof(reply) || reply[0] != request[0]) {
			bench_fail(PWK_DATA_LOSS);
		}
	}
	bench_finish(start);
}
