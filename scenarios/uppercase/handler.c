/*
 * handler.c — serves the uppercase channel: object_wait(READABLE) ->
 * channel_read -> channel_respond(uppercase, original), for ever. Any
 * failure shuts the system down with the failing status.
 */
#include <pwk/user.h>

#include "handler_handles.h"
#include "protocol.h"

static _Noreturn void fail(const char *what, pwk_status_t s)
{
	pwk_log("%s failed with status %u\n", what, (unsigned)s);
	pwk_debug_shutdown(s);
}

int pwk_main(uint32_t index_in_app)
{
	(void)index_in_app;
	for (;;) {
		pwk_wait_result_t w =
			pwk_object_wait(HANDLE_IPC, PWK_SIGNAL_READABLE, PWK_INSTANT_MAX);
		if (w.status != PWK_OK) {
			fail("object_wait", w.status);
		}
		if (!(w.pending_signals & PWK_SIGNAL_READABLE)) {
			fail("object_wait without READABLE", PWK_INTERNAL);
		}
		uint8_t request[UPPERCASE_REQUEST_SIZE];
		pwk_count_result_t r = pwk_channel_read(HANDLE_IPC, 0, request, sizeof(request));
		if (r.status != PWK_OK) {
			fail("channel_read", r.status);
		}
		if (r.value != sizeof(request)) {
			fail("channel_read (short request)", PWK_OUT_OF_RANGE);
		}
		uint32_t c = uppercase_get_u32(request);
		uint8_t reply[UPPERCASE_REPLY_SIZE];
		uppercase_put_u32(reply, uppercase_of(c));
		uppercase_put_u32(reply + 4, c);
		pwk_status_t s = pwk_channel_respond(HANDLE_IPC, reply, sizeof(reply));
		if (s != PWK_OK) {
			fail("channel_respond", s);
		}
	}
}
