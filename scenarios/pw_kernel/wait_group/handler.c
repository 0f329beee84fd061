/*
 * handler.c — pw_kernel tests/wait_group/user/handler.rs: serves ipc_a
 * (user_data 11) and ipc_b (22) through wait_group_1, expecting 'a' on
 * ipc_a, 'b' on ipc_b, 'c' on ipc_a and answering each with the iteration.
 * Then checks wait-group errors: an object is in one group at most
 * (RESOURCE_EXHAUSTED), removing from the wrong group or twice is NOT_FOUND,
 * waiting on an empty group and nesting groups are INVALID_ARGUMENT.
 * Any failure shuts the system down with its status.
 *
 * pwk port: when every check has passed, raises USER on ipc_a's initiator
 * so the initiator reports PASSED only after them (see initiator.c).
 */
#include <pwk/user.h>

#include "handler_handles.h"
#include "pw_test.h"

/* Expects `got` to be the error `want`; anything else (success included)
 * fails the test. */
static pwk_status_t expect_error(pwk_status_t got, pwk_status_t want)
{
	return got == want ? PWK_OK : PWK_INTERNAL;
}

static pwk_status_t serve_three_requests(void)
{
	static const uintptr_t expected_user_data[3] = {11, 22, 11};
	static const uint32_t ipc_of[3] = {HANDLE_IPC_A, HANDLE_IPC_B, HANDLE_IPC_A};
	static const char expected_char[3] = {'a', 'b', 'c'};

	for (uint32_t i = 0; i < 3; i++) {
		TL_INFO("waiting for objects iteration %u\n", (unsigned)i);
		pwk_wait_result_t w =
			pwk_object_wait(HANDLE_WAIT_GROUP_1, PWK_SIGNAL_READABLE, PWK_INSTANT_MAX);
		TRY(w.status);
		if (w.user_data != expected_user_data[i] ||
		    !(w.pending_signals & PWK_SIGNAL_READABLE)) {
			return PWK_INTERNAL;
		}
		TL_INFO("done waiting on objects iteration %u\n", (unsigned)i);

		uint8_t request[4];
		pwk_count_result_t r = pwk_channel_read(ipc_of[i], 0, request, sizeof(request));
		TRY(r.status);
		if (r.value != sizeof(request)) {
			return PWK_OUT_OF_RANGE;
		}
		uint32_t c = (uint32_t)request[0] | (uint32_t)request[1] << 8 |
			     (uint32_t)request[2] << 16 | (uint32_t)request[3] << 24;
		if (c != (uint32_t)expected_char[i]) {
			TL_ERROR("Received %c character, %c expected\n", (int)c,
				 (int)expected_char[i]);
			return PWK_INVALID_ARGUMENT;
		}

		/* The reply is the iteration as a native word (usize upstream). */
		uintptr_t reply = i;
		TRY(pwk_channel_respond(ipc_of[i], &reply, sizeof(reply)));
	}
	return PWK_OK;
}

static pwk_status_t wait_group(void)
{
	TL_INFO("WaitGroup service starting\n");
	TRY(pwk_wait_group_add(HANDLE_WAIT_GROUP_1, HANDLE_IPC_A, PWK_SIGNAL_READABLE, 11));
	TRY(pwk_wait_group_add(HANDLE_WAIT_GROUP_1, HANDLE_IPC_B, PWK_SIGNAL_READABLE, 22));
	TRY(serve_three_requests());

	TL_INFO("Objects can only be in one wait group\n");
	TRY(expect_error(
		pwk_wait_group_add(HANDLE_WAIT_GROUP_2, HANDLE_IPC_A, PWK_SIGNAL_READABLE, 3),
		PWK_RESOURCE_EXHAUSTED));

	TL_INFO("Object removed from incorrect wait group\n");
	TRY(expect_error(pwk_wait_group_remove(HANDLE_WAIT_GROUP_2, HANDLE_IPC_A), PWK_NOT_FOUND));

	TRY(pwk_wait_group_remove(HANDLE_WAIT_GROUP_1, HANDLE_IPC_B));
	TRY(pwk_wait_group_remove(HANDLE_WAIT_GROUP_1, HANDLE_IPC_A));

	TL_INFO("Object removed when not in any wait group\n");
	TRY(expect_error(pwk_wait_group_remove(HANDLE_WAIT_GROUP_1, HANDLE_IPC_A), PWK_NOT_FOUND));

	TL_INFO("Waiting on empty wait group\n");
	TRY(expect_error(
		pwk_object_wait(HANDLE_WAIT_GROUP_1, PWK_SIGNAL_READABLE, PWK_INSTANT_MAX).status,
		PWK_INVALID_ARGUMENT));

	TL_INFO("Nested wait groups not supported\n");
	TRY(expect_error(pwk_wait_group_add(HANDLE_WAIT_GROUP_1, HANDLE_WAIT_GROUP_2,
					    PWK_SIGNAL_READABLE, 3),
			 PWK_INVALID_ARGUMENT));
	return PWK_OK;
}

int pwk_main(uint32_t index_in_app)
{
	(void)index_in_app;
	pwk_status_t s = wait_group();
	if (s == PWK_OK) {
		/* pwk addition: tell the initiator every check passed. */
		s = pwk_object_set_peer_user_signal(HANDLE_IPC_A, true);
	}
	if (s != PWK_OK) {
		TL_ERROR("WaitGroup service error: %u\n", (unsigned)s);
		pwk_debug_shutdown(s);
	}
	return 0;
}
