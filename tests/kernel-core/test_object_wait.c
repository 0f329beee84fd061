/* SPDX-License-Identifier: Apache-2.0 */
/*
 * object_wait (pw_kernel §2.1): immediate return, polls and deadlines (tick
 * granularity by default, exact with PWK_BOOT_EXACT_DEADLINES),
 * PWK_INSTANT_MAX, mask 0 as a sleep, edge capture, all waiters woken.
 * USER on a channel end is the signal the tests raise and lower.
 */
#include "kc_test.h"

static uint32_t ih, hh, self, wg, intr;
static uint8_t buf[4];
static int woken;

/* One process owning both ends of a channel, with up to three threads. */
static void setup(fake_entry_fn a, fake_entry_fn b, fake_entry_fn c)
{
	fake_reset();
	uint32_t p = fake_process("p");
	fake_region(p, buf, sizeof(buf), RW);
	fake_channel(p, &ih, p, &hh);
	self = fake_own_process_handle(p);
	add_threads(p, a, b, c);
}

FAKE_ENTRY(immediate)
{
	expect_status(u_set_peer_user(hh, true), PWK_OK);
	struct u_wait w = u_wait(ih, USER, FOREVER);
	cr_expect_eq(w.status, PWK_OK);
	cr_expect_eq(w.signals, USER | W, "all active signals, not only the masked ones");
	cr_expect_eq(w.user_data, 0);
	w = u_wait(ih, W, 0);
	cr_expect_eq(w.status, PWK_OK, "a poll succeeds when the condition holds");
	u_shutdown(0);
}

Test(object_wait, returns_at_once_with_every_active_signal_when_the_mask_matches)
{
	setup(immediate, NULL, NULL);
	run_expecting_shutdown(0);
}

FAKE_ENTRY(polls)
{
	fake_advance(50);
	cr_expect_eq(u_wait(hh, R, 0).status, PWK_DEADLINE_EXCEEDED);
	cr_expect_eq(u_wait(hh, R, 49).status, PWK_DEADLINE_EXCEEDED);
	cr_expect_eq(u_wait(hh, R, 50).status, PWK_DEADLINE_EXCEEDED);
	cr_expect_eq(fake_now(), 50, "a deadline not after now does not block");
	cr_expect_eq(u_wait(hh, R, 51).status, PWK_DEADLINE_EXCEEDED);
	cr_expect_eq(fake_now(), 51, "a future deadline fires exactly");
	u_shutdown(0);
}

Test(object_wait,
     with_exact_deadlines_zero_past_or_now_fails_at_once_and_a_future_one_fires_exactly)
{
	setup(polls, NULL, NULL);
	fake_options(PWK_BOOT_EXACT_DEADLINES);
	fake_set_tick_period(1000);
	run_expecting_shutdown(0);
}

/* pw_kernel (the default): a failed poll is a wait like any other, examined
 * on the tick, so the poller gives the CPU to lower priorities until then. */
FAKE_ENTRY(high_poller)
{
	for (int i = 0; i < 3; i++) {
		cr_expect_eq(u_wait(hh, R, 0).status, PWK_DEADLINE_EXCEEDED);
		fake_event(10 + i);
	}
	u_shutdown(0);
}

FAKE_ENTRY(low_spinner)
{
	for (int i = 0;; i++) {
		fake_event(i);
		fake_advance(1);
	}
}

Test(object_wait, failed_poll_returns_at_the_next_tick_and_lower_priorities_run_meanwhile)
{
	setup(high_poller, NULL, NULL);
	fake_thread(0, "low", PRIO - 1, low_spinner);
	fake_set_tick_period(3);
	run_expecting_shutdown(0);
	/* Ticks at 3, 6, 9: the poller runs once per tick. */
	const int want[] = {0, 1, 2, 10, 3, 4, 5, 11, 6, 7, 8, 12};
	expect_events(want, sizeof(want) / sizeof(want[0]));
	cr_assert_eq(fake_now(), 9);
}

FAKE_ENTRY(lone_poller)
{
	fake_advance(5);
	cr_expect_eq(u_wait(hh, R, 0).status, PWK_DEADLINE_EXCEEDED);
	cr_expect_eq(fake_now(), 5, "an idle kernel examines the deadline at once");
	u_shutdown(0);
}

Test(object_wait, failed_poll_with_nothing_else_to_run_returns_without_waiting_for_the_tick)
{
	setup(lone_poller, NULL, NULL);
	fake_set_tick_period(100);
	run_expecting_shutdown(0);
}

FAKE_ENTRY(sleeper)
{
	cr_expect_eq(u_sleep_until(self, 1000), PWK_DEADLINE_EXCEEDED);
	cr_expect_eq(fake_now(), 1000);
	expect_status(u_set_peer_user(hh, true), PWK_OK);
	cr_expect_eq(u_wait(ih, 0, 2000).status, PWK_DEADLINE_EXCEEDED, "mask 0 never matches");
	cr_expect_eq(fake_now(), 2000);
	u_shutdown(0);
}

