/*
 * bench_handler.c — echoes every request: wait, read, respond.
 */
#include <pwk/user.h>

#include "handler_handles.h"

int pwk_main(uint32_t index_in_app)
{
	(void)index_in_app;
	uint8_t buf[8];
	for (;;) {
		(void)pwk_object_wait(HANDLE_IPC, PWK_SIGNAL_READABLE, PWK_INSTANT_MAX);
		pwk_count_result_t r = pwk_channel_read(HANDLE_IPC, 0, buf, sizeof(buf));
		(void)pwk_channel_respond(HANDLE_IPC, buf, r.value);
	}
}
