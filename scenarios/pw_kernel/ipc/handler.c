/*
 * handler.c — pw_kernel tests/ipc/user/handler.rs: answers each character
 * with (uppercase, original) until the initiator raises USER on us; '!'
 * raises and '#' lowers USER on the initiator. USER from the initiator is
 * echoed (raised then lowered at once), then one iovec request is answered
 * in lowercase as a two-piece iovec. Any failure shuts the system down with
 * its status.
 */
#include <pwk/user.h>

#include "char32.h"
#include "handler_handles.h"
#include "pw_test.h"

static pwk_status_t handle_uppercase_ipcs(void)
{
	for (;;) {
		pwk_wait_result_t w = pwk_object_wait(
			HANDLE_IPC, PWK_SIGNAL_READABLE | PWK_SIGNAL_USER, PWK_INSTANT_MAX);
		if (w.status != PWK_OK) {
			return PWK_INTERNAL;
		}
		/* The initiator pings us: echo USER back and lower it (the sender
		 * owns both raise and lower). */
		if (w.pending_signals & PWK_SIGNAL_USER) {
			if (pwk_object_set_peer_user_signal(HANDLE_IPC, true) != PWK_OK ||
			    pwk_object_set_peer_user_signal(HANDLE_IPC, false) != PWK_OK) {
				return PWK_INTERNAL;
			}
			return PWK_OK;
		}
		if (!(w.pending_signals & PWK_SIGNAL_READABLE) || w.user_data != 0) {
			return PWK_INTERNAL;
		}

		uint8_t request[CHAR_SIZE];
		pwk_count_result_t r = pwk_channel_read(HANDLE_IPC, 0, request, sizeof(request));
		TRY(r.status);
		if (r.value != sizeof(request)) {
			return PWK_OUT_OF_RANGE;
		}
		uint32_t c = get_char32(request);
		if (c == '!') {
			TRY(pwk_object_set_peer_user_signal(HANDLE_IPC, true));
		} else if (c == '#') {
			TRY(pwk_object_set_peer_user_signal(HANDLE_IPC, false));
		}

		uint8_t response[2 * CHAR_SIZE];
		put_char32(response, ascii_upper(c));
		put_char32(response + CHAR_SIZE, c);
		TRY(pwk_channel_respond(HANDLE_IPC, response, sizeof(response)));
	}
}

static pwk_status_t handle_iovec_ipc(void)
{
	pwk_wait_result_t w = pwk_object_wait(HANDLE_IPC, PWK_SIGNAL_READABLE, PWK_INSTANT_MAX);
	if (w.status != PWK_OK || !(w.pending_signals & PWK_SIGNAL_READABLE) || w.user_data != 0) {
		return PWK_INTERNAL;
	}

	uint8_t buffer[32];
	pwk_count_result_t r = pwk_channel_read(HANDLE_IPC, 0, buffer, sizeof(buffer));
	TRY(r.status);
	size_t len = r.value;
	TL_STEP_INFO("IPC received: %.*s\n", (int)len, (const char *)buffer);

	for (size_t i = 0; i < len; i++) {
		buffer[i] = ascii_lower(buffer[i]);
	}
	/* Reply as an iovec split in the middle, just because we can. */
	const pwk_iovec_t reply[] = {{buffer, len / 2}, {buffer + len / 2, len - len / 2}};
	return pwk_channel_respondv(HANDLE_IPC, reply, 2);
}

int pwk_main(uint32_t index_in_app)
{
	(void)index_in_app;
	pwk_status_t s = handle_uppercase_ipcs();
	if (s == PWK_OK) {
		s = handle_iovec_ipc();
	}
	if (s != PWK_OK) {
		TL_STEP_FAILED("IPC service error: %u\n", (unsigned)s);
		pwk_debug_shutdown(s);
	}
	return 0;
}
