/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Channels whose peer process is joined (pw_kernel §2.2 PEER-LOST /
 * INITIATOR-LOST, §2.7): ERROR, stale READABLE, USER ownership, and the
 * synchronous transact that wakes with UNAVAILABLE (open question 4).
 */
#include "kc_test.h"

static struct {
	uint8_t send[8];
	uint8_t recv[8];
} cmem;
static struct {
	uint8_t buf[8];
} hmem;
static uint32_t ih, hh;
static uint32_t c_self, h_self, s_self; /* own process handles */
static uint32_t c_h, s_c, s_h;          /* process objects: C's of H, S's of C and H */
static int h_runs;

/* C (client, process 0) and H (handler, process 1); S (supervisor,
 * process 2) when `s` is given. C also holds a process object for H. */
static void setup(fake_entry_fn c, uint32_t c_prio, fake_entry_fn h, uint32_t h_prio,
		  fake_entry_fn s, uint32_t s_prio)
{
	fake_reset();
	uint32_t cp = fake_process("client");
	uint32_t hp = fake_process("handler");
	fake_region(cp, &cmem, sizeof(cmem), RW);
	fake_region(hp, &hmem, sizeof(hmem), RW);
	fake_channel(cp, &ih, hp, &hh);
	c_h = fake_process_object(cp, hp);
	fake_thread(cp, "c", c_prio, c);
	fake_thread(hp, "h", h_prio, h);
	if (s != NULL) {
		uint32_t sp = fake_process("supervisor");
		s_c = fake_process_object(sp, cp);
		s_h = fake_process_object(sp, hp);
		fake_thread(sp, "s", s_prio, s);
		s_self = fake_own_process_handle(sp);
	}
	c_self = fake_own_process_handle(cp);
	h_self = fake_own_process_handle(hp);
}

static void sleep_forever(uint32_t self)
{
	u_sleep_until(self, FOREVER);
	cr_expect_fail("sleep_forever returned");
}

static void terminate_and_join(uint32_t process)
{
	expect_status(u_terminate(process), PWK_OK);
	cr_expect_eq(u_wait(process, PWK_SIGNAL_JOINABLE, FOREVER).status, PWK_OK);
	struct u_join j = u_join(process);
	cr_expect_eq(j.status, PWK_OK);
	cr_expect_eq(j.tag, PWK_EXIT_TERMINATED_BY_SYSCALL);
}

FAKE_ENTRY(h_takes_and_sleeps)
{
	h_runs++;
	cr_expect_eq(u_wait(hh, R, FOREVER).status, PWK_OK);
	sleep_forever(h_self);
}

FAKE_ENTRY(c_transacts)
{
	expect_status(u_transact(ih, cmem.send, 1, cmem.recv, 1, FOREVER), PWK_UNAVAILABLE);
	expect_signals(ih, E | W);
	u_shutdown(0);
}

FAKE_ENTRY(s_kills_h)
{
	terminate_and_join(s_h);
	sleep_forever(s_self);
}

Test(channel_reset, blocked_transact_returns_unavailable_when_the_handler_process_is_joined)
{
	setup(c_transacts, PRIO, h_takes_and_sleeps, PRIO, s_kills_h, PRIO - 1);
	run_expecting_shutdown(0);
}

FAKE_ENTRY(c_peer_lost)
{
	expect_status(u_async_transact(ih, cmem.send, 1, cmem.recv, 1), PWK_OK);
	expect_status(u_terminate(c_h), PWK_OK);
	cr_expect_eq(u_wait(c_h, PWK_SIGNAL_JOINABLE, FOREVER).status, PWK_OK);
	expect_signals(ih, 0); /* terminated is not joined: no effect yet */
	cr_expect_eq(u_join(c_h).status, PWK_OK);
	expect_signals(ih, E);
	expect_status(u_async_complete(ih), PWK_UNAVAILABLE);
	expect_status(u_async_cancel(ih), PWK_UNAVAILABLE);
	expect_signals(ih, E | W); /* WRITEABLE set, ERROR kept */
	expect_status(u_async_transact(ih, cmem.send, 1, cmem.recv, 1), PWK_OK);
	expect_signals(ih, 0); /* a new transaction clears ERROR */
	u_shutdown(0);
}

