/*
 * initiator.c — pw_kernel tests/async_ipc/user/initiator.rs ("Async IPC
 * Test"):
 *   1. cancel: async_transact, async_cancel, then async_complete must be
 *      UNAVAILABLE and a 10 ms wait for READABLE must time out; a second
 *      async_transact completes with 1 byte;
 *   2. ipc_1..3 join one wait group (user_data 0..2); 100 times, start a
 *      transaction on all three and complete each as the wait group reports
 *      it, checking the handler added 1, 2 or 3.
 */
#include <pwk/user.h>

#include "initiator_handles.h"
#include "pw_test.h"

#define NUM_HANDLERS 3u
#define ITERATIONS   100u

static pwk_status_t test_async_cancel(void)
{
	static const uint8_t send[1] = {0x42};
	uint8_t recv[1] = {0};

	pwk_status_t s = pwk_channel_async_transact(HANDLE_IPC_1, send, 1, recv, 1);
	if (s != PWK_OK) {
		TL_ERROR("channel_async_transact failed (1): %u\n", (unsigned)s);
		return s;
	}
	s = pwk_channel_async_cancel(HANDLE_IPC_1);
	if (s != PWK_OK) {
		TL_ERROR("channel_async_cancel failed: %u\n", (unsigned)s);
		return s;
	}

	/* Completing a cancelled transaction fails. */
	pwk_count_result_t c = pwk_channel_async_transact_complete(HANDLE_IPC_1);
	if (c.status == PWK_OK) {
		TL_ERROR("channel_async_transact_complete succeeded on cancelled transaction\n");
		return PWK_INTERNAL;
	}
	if (c.status != PWK_UNAVAILABLE) {
		TL_ERROR("channel_async_transact_complete returned unexpected error: %u\n",
			 (unsigned)c.status);
		return c.status;
	}

	/* Nothing will make the initiator READABLE now. */
	pwk_wait_result_t w =
		pwk_object_wait(HANDLE_IPC_1, PWK_SIGNAL_READABLE, pwk_deadline_after_ms(10));
	if (w.status == PWK_OK) {
		TL_ERROR("object_wait succeeded on cancelled transaction\n");
		return PWK_INTERNAL;
	}
	if (w.status != PWK_DEADLINE_EXCEEDED) {
		TL_ERROR("object_wait returned unexpected error: %u\n", (unsigned)w.status);
		return w.status;
	}

	/* The channel is free again. */
	s = pwk_channel_async_transact(HANDLE_IPC_1, send, 1, recv, 1);
	if (s != PWK_OK) {
		TL_ERROR("channel_async_transact failed (2): %u\n", (unsigned)s);
		return s;
	}
	w = pwk_object_wait(HANDLE_IPC_1, PWK_SIGNAL_READABLE, PWK_INSTANT_MAX);
	if (w.status != PWK_OK) {
		TL_ERROR("object_wait failed: %u\n", (unsigned)w.status);
		return w.status;
	}
	if (!(w.pending_signals & PWK_SIGNAL_READABLE)) {
		TL_ERROR("object_wait returned success but READABLE is missing\n");
		return PWK_INTERNAL;
	}
	c = pwk_channel_async_transact_complete(HANDLE_IPC_1);
	if (c.status != PWK_OK) {
		TL_ERROR("channel_async_transact_complete failed: %u\n", (unsigned)c.status);
		return c.status;
	}
	if (c.value != 1) {
		TL_ERROR("Length mismatch: got %u\n", (unsigned)c.value);
		return PWK_INTERNAL;
	}
	return PWK_OK;
}

/* Waits for any of the three transactions and completes it. */
static pwk_status_t complete_one(uint8_t val, uint8_t recv[NUM_HANDLERS][1])
{
	static const uint32_t handles[NUM_HANDLERS] = {HANDLE_IPC_1, HANDLE_IPC_2, HANDLE_IPC_3};
	static const uint8_t increments[NUM_HANDLERS] = {1, 2, 3};

	pwk_wait_result_t w =
		pwk_object_wait(HANDLE_WAIT_GROUP, PWK_SIGNAL_READABLE, PWK_INSTANT_MAX);
	if (w.status != PWK_OK) {
		TL_ERROR("object_wait failed: %u\n", (unsigned)w.status);
		return w.status;
	}
	uintptr_t idx = w.user_data;
	if (idx >= NUM_HANDLERS) {
		return PWK_OUT_OF_RANGE;
	}
	if (!(w.pending_signals & PWK_SIGNAL_READABLE)) {
		return PWK_INTERNAL;
	}
	pwk_count_result_t c = pwk_channel_async_transact_complete(handles[idx]);
	if (c.status != PWK_OK) {
		TL_ERROR("channel_async_transact_complete failed for handle %u: %u\n",
			 (unsigned)idx, (unsigned)c.status);
		return c.status;
	}
	if (c.value != 1) {
		TL_ERROR("Length mismatch for handler %u: got %u\n", (unsigned)idx + 1,
			 (unsigned)c.value);
		return PWK_OUT_OF_RANGE;
	}
	uint8_t expected = (uint8_t)(val + increments[idx]);
	if (recv[idx][0] != expected) {
		TL_ERROR("Value mismatch handler %u: sent %u, got %u, want %u\n", (unsigned)idx + 1,
			 (unsigned)val, (unsigned)recv[idx][0], (unsigned)expected);
		return PWK_INTERNAL;
	}
	return PWK_OK;
}

static pwk_status_t test_increment_async_ipcs(void)
{
	static const uint32_t handles[NUM_HANDLERS] = {HANDLE_IPC_1, HANDLE_IPC_2, HANDLE_IPC_3};

	for (uint32_t i = 0; i < NUM_HANDLERS; i++) {
		pwk_status_t s =
			pwk_wait_group_add(HANDLE_WAIT_GROUP, handles[i], PWK_SIGNAL_READABLE, i);
		if (s != PWK_OK) {
			TL_ERROR("wait_group_add failed for handle %u: %u\n", (unsigned)i,
				 (unsigned)s);
			return s;
		}
	}

	for (uint32_t val = 0; val < ITERATIONS; val++) {
		const uint8_t send[1] = {(uint8_t)val};
		uint8_t recv[NUM_HANDLERS][1] = {{0}};
		for (uint32_t i = 0; i < NUM_HANDLERS; i++) {
			pwk_status_t s =
				pwk_channel_async_transact(handles[i], send, 1, recv[i], 1);
			if (s != PWK_OK) {
				TL_ERROR("channel_async_transact failed for handle %u: %u\n",
					 (unsigned)i, (unsigned)s);
				return s;
			}
		}
		for (uint32_t done = 0; done < NUM_HANDLERS; done++) {
			TRY(complete_one((uint8_t)val, recv));
		}
		TL_INFO("Iteration %u passed\n", (unsigned)val);
	}
	return PWK_OK;
}

int pwk_main(uint32_t index_in_app)
{
	(void)index_in_app;
	tl_start("Async IPC Test");
	pwk_status_t s = test_async_cancel();
	if (s == PWK_OK) {
		s = test_increment_async_ipcs();
	}
	if (s == PWK_OK) {
		tl_passed("Async IPC Test");
	} else {
		tl_failed("Async IPC Test");
		TL_ERROR("status code: %u\n", (unsigned)s);
	}
	pwk_debug_shutdown(s);
}
