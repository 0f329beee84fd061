/*
 * initiator.c — sends 'a'..'z' over the channel with channel_transact and
 * checks every reply; shuts the system down with status 0 when all are
 * right, or with the failing status (or DATA_LOSS for a wrong reply).
 */
#include <pwk/user.h>

#include "initiator_handles.h"
#include "protocol.h"

static pwk_status_t send_one(uint32_t c)
{
	uint8_t request[UPPERCASE_REQUEST_SIZE];
	uint8_t reply[UPPERCASE_REPLY_SIZE] = {0};
	uppercase_put_u32(request, c);
	pwk_count_result_t r = pwk_channel_transact(HANDLE_IPC, request, sizeof(request), reply,
						    sizeof(reply), PWK_INSTANT_MAX);
	if (r.status != PWK_OK) {
		pwk_log("transact '%c' failed with status %u\n", (int)c, (unsigned)r.status);
		return r.status;
	}
	uint32_t upper = uppercase_get_u32(reply);
	uint32_t original = uppercase_get_u32(reply + 4);
	if (r.value != sizeof(reply) || upper != uppercase_of(c) || original != c) {
		pwk_log("wrong reply to '%c': %u bytes (%c,%c)\n", (int)c, (unsigned)r.value,
			(int)upper, (int)original);
		return PWK_DATA_LOSS;
	}
	pwk_log("Sent %c, received (%c,%c)\n", (int)c, (int)upper, (int)original);
	return PWK_OK;
}

int pwk_main(uint32_t index_in_app)
{
	(void)index_in_app;
	for (uint32_t c = 'a'; c <= 'z'; c++) {
		pwk_status_t s = send_one(c);
		if (s != PWK_OK) {
			pwk_debug_shutdown(s);
		}
	}
	pwk_log("All characters received correctly\n");
	pwk_debug_shutdown(0);
}