Test(channel_reset, handler_reset_raises_error_kept_until_the_next_transaction)
{
	setup(c_peer_lost, PRIO - 1, h_takes_and_sleeps, PRIO, NULL, 0);
	run_expecting_shutdown(0);
}

FAKE_ENTRY(h_responds_and_sleeps)
{
	cr_expect_eq(u_wait(hh, R, FOREVER).status, PWK_OK);
	expect_status(u_respond(hh, hmem.buf, 1), PWK_OK);
	sleep_forever(h_self);
}

FAKE_ENTRY(c_responded_then_lost)
{
	expect_status(u_async_transact(ih, cmem.send, 1, cmem.recv, 1), PWK_OK);
	cr_expect_eq(u_wait(ih, R, FOREVER).status, PWK_OK);
	terminate_and_join(c_h);
	expect_signals(ih, R | E);
	expect_status(u_async_complete(ih), PWK_UNAVAILABLE);
	expect_signals(ih, W | E);
	u_shutdown(0);
}

Test(channel_reset, handler_reset_after_respond_drops_the_response)
{
	setup(c_responded_then_lost, PRIO - 1, h_responds_and_sleeps, PRIO, NULL, 0);
	run_expecting_shutdown(0);
}

FAKE_ENTRY(c_starts_and_exits)
{
	expect_status(u_async_transact(ih, cmem.send, 1, cmem.recv, 1), PWK_OK);
	expect_status(u_set_peer_user(ih, true), PWK_OK);
	u_process_exit(7);
}

FAKE_ENTRY(h_sees_initiator_lost)
{
	struct u_wait w = u_wait(hh, R, FOREVER);
	cr_expect_eq(w.signals, R | USER);
	w = u_wait(hh, E, FOREVER);
	cr_expect_eq(w.status, PWK_OK);
	cr_expect_eq(fake_now(), 10, "ERROR comes with the join, not the exit");
	cr_expect_eq(w.signals, R | E, "stale READABLE, USER lowered with its owner");
	expect_status(u_read(hh, 0, hmem.buf, 1), PWK_UNAVAILABLE);
	expect_status(u_respond(hh, hmem.buf, 1), PWK_UNAVAILABLE);
	u_shutdown(0);
}

FAKE_ENTRY(s_joins_c_at_10)
{
	cr_expect_eq(u_wait(s_c, PWK_SIGNAL_JOINABLE, FOREVER).status, PWK_OK);
	u_sleep_until(s_self, 10);
	struct u_join j = u_join(s_c);
	cr_expect_eq(j.status, PWK_OK);
	cr_expect_eq(j.tag, PWK_EXIT_SUCCESS);
	cr_expect_eq(j.payload, 7);
	sleep_forever(s_self);
}

Test(channel_reset, initiator_reset_raises_error_on_handler_with_stale_readable)
{
	setup(c_starts_and_exits, PRIO, h_sees_initiator_lost, PRIO, s_joins_c_at_10, PRIO - 1);
	run_expecting_shutdown(0);
}

FAKE_ENTRY(c_user_owner)
{
	expect_status(u_set_peer_user(ih, true), PWK_OK);
	u_sleep_until(c_self, 10);
	expect_signals(ih, W); /* the USER H raised went with H's join */
	cr_expect_eq(h_runs, 2);
	u_shutdown(0);
}

FAKE_ENTRY(h_user_owner)
{
	if (++h_runs == 1) {
		expect_status(u_set_peer_user(hh, true), PWK_OK);
	} else {
		expect_signals(hh, USER); /* raised by C: survives H's restart */
	}
	sleep_forever(h_self);
}

FAKE_ENTRY(s_restarts_h_at_5)
{
	u_sleep_until(s_self, 5);
	terminate_and_join(s_h);
	expect_status(u_process_start(s_h), PWK_OK);
	sleep_forever(s_self);
}

Test(channel_reset, user_signal_is_lowered_when_its_owner_is_joined_and_survives_restart)
{
	setup(c_user_owner, PRIO, h_user_owner, PRIO, s_restarts_h_at_5, PRIO - 1);
	run_expecting_shutdown(0);
}
