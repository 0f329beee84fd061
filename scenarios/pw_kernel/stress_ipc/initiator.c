/*
 * initiator.c — pw_kernel tests/stress/ipc/user/initiator.rs ("Stress IPC
 * Test"): transacts 'a'..'z' over and over, checking every reply.
 *
 * pwk port: upstream runs for ever (it is an image, not an automated test)
 * and only logs a failed pass. Here the run is bounded to PASSES passes
 * (2002 round trips), any failure shuts the system down with its status,
 * and the end is reported as PASSED with shutdown 0.
 */
#include <pwk/user.h>

#include "char32.h"
#include "initiator_handles.h"
#include "pw_test.h"

#define PASSES 77u /* 77 x 26 = 2002 round trips */

static pwk_status_t test_uppercase_ipcs(void)
{
	TL_STEP_START("Uppercase IPC test\n");
	for (uint32_t c = 'a'; c <= 'z'; c++) {
		uint8_t send[CHAR_SIZE], recv[2 * CHAR_SIZE] = {0};
		put_char32(send, c);
		pwk_count_result_t r = pwk_channel_transact(HANDLE_IPC, send, sizeof(send), recv,
							    sizeof(recv), PWK_INSTANT_MAX);
		TRY(r.status);
		if (r.value != sizeof(recv)) {
			TL_STEP_FAILED("Received %u bytes, %u expected\n", (unsigned)r.value,
				       (unsigned)sizeof(recv));
			return PWK_OUT_OF_RANGE;
		}
		uint32_t char0 = get_char32(recv), char1 = get_char32(recv + CHAR_SIZE);
		TL_STEP_PASSED("Sent %c, received (%c,%c)\n", (int)c, (int)char0, (int)char1);
		if (char0 != ascii_upper(c) || char1 != c) {
			return PWK_UNKNOWN;
		}
	}
	return PWK_OK;
}

int pwk_main(uint32_t index_in_app)
{
	(void)index_in_app;
	tl_start("Stress IPC Test");
	for (uint32_t pass = 0; pass < PASSES; pass++) {
		pwk_status_t s = test_uppercase_ipcs();
		if (s != PWK_OK) {
			TL_STEP_FAILED("FAILED: %u\n", (unsigned)s);
			tl_failed("Stress IPC Test");
			pwk_debug_shutdown(s);
		}
		TL_STEP_PASSED("PASSED %u\n", (unsigned)pass);
	}
	tl_passed("Stress IPC Test");
	pwk_debug_shutdown(0);
}
