/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The deadline queue: ordering by (deadline, arming order); with exact
 * deadlines the HAL armed with the earliest deadline and re-armed when a
 * wait ends early; with pw_kernel's tick granularity (the default) the HAL
 * armed only while the kernel idles.
 */
#include "kc_test.h"

static uint32_t ih, hh, self;

static void setup(fake_entry_fn a, fake_entry_fn b, fake_entry_fn c)
{
	fake_reset();
	uint32_t p = fake_process("p");
	fake_channel(p, &ih, p, &hh);
	self = fake_own_process_handle(p);
	add_threads(p, a, b, c);
}

FAKE_ENTRY(late_armer)
{
	u_sleep_until(self, 1);
	u_sleep_until(self, 10);
	fake_event(1);
}

FAKE_ENTRY(early_armer_2)
{
	u_sleep_until(self, 10);
	fake_event(2);
}

FAKE_ENTRY(early_armer_3)
{
	u_sleep_until(self, 10);
	fake_event(3);
}

Test(timer, equal_deadlines_fire_in_the_order_they_were_armed)
{
	setup(late_armer, early_armer_2, early_armer_3);
	cr_assert_eq(fake_boot_and_run().end, FAKE_DEADLOCK);
	const int want[] = {2, 3, 1};
	expect_events(want, 3);
	cr_assert_eq(fake_now(), 10);
}

FAKE_ENTRY(sleep_30)
{
	u_sleep_until(self, 30);
}

FAKE_ENTRY(sleep_20)
{
	u_sleep_until(self, 20);
}

FAKE_ENTRY(observer)
{
	cr_expect_eq(fake_armed(), 20, "armed with the earliest deadline");
	u_sleep_until(self, 25);
	cr_expect_eq(fake_armed(), 30);
	u_sleep_until(self, 35);
	cr_expect_eq(fake_armed(), PWK_INSTANT_MAX, "disarmed when the queue is empty");
	u_shutdown(0);
}

Test(timer, exact_deadlines_arm_the_hal_with_the_earliest_deadline)
{
	setup(sleep_30, sleep_20, observer);
	fake_options(PWK_BOOT_EXACT_DEADLINES);
	run_expecting_shutdown(0);
}

FAKE_ENTRY(tick_observer)
{
	cr_expect_eq(fake_armed(), PWK_INSTANT_MAX, "the tick examines deadlines, not the HAL");
	u_sleep_until(self, 25);
	cr_expect_eq(u_now(), 25, "an idle kernel wakes for the earliest deadline");
	cr_expect_eq(fake_armed(), PWK_INSTANT_MAX);
	u_shutdown(0);
}

Test(timer, tick_granularity_arms_the_hal_only_while_the_kernel_idles)
{
	setup(sleep_30, sleep_20, tick_observer);
	run_expecting_shutdown(0);
}

FAKE_ENTRY(waits_with_deadline)
{
	cr_expect_eq(u_wait(ih, USER, 50).status, PWK_OK);
	cr_expect_eq(fake_armed(), PWK_INSTANT_MAX);
	u_shutdown(0);
}

FAKE_ENTRY(raises_user)
{
	cr_expect_eq(fake_armed(), 50);
	expect_status(u_set_peer_user(hh, true), PWK_OK);
	cr_expect_eq(fake_armed(), PWK_INSTANT_MAX, "a wait that ends early takes its deadline");
}

Test(timer, wait_that_ends_early_disarms_its_deadline)
{
	setup(waits_with_deadline, raises_user, NULL);
	fake_options(PWK_BOOT_EXACT_DEADLINES);
	run_expecting_shutdown(0);
}

FAKE_ENTRY(far_sleeper)
{
	cr_expect_eq(u_sleep_until(self, PWK_INSTANT_MAX - 1), PWK_DEADLINE_EXCEEDED);
	cr_expect_eq(u_now(), PWK_INSTANT_MAX - 1);
	u_shutdown(0);
}

Test(timer, the_last_finite_instant_is_a_deadline_like_any_other)
{
	setup(far_sleeper, NULL, NULL);
	run_expecting_shutdown(0);
}

Test(timer, boot_disarms_the_hal)
{
	setup(far_sleeper, NULL, NULL);
	cr_assert_eq(fake_boot(), PWK_OK);
	cr_assert_eq(fake_armed(), PWK_INSTANT_MAX);
	cr_assert_eq(fake_timer_arms(), 1);
}

/* Eight threads armed in declaration order; one of them is taken off the
 * queue early, from the middle. */
#define SLEEPER(name, deadline, event)                                                             \
	FAKE_ENTRY(name)                                                                           \
	{                                                                                          \
		u_sleep_until(self, deadline);                                                     \
		fake_event(event);                                                                 \
	}
SLEEPER(sleep_40, 40, 40)
SLEEPER(sleep_10_first, 10, 10)
SLEEPER(sleep_10_second, 10, 11)
SLEEPER(sleep_50, 50, 50)
SLEEPER(sleep_20_second, 20, 21)
SLEEPER(sleep_5, 5, 5)

FAKE_ENTRY(waits_until_45)
{
	if (u_wait(ih, USER, 45).status == PWK_OK) {
		fake_event(99);
	}
}

FAKE_ENTRY(sleep_20_then_raise)
{
	u_sleep_until(self, 20);
	fake_event(20);
	expect_status(u_set_peer_user(hh, true), PWK_OK);
}

Test(timer, many_deadlines_fire_by_deadline_then_arming_order)
{
	fake_reset();
	uint32_t p = fake_process("p");
	fake_channel(p, &ih, p, &hh);
	self = fake_own_process_handle(p);
	add_threads(p, sleep_40, sleep_10_first, waits_until_45);
	add_threads(p, sleep_10_second, sleep_20_then_raise, sleep_50);
	add_threads(p, sleep_20_second, sleep_5, NULL);
	(void)fake_boot_and_run();
	const int want[] = {5, 10, 11, 20, 21, 99, 40, 50};
	expect_events(want, 8);
	cr_assert_eq(fake_now(), 50);
}
