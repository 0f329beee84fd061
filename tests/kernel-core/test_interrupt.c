/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Interrupt objects (pw_kernel §2.4): lines enabled at boot, one signal bit
 * per declared irq, acknowledgement, software triggering, wait groups.
 */
#include "kc_test.h"

#define A PWK_SIGNAL_INTERRUPT(0)
#define B PWK_SIGNAL_INTERRUPT(1)

static const uint32_t irqs[] = {42, 43};
static const uint32_t dup_irqs[] = {43};
static uint32_t intr, intr2, wg, self;

static void setup(fake_entry_fn script, uint32_t prio, fake_entry_fn other)
{
	fake_reset();
	uint32_t p = fake_process("p");
	intr2 = fake_interrupt(p, dup_irqs, 1); /* 43 is declared again below */
	intr = fake_interrupt(p, irqs, 2);
	wg = fake_wait_group(p);
	self = fake_own_process_handle(p);
	fake_thread(p, "script", prio, script);
	if (other != NULL) {
		fake_thread(p, "other", PRIO, other);
	}
}

FAKE_ENTRY(boot_only)
{
	u_shutdown(0);
}

Test(interrupt, boot_enables_every_declared_line)
{
	setup(boot_only, PRIO, NULL);
	cr_assert_eq(fake_boot(), PWK_OK);
	size_t n;
	const uint32_t *enabled = fake_irqs_enabled(&n);
	cr_assert_eq(n, 3);
	cr_assert_eq(enabled[0], 43);
	cr_assert_eq(enabled[1], 42);
	cr_assert_eq(enabled[2], 43);
}

FAKE_ENTRY(fire_and_ack)
{
	fake_irq(43);
	expect_signals(intr, B);
	expect_signals(intr2, 0); /* the last object declaring 43 gets it */
	fake_irq(42);
	fake_irq(7); /* nobody declared it */
	expect_signals(intr, A | B);
	expect_status(u_interrupt_ack(intr, A | B), PWK_OK);
	expect_signals(intr, 0);
	expect_status(u_interrupt_ack(intr, B | PWK_SIGNAL_USER), PWK_OK); /* not pending: fine */
	expect_status(u_interrupt_ack(intr, 1u << 6), PWK_INVALID_ARGUMENT);
	expect_status(u_interrupt_ack(wg, A), PWK_UNIMPLEMENTED);
	u_shutdown(0);
}

Test(interrupt, irq_raises_its_bit_and_ack_lowers_it_and_acks_the_line)
{
	setup(fire_and_ack, PRIO, NULL);
	run_expecting_shutdown(0);
	size_t n;
	const uint32_t *acked = fake_irqs_acked(&n);
	cr_assert_eq(n, 3);
	cr_assert_eq(acked[0], 42);
	cr_assert_eq(acked[1], 43);
	cr_assert_eq(acked[2], 43);
}

FAKE_ENTRY(waits_for_irq)
{
	struct u_wait w = u_wait(intr, A, PWK_INSTANT_MAX);
	cr_expect_eq(w.status, PWK_OK);
	cr_expect_eq(w.signals, A);
	cr_expect_eq(fake_now(), 100, "delivered while every thread was blocked");
	u_shutdown(0);
}

Test(interrupt, irq_while_idle_wakes_the_waiter)
{
	setup(waits_for_irq, PRIO, NULL);
	fake_schedule_irq(42, 100);
	run_expecting_shutdown(0);
}

FAKE_ENTRY(low_spinner)
{
	for (int i = 0; i < 10; i++) {
		fake_event(i);
		fake_advance(1);
	}
}

FAKE_ENTRY(high_waiter)
{
	cr_expect_eq(u_wait(intr, B, PWK_INSTANT_MAX).status, PWK_OK);
	fake_event(100);
	u_shutdown(0);
}

Test(interrupt, irq_waking_a_higher_priority_thread_preempts_user_code)
{
	setup(high_waiter, PRIO + 1, low_spinner);
	fake_schedule_irq(43, 3);
	run_expecting_shutdown(0);
	const int want[] = {0, 1, 2, 100};
	expect_events(want, 4);
}

FAKE_ENTRY(triggers)
{
	expect_status(u_trigger(42), PWK_OK);
	expect_signals(intr, A); /* delivered on the way back to user mode */
	u_shutdown(0);
}

Test(interrupt, debug_trigger_interrupt_fires_the_line)
{
	setup(triggers, PRIO, NULL);
	run_expecting_shutdown(0);
}

FAKE_ENTRY(cannot_trigger)
{
	expect_status(u_trigger(42), PWK_UNIMPLEMENTED);
	expect_signals(intr, 0);
	u_shutdown(0);
}

Test(interrupt, debug_trigger_interrupt_is_unimplemented_where_the_hal_cannot)
{
	setup(cannot_trigger, PRIO, NULL);
	fake_set_trigger_supported(false);
	run_expecting_shutdown(0);
}

FAKE_ENTRY(in_wait_group)
{
	expect_status(u_wg_add(wg, intr, A, 0), PWK_OK);
	expect_status(u_trigger(42), PWK_OK);
	struct u_wait w = u_wait(wg, PWK_SIGNAL_READABLE, PWK_INSTANT_MAX);
	cr_expect_eq(w.status, PWK_OK);
	cr_expect_eq(w.user_data, 0);
	cr_expect_eq(w.signals, A);
	expect_status(u_interrupt_ack(intr, A), PWK_OK);
	cr_expect_eq(u_wait(wg, PWK_SIGNAL_READABLE, 0).status, PWK_DEADLINE_EXCEEDED);
	u_shutdown(0);
}

Test(interrupt, interrupt_object_in_a_wait_group_is_level_sensitive)
{
	setup(in_wait_group, PRIO, NULL);
	run_expecting_shutdown(0);
}