Test(object_wait, mask_zero_is_a_pure_sleep)
{
	setup(sleeper, NULL, NULL);
	run_expecting_shutdown(0);
}

FAKE_ENTRY(forever)
{
	u_wait(hh, R, FOREVER);
	cr_expect_fail("PWK_INSTANT_MAX must never time out");
}

Test(object_wait, instant_max_never_times_out)
{
	setup(forever, NULL, NULL);
	fake_set_now(PWK_INSTANT_MAX - 1);
	struct fake_result r = fake_boot_and_run();
	cr_assert_eq(r.end, FAKE_DEADLOCK);
	cr_assert_eq(fake_armed(), PWK_INSTANT_MAX, "nothing armed for a wait without deadline");
}

/* Waiter (first to run) blocks on USER; raiser raises then lowers it before
 * the waiter runs again. */
FAKE_ENTRY(edge_waiter)
{
	struct u_wait w = u_wait(ih, USER, FOREVER);
	cr_expect_eq(w.status, PWK_OK);
	cr_expect_eq(w.signals, USER | W, "the signal is reported though it was lowered");
	expect_signals(ih, W);
	u_shutdown(0);
}

FAKE_ENTRY(edge_raiser)
{
	expect_status(u_set_peer_user(hh, true), PWK_OK);
	expect_status(u_set_peer_user(hh, false), PWK_OK);
}

Test(object_wait, edge_capture_reports_a_signal_raised_and_lowered_before_the_waiter_runs)
{
	setup(edge_waiter, edge_raiser, NULL);
	run_expecting_shutdown(0);
}

FAKE_ENTRY(overwrite_waiter)
{
	struct u_wait w = u_wait(hh, R | USER, FOREVER);
	cr_expect_eq(w.status, PWK_OK);
	cr_expect_eq(w.signals, R, "the latest matching update wins");
	u_shutdown(0);
}

FAKE_ENTRY(overwrite_raiser)
{
	expect_status(u_set_peer_user(ih, true), PWK_OK);            /* USER */
	expect_status(u_async_transact(ih, buf, 0, buf, 0), PWK_OK); /* R | USER */
	expect_status(u_set_peer_user(ih, false), PWK_OK);           /* R */
	expect_status(u_async_cancel(ih), PWK_OK); /* none: does not match, not recorded */
}

Test(object_wait, a_later_matching_update_overwrites_the_recorded_signals)
{
	setup(overwrite_waiter, overwrite_raiser, NULL);
	run_expecting_shutdown(0);
}

FAKE_ENTRY(many_waiter)
{
	cr_expect_eq(u_wait(ih, USER, FOREVER).status, PWK_OK);
	if (++woken == 2) {
		u_shutdown(0);
	}
	u_sleep_until(self, FOREVER);
}

FAKE_ENTRY(many_raiser)
{
	expect_status(u_set_peer_user(hh, true), PWK_OK);
}

Test(object_wait, every_matching_waiter_is_woken)
{
	setup(many_waiter, many_waiter, many_raiser);
	run_expecting_shutdown(0);
	cr_assert_eq(woken, 2);
}

FAKE_ENTRY(bad_masks)
{
	cr_expect_eq(u_wait(ih, 1u << 4, 0).status, PWK_INVALID_ARGUMENT);
	cr_expect_eq(u_wait(ih, 1u << 14, 0).status, PWK_INVALID_ARGUMENT);
	cr_expect_eq(u_wait(ih, PWK_SIGNAL_VALID, 0).status, PWK_OK);
	u_shutdown(0);
}

Test(object_wait, mask_with_undefined_bits_is_invalid_argument)
{
	setup(bad_masks, NULL, NULL);
	run_expecting_shutdown(0);
	cr_assert_str_eq(fake_last_user_error(), "signal mask has undefined bits");
}

/* pw_kernel declares RESERVED (bit 31), so Signals::from_bits accepts it in
 * a mask; it is never raised. */
FAKE_ENTRY(reserved_masks)
{
	const uint32_t reserved = PWK_SIGNAL_RESERVED;
	struct u_wait w = u_wait(ih, reserved | W, 0);
	cr_expect_eq(w.status, PWK_OK, "object_wait accepts RESERVED");
	cr_expect_eq(w.signals, W, "RESERVED is never raised");
	cr_expect_eq(u_wait(ih, reserved, 0).status, PWK_DEADLINE_EXCEEDED);
	expect_status(u_wg_add(wg, ih, reserved | USER, 7), PWK_OK);
	expect_status(u_interrupt_ack(intr, reserved | PWK_SIGNAL_INTERRUPT(0)), PWK_OK);
	u_shutdown(0);
}

Test(object_wait, reserved_is_a_valid_mask_bit)
{
	static const uint32_t irqs[] = {5};
	setup(reserved_masks, NULL, NULL);
	wg = fake_wait_group(0);
	intr = fake_interrupt(0, irqs, 1);
	run_expecting_shutdown(0);
	cr_assert_eq(fake_trace_count(PWK_TRACE_USER_ERROR), 0);
}
