/*
 * server_fanin.c — one thread serving BENCH_CLIENTS channels (h0, h1, ...)
 * through a wait group: wait on the group, then read and respond on the
 * member it names (user_data = the member's index).
 */
#include "bench.h"
#include "server_handles.h"

static uint8_t buf[64];

int pwk_main(uint32_t index_in_app)
{
	(void)index_in_app;
	for (uint32_t c = 0; c < BENCH_CLIENTS; c++) {
		pwk_status_t s =
			pwk_wait_group_add(HANDLE_WG, HANDLE_H0 + c, PWK_SIGNAL_READABLE, c);
		if (s != PWK_OK) {
			bench_fail(s);
		}
	}
	for (;;) {
		pwk_wait_result_t w =
			pwk_object_wait(HANDLE_WG, PWK_SIGNAL_READABLE, PWK_INSTANT_MAX);
		uint32_t h = HANDLE_H0 + (uint32_t)w.user_data;
		pwk_count_result_t r = pwk_channel_read(h, 0, buf, sizeof(buf));
		(void)pwk_channel_respond(h, buf, r.value);
	}
}
