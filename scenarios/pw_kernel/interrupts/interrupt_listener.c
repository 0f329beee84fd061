/*
 * interrupt_listener.c — pw_kernel tests/interrupts/user/
 * interrupt_listener.rs, process "listener":
 *   1. after 50 ms (so both triggered IRQs are pending) wait for test_irq or
 *      test_irq2, acknowledge everything pending and report it;
 *   2. put the interrupt object in a wait group (mask test_irq, user_data =
 *      its handle), wait on the group, acknowledge, check a poll of the
 *      group now times out, and report.
 * Any failure shuts the system down with its status.
 */
#include <pwk/user.h>

#include "listener_handles.h"
#include "pw_test.h"
#include "test_messages.h"

static pwk_status_t notify_main(uint8_t scenario, uint32_t signals)
{
	const uint8_t scenario_byte[1] = {scenario};
	const uint8_t bits[4] = {(uint8_t)signals, (uint8_t)(signals >> 8),
				 (uint8_t)(signals >> 16), (uint8_t)(signals >> 24)};
	const pwk_iovec_t send[] = {{scenario_byte, sizeof(scenario_byte)}, {bits, sizeof(bits)}};
	static uint8_t no_reply[1];
	const pwk_iovec_t recv[] = {{no_reply, 0}};

	pwk_count_result_t r = pwk_channel_transactv(HANDLE_IPC, send, 2, recv, 1, PWK_INSTANT_MAX);
	TRY(r.status);
	if (r.value != 0) {
		TL_STEP_FAILED("Received %u bytes, 0 expected\n", (unsigned)r.value);
		return PWK_OUT_OF_RANGE;
	}
	return PWK_OK;
}

static pwk_status_t test_wait_interrupt(void)
{
	TL_STEP_START("Testing wait on interrupt\n");
	/* Tests several pending interrupts at once: wait until both fired. */
	TRY(sleep_until(HANDLE_PROCESS, pwk_deadline_after_ms(50)));
	pwk_wait_result_t w = pwk_object_wait(HANDLE_TEST_INTERRUPTS,
					      SIGNAL_TEST_IRQ | SIGNAL_TEST_IRQ2, PWK_INSTANT_MAX);
	if (w.status != PWK_OK) {
		TL_STEP_FAILED("Failed to wait on interrupt\n");
		return w.status;
	}
	if (!(w.pending_signals & SIGNAL_TEST_IRQ)) {
		TL_STEP_FAILED("Incorrect WaitReturn signals: 0x%x\n", (unsigned)w.pending_signals);
		return PWK_INTERNAL;
	}
	TRY(pwk_interrupt_ack(HANDLE_TEST_INTERRUPTS, w.pending_signals));
	TL_STEP_PASSED("Wait on interrupt succeeded\n");
	return notify_main(SCENARIO_WAIT_INTERRUPT, w.pending_signals);
}

static pwk_status_t test_wait_group_interrupt(void)
{
	TL_STEP_START("Testing wait on wait group containing interrupt\n");
	TRY(pwk_wait_group_add(HANDLE_INTERRUPT_WAIT_GROUP, HANDLE_TEST_INTERRUPTS, SIGNAL_TEST_IRQ,
			       HANDLE_TEST_INTERRUPTS));
	pwk_wait_result_t w =
		pwk_object_wait(HANDLE_INTERRUPT_WAIT_GROUP, PWK_SIGNAL_READABLE, PWK_INSTANT_MAX);
	if (w.status != PWK_OK) {
		TL_STEP_FAILED("Failed to wait on wait group for interrupt\n");
		return w.status;
	}
	if (!(w.pending_signals & SIGNAL_TEST_IRQ) || w.user_data != HANDLE_TEST_INTERRUPTS) {
		TL_STEP_FAILED(
			"Incorrect WaitReturn values: pending_signals = %u, user_data = %u\n",
			(unsigned)w.pending_signals, (unsigned)w.user_data);
		return PWK_INTERNAL;
	}
	TRY(pwk_interrupt_ack(HANDLE_TEST_INTERRUPTS, w.pending_signals));

	/* Acknowledged, the member is no longer signalled: a poll times out. */
	pwk_status_t s =
		pwk_object_wait(HANDLE_INTERRUPT_WAIT_GROUP, PWK_SIGNAL_READABLE, pwk_now()).status;
	if (s == PWK_OK) {
		TL_STEP_FAILED("WaitGroup remained signaled after interrupt ack\n");
		return PWK_INTERNAL;
	}
	if (s != PWK_DEADLINE_EXCEEDED) {
		TL_STEP_FAILED("WaitGroup wait failed with unexpected error: %u\n", (unsigned)s);
		return s;
	}
	TL_STEP_PASSED("Wait on wait group containing interrupt succeeded\n");
	return notify_main(SCENARIO_WAIT_GROUP_INTERRUPT, w.pending_signals);
}

int pwk_main(uint32_t index_in_app)
{
	(void)index_in_app;
	pwk_status_t s = test_wait_interrupt();
	if (s == PWK_OK) {
		s = test_wait_group_interrupt();
	}
	if (s != PWK_OK) {
		pwk_debug_shutdown(s);
	}
	return 0;
}
