/*
 * initiator.c — pw_kernel tests/wait_group/user/initiator.rs ("Wait Group
 * Test"): transacts 'a' on ipc_a, 'b' on ipc_b and 'c' on ipc_a; each reply
 * is the handler's iteration count (0, 1, 2) as a little-endian word.
 *
 * pwk port: before PASSED we also wait for USER, which the handler raises
 * on ipc_a once its wait-group error checks pass. Upstream shuts down right
 * after the third reply and relies on the handler finishing its checks
 * first (an equal-priority wake-up does not preempt); a seeded preemption
 * could let the shutdown win and skip the checks.
 */
#include <pwk/user.h>

#include "initiator_handles.h"
#include "pw_test.h"

static pwk_status_t send_char(uint32_t ipc, uint32_t c, uint32_t iteration)
{
	TL_INFO("Sending %c on channel %u\n", (int)c, (unsigned)ipc);
	const uint8_t send[4] = {(uint8_t)c, 0, 0, 0};
	uint8_t recv[sizeof(uintptr_t)] = {0};
	pwk_count_result_t r =
		pwk_channel_transact(ipc, send, sizeof(send), recv, sizeof(recv), PWK_INSTANT_MAX);
	TRY(r.status);
	if (r.value != sizeof(recv)) {
		TL_ERROR("Received %u bytes, %u expected\n", (unsigned)r.value,
			 (unsigned)sizeof(recv));
		return PWK_OUT_OF_RANGE;
	}
	uintptr_t ret = 0;
	memcpy(&ret, recv, sizeof(ret));
	if (ret != iteration) {
		TL_ERROR("Received %u return value, %u expected\n", (unsigned)ret,
			 (unsigned)iteration);
		return PWK_INVALID_ARGUMENT;
	}
	return PWK_OK;
}

static pwk_status_t test_wait_group(void)
{
	TL_INFO("Wait group test starting\n");
	TRY(send_char(HANDLE_IPC_A, 'a', 0));
	TRY(send_char(HANDLE_IPC_B, 'b', 1));
	TRY(send_char(HANDLE_IPC_A, 'c', 2));

	/* pwk addition (see the top of this file). */
	pwk_wait_result_t w = pwk_object_wait(HANDLE_IPC_A, PWK_SIGNAL_USER, PWK_INSTANT_MAX);
	return w.status;
}

int pwk_main(uint32_t index_in_app)
{
	(void)index_in_app;
	tl_start("Wait Group Test");
	pwk_status_t s = test_wait_group();
	if (s == PWK_OK) {
		tl_passed("Wait Group Test");
	} else {
		tl_failed("Wait Group Test");
		TL_ERROR("status code: %u\n", (unsigned)s);
	}
	pwk_debug_shutdown(s);
}
