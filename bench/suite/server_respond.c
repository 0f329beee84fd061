/*
 * server_respond.c — answers every request on h0 with nothing (wait,
 * respond): with a 0-byte transact, a round trip is two switches between
 * the processes and four syscalls, the least a cross-process switch costs.
 */
#include "bench.h"
#include "server_handles.h"

static uint8_t nothing[1];

int pwk_main(uint32_t index_in_app)
{
	(void)index_in_app;
	for (;;) {
		(void)pwk_object_wait(HANDLE_H0, PWK_SIGNAL_READABLE, PWK_INSTANT_MAX);
		(void)pwk_channel_respond(HANDLE_H0, nothing, 0);
	}
}
