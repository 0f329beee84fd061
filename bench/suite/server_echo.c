/*
 * server_echo.c — answers every request on h0 with its own bytes: wait,
 * read, respond (up to 1024 bytes).
 */
#include "bench.h"
#include "server_handles.h"

static uint8_t buf[1024];

int pwk_main(uint32_t index_in_app)
{
	(void)index_in_app;
	for (;;) {
		(void)pwk_object_wait(HANDLE_H0, PWK_SIGNAL_READABLE, PWK_INSTANT_MAX);
		pwk_count_result_t r = pwk_channel_read(HANDLE_H0, 0, buf, sizeof(buf));
		(void)pwk_channel_respond(HANDLE_H0, buf, r.value);
	}
}
