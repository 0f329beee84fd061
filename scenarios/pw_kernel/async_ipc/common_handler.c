/*
 * common_handler.c — pw_kernel tests/async_ipc/user/common_handler.rs.
 */
#include "handlers.h"

#include "pw_test.h"

pwk_status_t handle_increment_ipc(uint32_t ipc_handle, uint8_t increment)
{
	for (;;) {
		pwk_wait_result_t w =
			pwk_object_wait(ipc_handle, PWK_SIGNAL_READABLE, PWK_INSTANT_MAX);
		if (w.status != PWK_OK || !(w.pending_signals & PWK_SIGNAL_READABLE) ||
		    w.user_data != 0) {
			return PWK_INTERNAL;
		}
		uint8_t buffer[1];
		pwk_count_result_t r = pwk_channel_read(ipc_handle, 0, buffer, sizeof(buffer));
		if (r.status == PWK_UNAVAILABLE) {
			/* The initiator cancelled the transaction while we were
			 * waking up: wait for the next one. */
			continue;
		}
		TRY(r.status);
		if (r.value != 1) {
			return PWK_OUT_OF_RANGE;
		}
		buffer[0] = (uint8_t)(buffer[0] + increment);
		TRY(pwk_channel_respond(ipc_handle, buffer, sizeof(buffer)));
	}
}
