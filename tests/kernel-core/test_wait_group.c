/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Wait groups (pw_kernel §2.3): membership errors, the most recently
 * signaled member first, level behaviour, waking by member signals.
 * Members are channel ends whose USER the tests raise through their peers.
 */
#include "kc_test.h"

static uint32_t wg, wg2, i1, h1, i2, h2, self;

static void setup(fake_entry_fn a, fake_entry_fn b)
{
	fake_reset();
	uint32_t p = fake_process("p");
	wg = fake_wait_group(p);
	wg2 = fake_wait_group(p);
	fake_channel(p, &i1, p, &h1);
	fake_channel(p, &i2, p, &h2);
	self = fake_own_process_handle(p);
	fake_thread(p, "a", PRIO, a);
	if (b != NULL) {
		fake_thread(p, "b", PRIO, b);
	}
}

FAKE_ENTRY(membership_errors)
{
	cr_expect_eq(u_wait(wg, R, 0).status, PWK_INVALID_ARGUMENT, "empty group");
	expect_status(u_wg_add(wg, wg2, R, 0), PWK_INVALID_ARGUMENT);
	expect_status(u_wg_add(wg, h1, 1u << 5, 0), PWK_INVALID_ARGUMENT);
	expect_status(u_wg_add(h2, h1, R, 0), PWK_UNIMPLEMENTED);
	expect_status(u_wg_add(wg, 99, R, 0), PWK_OUT_OF_RANGE);
	expect_status(u_wg_add(99, h1, R, 0), PWK_OUT_OF_RANGE);
	expect_status(u_wg_add(wg, h1, R, 11), PWK_OK);
	expect_status(u_wg_add(wg, h1, R, 11), PWK_RESOURCE_EXHAUSTED);
	expect_status(u_wg_add(wg2, h1, R, 11), PWK_RESOURCE_EXHAUSTED);
	expect_status(u_wg_remove(wg2, h1), PWK_NOT_FOUND);
	expect_status(u_wg_remove(wg, wg2), PWK_INVALID_ARGUMENT);
	expect_status(u_wg_remove(h2, h1), PWK_UNIMPLEMENTED);
	expect_status(u_wg_remove(wg, h1), PWK_OK);
	expect_status(u_wg_remove(wg, h1), PWK_NOT_FOUND);
	cr_expect_eq(u_wait(wg, R, 0).status, PWK_INVALID_ARGUMENT, "empty again");
	expect_status(u_wg_add(wg2, h1, R, 11), PWK_OK); /* free to join another group */
	u_shutdown(0);
}

Test(wait_group, add_and_remove_report_membership_errors)
{
	setup(membership_errors, NULL);
	run_expecting_shutdown(0);
}

FAKE_ENTRY(head_first)
{
	expect_status(u_wg_add(wg, h1, USER, 11), PWK_OK);
	expect_status(u_wg_add(wg, h2, USER, 22), PWK_OK);
	cr_expect_eq(u_wait(wg, R, 0).status, PWK_DEADLINE_EXCEEDED, "nothing signaled");
	expect_status(u_set_peer_user(i1, true), PWK_OK);
	expect_status(u_set_peer_user(i2, true), PWK_OK);
	struct u_wait w = u_wait(wg, 0, 0); /* the mask is not consulted for a poll */
	cr_expect_eq(w.status, PWK_OK);
	cr_expect_eq(w.user_data, 22, "the most recently signaled member first");
	cr_expect_eq(w.signals, USER);
	expect_status(u_set_peer_user(i2, false), PWK_OK);
	w = u_wait(wg, R, 0);
	cr_expect_eq(w.user_data, 11, "a member that drops out leaves the list");
	expect_status(u_set_peer_user(i1, false), PWK_OK);
	cr_expect_eq(u_wait(wg, R, 0).status, PWK_DEADLINE_EXCEEDED, "level-sensitive");
	u_shutdown(0);
}

Test(wait_group, wait_returns_the_most_recently_signaled_member)
{
	setup(head_first, NULL);
	run_expecting_shutdown(0);
}

FAKE_ENTRY(already_signaled)
{
	expect_status(u_wg_add(wg, i1, W, 5), PWK_OK); /* an initiator is WRITEABLE at boot */
	struct u_wait w = u_wait(wg, R, FOREVER);
	cr_expect_eq(w.status, PWK_OK);
	cr_expect_eq(w.user_data, 5);
	cr_expect_eq(w.signals, W);
	u_shutdown(0);
}

Test(wait_group, member_signaled_when_added_is_returned_at_once)
{
	setup(already_signaled, NULL);
	run_expecting_shutdown(0);
}

FAKE_ENTRY(blocked_waiter)
{
	expect_status(u_wg_add(wg, h1, USER, 11), PWK_OK);
	expect_status(u_wg_add(wg, h2, USER, 22), PWK_OK);
	struct u_wait w = u_wait(wg, R, FOREVER);
	cr_expect_eq(w.status, PWK_OK);
	cr_expect_eq(w.user_data, 22);
	cr_expect_eq(w.signals, USER);
	cr_expect_eq(fake_now(), 3);
	u_shutdown(0);
}

FAKE_ENTRY(late_signaler)
{
	fake_advance(3);
	expect_status(u_set_peer_user(i2, true), PWK_OK);
}

Test(wait_group, blocked_waiter_is_woken_by_a_member_signal)
{
	setup(blocked_waiter, late_signaler);
	run_expecting_shutdown(0);
}

FAKE_ENTRY(no_readable_in_mask)
{
	expect_status(u_wg_add(wg, h1, USER, 11), PWK_OK);
	cr_expect_eq(u_wait(wg, USER, 10).status, PWK_DEADLINE_EXCEEDED,
		     "group waiters are woken by READABLE in their mask");
	cr_expect_eq(u_wait(wg, USER, 10).status, PWK_OK, "but a poll finds the member");
	u_shutdown(0);
}

FAKE_ENTRY(early_signaler)
{
	expect_status(u_set_peer_user(i1, true), PWK_OK);
}

Test(wait_group, waiter_without_readable_in_its_mask_is_not_woken)
{
	setup(no_readable_in_mask, early_signaler);
	run_expecting_shutdown(0);
}

FAKE_ENTRY(group_type_first)
{
	/* Neither handle is a usable pair: the group's type is checked first. */
	expect_status(u_wg_add(i1, wg, R, 0), PWK_UNIMPLEMENTED);
	expect_status(u_wg_add(wg, wg2, R, 0), PWK_INVALID_ARGUMENT);
	u_shutdown(0);
}

Test(wait_group, add_checks_the_group_type_before_the_member_type)
{
	setup(group_type_first, NULL);
	run_expecting_shutdown(0);
}
