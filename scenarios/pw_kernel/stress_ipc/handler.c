/*
 * handler.c — pw_kernel tests/stress/ipc/user/handler.rs: answers each
 * character with (uppercase, original) for ever; any failure shuts the
 * system down with its status.
 */
#include <pwk/user.h>

#include "char32.h"
#include "handler_handles.h"
#include "pw_test.h"

static pwk_status_t handle_uppercase_ipcs(void)
{
	TL_STEP_INFO("IPC service starting\n");
	for (;;) {
		pwk_wait_result_t w =
			pwk_object_wait(HANDLE_IPC, PWK_SIGNAL_READABLE, PWK_INSTANT_MAX);
		if (w.status != PWK_OK || !(w.pending_signals & PWK_SIGNAL_READABLE) ||
		    w.user_data != 0) {
			return PWK_INTERNAL;
		}
		uint8_t request[CHAR_SIZE];
		pwk_count_result_t r = pwk_channel_read(HANDLE_IPC, 0, request, sizeof(request));
		TRY(r.status);
		if (r.value != sizeof(request)) {
			return PWK_OUT_OF_RANGE;
		}
		uint32_t c = get_char32(request), upper = ascii_upper(c);
		TL_STEP_PASSED("Received %c, uppercase %c\n", (int)c, (int)upper);

		uint8_t response[2 * CHAR_SIZE];
		put_char32(response, upper);
		put_char32(response + CHAR_SIZE, c);
		TRY(pwk_channel_respond(HANDLE_IPC, response, sizeof(response)));
	}
}

int pwk_main(uint32_t index_in_app)
{
	(void)index_in_app;
	pwk_status_t s = handle_uppercase_ipcs();
	TL_STEP_FAILED("IPC service error: %u\n", (unsigned)s);
	pwk_debug_shutdown(s);
}
