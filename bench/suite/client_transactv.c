/*
 * client_transactv.c — the vectored channel_transactv: 8 bytes each way in
 * two 4-byte slices, echoed by server_echo.c (compare transact_8).
 */
#include "bench.h"
#include "client_handles.h"

static uint8_t request[2][4];
static uint8_t reply[2][4];

int pwk_main(uint32_t index_in_app)
{
	(void)index_in_app;
	const pwk_iovec_t send[] = {{request[0], 4}, {request[1], 4}};
	const pwk_iovec_t recv[] = {{reply[0], 4}, {reply[1], 4}};
	pwk_instant_t start = pwk_now();
	for (uint32_t i = 0; i < bench_iterations; i++) {
		request[1][3] = (uint8_t)i;
		pwk_count_result_t r =
			pwk_channel_transactv(HANDLE_C0, send, 2, recv, 2, PWK_INSTANT_MAX);
		if (r.status != PWK_OK) {
			bench_fail(r.status);
		}
		if (r.value != 8 || reply[1][3] != request[1][3]) {
			bench_fail(PWK_DATA_LOSS);
		}
	}
	bench_finish(start);
}
