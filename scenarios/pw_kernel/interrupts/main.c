/*
 * main.c — pw_kernel tests/interrupts/user/main.rs ("User Interrupts Test"),
 * process "interrupt": software-triggers test_irq and test_irq2 and expects
 * the listener to report scenario 1 with INTERRUPT_A|INTERRUPT_B pending,
 * then triggers test_irq and expects scenario 2 with INTERRUPT_A.
 *
 * pwk port: the report is read into one flat 5-byte buffer (upstream reads
 * it as a [1, 4] iovec; pwk/user.h has no vectored channel_read).
 */
#include <pwk/user.h>

#include "interrupt_handles.h"
#include "pw_test.h"
#include "test_messages.h"

static pwk_status_t read_expected_scenario(uint8_t expected_scenario, uint32_t expected_bits)
{
	pwk_wait_result_t w = pwk_object_wait(HANDLE_IPC, PWK_SIGNAL_READABLE, PWK_INSTANT_MAX);
	TRY(w.status);
	if (!(w.pending_signals & PWK_SIGNAL_READABLE) || w.user_data != 0) {
		return PWK_INTERNAL;
	}

	uint8_t report[REPORT_SIZE];
	pwk_count_result_t r = pwk_channel_read(HANDLE_IPC, 0, report, sizeof(report));
	TRY(r.status);
	if (r.value != sizeof(report)) {
		return PWK_OUT_OF_RANGE;
	}
	if (report[0] != SCENARIO_WAIT_INTERRUPT && report[0] != SCENARIO_WAIT_GROUP_INTERRUPT) {
		return PWK_INVALID_ARGUMENT;
	}
	uint32_t bits = (uint32_t)report[1] | (uint32_t)report[2] << 8 | (uint32_t)report[3] << 16 |
			(uint32_t)report[4] << 24;
	if (report[0] != expected_scenario || bits != expected_bits) {
		TL_STEP_FAILED("Unexpected test scenario received: %u (expected %u) with bits "
			       "0x%x (expected 0x%x)\n",
			       (unsigned)report[0], (unsigned)expected_scenario, (unsigned)bits,
			       (unsigned)expected_bits);
		return PWK_INTERNAL;
	}
	static const uint8_t empty[1];
	return pwk_channel_respond(HANDLE_IPC, empty, 0);
}

/* The listener's interrupt object declares test_irq then test_irq2, so they
 * raise INTERRUPT_A and INTERRUPT_B there. */
static pwk_status_t test_wait_interrupt(void)
{
	TRY(pwk_debug_trigger_interrupt(CONSTANT_TEST_IRQ));
	TRY(pwk_debug_trigger_interrupt(CONSTANT_TEST_IRQ2));
	return read_expected_scenario(SCENARIO_WAIT_INTERRUPT,
				      PWK_SIGNAL_INTERRUPT_A | PWK_SIGNAL_INTERRUPT(1));
}

static pwk_status_t test_wait_group_interrupt(void)
{
	TRY(pwk_debug_trigger_interrupt(CONSTANT_TEST_IRQ));
	return read_expected_scenario(SCENARIO_WAIT_GROUP_INTERRUPT, PWK_SIGNAL_INTERRUPT_A);
}

int pwk_main(uint32_t index_in_app)
{
	(void)index_in_app;
	tl_start("User Interrupts Test");
	pwk_status_t s = test_wait_interrupt();
	if (s == PWK_OK) {
		s = test_wait_group_interrupt();
	}
	if (s == PWK_OK) {
		tl_passed("User Interrupts Test");
	} else {
		tl_failed("User Interrupts Test");
		TL_STEP_FAILED("status code: %u\n", (unsigned)s);
	}
	pwk_debug_shutdown(s);
}
