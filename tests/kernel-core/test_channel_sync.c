/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Synchronous channel_transact between two processes: blocking, deadline
 * withdrawal, poll deadlines (at the next tick by default, at once with
 * exact deadlines).
 */
#include "kc_test.h"

static struct {
	uint8_t send[16];
	uint8_t recv[16];
	char text[16];
} cmem;
static struct {
	uint8_t buf[16];
} smem;
static uint32_t ih, hh, cproc, sproc;

static void two_processes(fake_entry_fn client, fake_entry_fn server)
{
	fake_reset();
	uint32_t c = fake_process("client");
	uint32_t s = fake_process("server");
	fake_region(c, &cmem, sizeof(cmem), RW);
	fake_region(s, &smem, sizeof(smem), RW);
	fake_channel(c, &ih, s, &hh);
	cproc = fake_own_process_handle(c);
	sproc = fake_own_process_handle(s);
	fake_thread(c, "client", PRIO, client);
	fake_thread(s, "server", PRIO, server);
}

FAKE_ENTRY(upper_server)
{
	for (;;) {
		struct u_wait w = u_wait(hh, PWK_SIGNAL_READABLE, FOREVER);
		cr_expect_eq(w.status, PWK_OK);
		cr_expect_eq(w.user_data, 0);
		fake_event(2);
		intptr_t n = u_read(hh, 0, smem.buf, sizeof(smem.buf));
		for (intptr_t i = 0; i < n; i++) {
			smem.buf[i] = (uint8_t)(smem.buf[i] - 'a' + 'A');
		}
		expect_status(u_respond(hh, smem.buf, n), PWK_OK);
	}
}

FAKE_ENTRY(client_abc)
{
	for (char c = 'a'; c <= 'z'; c++) {
		memset(cmem.send, c, 3);
		fake_event(1);
		expect_value(u_transact(ih, cmem.send, 3, cmem.recv, sizeof(cmem.recv), FOREVER),
			     3);
		fake_event(3);
		cr_expect_eq(cmem.recv[0], c - 'a' + 'A');
	}
	expect_signals(ih, PWK_SIGNAL_WRITEABLE);
	u_shutdown(0);
}

Test(channel_sync, transact_blocks_until_the_handler_responds)
{
	two_processes(client_abc, upper_server);
	run_expecting_shutdown(0);
	size_t n;
	const int *events = fake_events(&n);
	cr_assert_eq(n, 3 * 26);
	for (size_t i = 0; i < n; i++) {
		cr_assert_eq(events[i], (int)(i % 3) + 1);
	}
}

/* A handler that notices the transaction but answers only at t = 20. */
FAKE_ENTRY(late_server)
{
	cr_expect_eq(u_wait(hh, PWK_SIGNAL_READABLE, FOREVER).status, PWK_OK);
	cr_expect_eq(u_sleep_until(sproc, 20), PWK_DEADLINE_EXCEEDED);
	expect_signals(hh, 0); /* the transaction was withdrawn at t = 10 */
	expect_status(u_read(hh, 0, smem.buf, 4), PWK_UNAVAILABLE);
	expect_status(u_respond(hh, smem.buf, 1), PWK_UNAVAILABLE);
	u_shutdown(0);
}

FAKE_ENTRY(client_deadline)
{
	expect_status(u_transact(ih, cmem.send, 3, cmem.recv, 8, 10), PWK_DEADLINE_EXCEEDED);
	cr_expect_eq(fake_now(), 10, "deadlines fire exactly");
	expect_signals(ih, PWK_SIGNAL_WRITEABLE);
	cr_expect_eq(u_sleep_until(cproc, FOREVER), PWK_OK, "never returns");
}

Test(channel_sync, deadline_withdraws_the_transaction_from_the_handler)
{
	two_processes(client_deadline, late_server);
	fake_options(PWK_BOOT_EXACT_DEADLINES);
	run_expecting_shutdown(0);
}

static pwk_instant_t poll_deadline;

FAKE_ENTRY(client_poll)
{
	fake_advance(7);
	expect_status(u_transact(ih, cmem.send, 3, cmem.recv, 8, poll_deadline),
		      PWK_DEADLINE_EXCEEDED);
	cr_expect_eq(fake_now(), 7, "a deadline not after now fails without blocking");
	expect_signals(ih, PWK_SIGNAL_WRITEABLE);
	u_shutdown(0);
}

FAKE_ENTRY(idle_server)
{
	u_sleep_until(sproc, FOREVER);
}

Test(channel_sync, with_exact_deadlines_transact_with_deadline_zero_fails_at_once)
{
	poll_deadline = 0;
	two_processes(client_poll, idle_server);
	fake_options(PWK_BOOT_EXACT_DEADLINES);
	run_expecting_shutdown(0);
}

Test(channel_sync, with_exact_deadlines_transact_with_deadline_now_fails_at_once)
{
	poll_deadline = 7;
	two_processes(client_poll, idle_server);
	fake_options(PWK_BOOT_EXACT_DEADLINES);
	run_expecting_shutdown(0);
}

/* pw_kernel (the default): the transaction stays up until the next tick, so
 * a handler already waiting for it answers in time. */
FAKE_ENTRY(client_deadline_zero)
{
	memcpy(cmem.send, "abc", 3);
	expect_value(u_transact(ih, cmem.send, 3, cmem.recv, 8, 0), 3);
	cr_expect_eq(memcmp(cmem.recv, "ABC", 3), 0);
	fake_advance(1); /* a tick: nothing is left to expire */
	expect_signals(ih, PWK_SIGNAL_WRITEABLE);
	u_shutdown(0);
}

Test(channel_sync,
     transact_whose_deadline_passed_returns_at_the_next_tick_and_a_waiting_handler_answers)
{
	two_processes(client_deadline_zero, upper_server);
	fake_set_tick_period(1);
	run_expecting_shutdown(0);
}

FAKE_ENTRY(client_deadline_zero_unanswered)
{
	fake_advance(2);
	expect_status(u_transact(ih, cmem.send, 3, cmem.recv, 8, 0), PWK_DEADLINE_EXCEEDED);
	cr_expect_eq(fake_now(), 5, "returned at the tick after the handler's 3 ticks of work");
	u_sleep_until(cproc, FOREVER);
}

FAKE_ENTRY(slow_server)
{
	cr_expect_eq(u_wait(hh, PWK_SIGNAL_READABLE, FOREVER).status, PWK_OK);
	fake_advance(3); /* busy past the tick at 5: the transaction is withdrawn */
	expect_status(u_respond(hh, smem.buf, 1), PWK_UNAVAILABLE);
	u_shutdown(0);
}

Test(channel_sync, transact_whose_deadline_passed_is_withdrawn_at_the_next_tick)
{
	two_processes(client_deadline_zero_unanswered, slow_server);
	fake_set_tick_period(5);
	run_expecting_shutdown(0);
}

FAKE_ENTRY(client_forever)
{
	u_transact(ih, cmem.send, 3, cmem.recv, 8, FOREVER);
	cr_expect_fail("an unanswered transact with no deadline must not return");
}

Test(channel_sync, unanswered_transact_without_deadline_blocks_forever)
{
	two_processes(client_forever, idle_server);
	struct fake_result r = fake_boot_and_run();
	cr_assert_eq(r.end, FAKE_DEADLOCK);
	struct pwk_thread_info info;
	cr_assert(pwk_thread_info(0, &info));
	cr_assert_eq(info.state, PWK_THREAD_WAITING);
	cr_assert_eq(info.waiting_object, fake_object_index(0, ih));
	cr_assert_eq(info.wait_mask, PWK_SIGNAL_READABLE | PWK_SIGNAL_ERROR);
	cr_assert_eq(info.deadline, PWK_INSTANT_MAX);
}
