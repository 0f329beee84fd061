/* SPDX-License-Identifier: Apache-2.0 */
/*
 * pwk_check_invariants() (kernel-core/src/invariants.c): it holds at every
 * point of ordinary runs (transactions, async transactions, wait groups,
 * timed waits, a handler's process killed mid-transaction and joined), and
 * it names the broken invariant — and the thread, object or process — when
 * a test corrupts the kernel's state on purpose (then restores it, so that
 * the run can end normally).
 */
#include "kc_test.h"

/* kernel-core/src: the state the corruptions write. */
#include "inspect.h"
#include "process.h"
#include "sched.h"
#include "thread.h"

static struct {
	uint8_t send[8];
	uint8_t recv[8];
} cmem;
static struct {
	uint8_t buf[8];
} smem;
static uint32_t cp, sp, ih, hh, wg, s_self, c_self, c_of_s;
static uint32_t tc, ts, tx; /* thread indices: client, server, extra */

/* Process "client" (initiator ih, a process object for the server) and
 * process "server" (handler hh, wait group wg); one thread each, plus
 * `extra` in the client when given. */
static void setup(fake_entry_fn client, uint32_t c_prio, fake_entry_fn server, uint32_t s_prio,
		  fake_entry_fn extra, uint32_t x_prio)
{
	fake_reset();
	cp = fake_process("client");
	sp = fake_process("server");
	fake_region(cp, &cmem, sizeof(cmem), RW);
	fake_region(sp, &smem, sizeof(smem), RW);
	fake_channel(cp, &ih, sp, &hh);
	wg = fake_wait_group(sp);
	c_of_s = fake_process_object(cp, sp);
	tc = fake_thread(cp, "c", c_prio, client);
	ts = fake_thread(sp, "s", s_prio, server);
	tx = extra != NULL ? fake_thread(cp, "x", x_prio, extra) : PWK_NONE;
	c_self = fake_own_process_handle(cp);
	s_self = fake_own_process_handle(sp);
}

static void expect_holds(const char *where)
{
	struct pwk_invariant_failure f = {.what = ""};
	bool ok = pwk_check_invariants(&f);
	cr_expect(ok, "%s: %s (thread %d, object %d, process %d)", where, f.what, (int)f.thread,
		  (int)f.object, (int)f.process);
}

/* The check fails with `what` about exactly the given thread, object
 * (global index) and process. */
static void expect_broken(const char *what, uint32_t thread, uint32_t object, uint32_t process)
{
	struct pwk_invariant_failure f = {.what = ""};
	cr_expect(!pwk_check_invariants(&f), "a corrupted state passed the check");
	cr_expect_str_eq(f.what, what);
	cr_expect_eq(f.thread, thread, "thread %d, want %d", (int)f.thread, (int)thread);
	cr_expect_eq(f.object, object, "object %d, want %d", (int)f.object, (int)object);
	cr_expect_eq(f.process, process, "process %d, want %d", (int)f.process, (int)process);
}

static uint32_t global(uint32_t process, uint32_t handle)
{
	return fake_object_index(process, handle);
}

FAKE_ENTRY(idles)
{
	u_sleep_until(c_self, FOREVER);
}

Test(invariants, hold_after_boot)
{
	setup(idles, PRIO, idles, PRIO, NULL, PRIO);
	cr_assert_eq(fake_boot(), PWK_OK);
	expect_holds("after boot");
}

/* --- ordinary runs ----------------------------------------------------- */

FAKE_ENTRY(server_serves)
{
	expect_holds("server starts");
	for (int i = 0; i < 2; i++) {
		cr_expect_eq(u_wait(hh, R, FOREVER).status, PWK_OK);
		expect_holds("handler READABLE");
		expect_value(u_read(hh, 0, smem.buf, sizeof(smem.buf)), 2);
		expect_status(u_respond(hh, smem.buf, 2), PWK_OK);
		expect_holds("responded");
	}
	expect_status(u_set_peer_user(hh, true), PWK_OK);
	expect_status(u_wg_add(wg, hh, R, 7), PWK_OK);
	expect_holds("a member joined");
	cr_expect_eq(u_wait(wg, R, FOREVER).status, PWK_OK);
	expect_holds("woken by a member");
	u_sleep_until(s_self, FOREVER); /* killed here, mid-transaction */
}

FAKE_ENTRY(client_uses)
{
	expect_holds("client starts");
	expect_value(u_transact(ih, cmem.send, 2, cmem.recv, sizeof(cmem.recv), FOREVER), 2);
	expect_holds("transact returned");
	expect_status(u_async_transact(ih, cmem.send, 2, cmem.recv, sizeof(cmem.recv)), PWK_OK);
	expect_holds("async pending");
	cr_expect_eq(u_wait(ih, R, FOREVER).status, PWK_OK);
	expect_holds("async responded");
	expect_value(u_async_complete(ih), 2);
	expect_holds("async completed");
	/* The server now waits on its wait group, which this transaction wakes;
	 * the server then sleeps with it pending and is killed. */
	expect_status(u_async_transact(ih, cmem.send, 2, cmem.recv, sizeof(cmem.recv)), PWK_OK);
	u_sleep_until(c_self, u_now() + 1000); /* the observer checks meanwhile */
	expect_holds("server asleep, transaction pending");
	expect_status(u_terminate(c_of_s), PWK_OK);
	cr_expect_eq(u_wait(c_of_s, PWK_SIGNAL_JOINABLE, FOREVER).status, PWK_OK);
	expect_holds("server terminated, not joined");
	cr_expect_eq(u_join(c_of_s).status, PWK_OK);
	expect_signals(ih, E); /* the USER the server raised went with it */
	expect_holds("server joined: initiator lost its peer");
	expect_status(u_async_cancel(ih), PWK_UNAVAILABLE); /* nothing left to cancel */
	expect_signals(ih, E | W);
	expect_holds("lost transaction given up");
	expect_status(u_process_start(c_of_s), PWK_OK);
	expect_holds("server restarted");
	u_shutdown(0);
}

/* Runs whenever the others block: checks with them WAITING, timed or not. */
FAKE_ENTRY(observer)
{
	for (int i = 0; i < 50; i++) {
		expect_holds("observer");
		fake_advance(100);
	}
}

Test(invariants, hold_through_transactions_wait_groups_and_a_killed_handler)
{
	setup(client_uses, PRIO, server_serves, PRIO, observer, PRIO - 1);
	run_expecting_shutdown(0);
}

/* One process holding both ends of a channel and a wait group. */
static uint32_t pi, ph, pwg, pself;

static void setup_one_process(fake_entry_fn a, fake_entry_fn b)
{
	fake_reset();
	uint32_t p = fake_process("p");
	fake_channel(p, &pi, p, &ph);
	pwg = fake_wait_group(p);
	pself = fake_own_process_handle(p);
	fake_thread(p, "a", PRIO, a);
	fake_thread(p, "b", PRIO, b);
}

FAKE_ENTRY(waits_on_the_group)
{
	expect_status(u_wg_add(pwg, pself, PWK_SIGNAL_JOINABLE, 0), PWK_OK);
	u_wait(pwg, R, FOREVER);
}

FAKE_ENTRY(adds_a_signaled_member)
{
	expect_status(u_set_peer_user(pi, true), PWK_OK); /* the handler has USER */
	expect_status(u_wg_add(pwg, ph, USER, 1), PWK_OK);
	expect_holds("a signaled member joined, the waiter still blocked");
	u_shutdown(0);
}

/* wait_group_add classifies a member, it does not announce it: a waiter
 * stays blocked beside a signaled member, and that is not a broken state. */
Test(invariants, hold_with_a_signaled_member_that_woke_nobody)
{
	setup_one_process(waits_on_the_group, adds_a_signaled_member);
	run_expecting_shutdown(0);
}

/* --- corrupted states -------------------------------------------------- */

FAKE_ENTRY(pulls_a_ready_thread_off_its_queue)
{
	struct pwk_thread *s = pwk__thread_get(ts); /* READY: lower priority */
	pwk__sched_dequeue(s);
	expect_broken("thread on a run queue is not READY, or READY thread on no run queue", ts,
		      PWK_NONE, PWK_NONE);
	pwk__sched_enqueue(s, false);
	expect_holds("restored");
	u_shutdown(0);
}

Test(invariants, catch_a_ready_thread_on_no_run_queue)
{
	setup(pulls_a_ready_thread_off_its_queue, PRIO + 1, server_serves, PRIO, NULL, PRIO);
	run_expecting_shutdown(0);
}

/* The server, READY and alone at its priority, is the scheduler's lone
 * thread (kept off its level's list); on the list as well, it is not. */
FAKE_ENTRY(lists_the_lone_thread_too)
{
	struct pwk_thread *s = pwk__thread_get(ts); /* READY: lower priority */
	cr_expect_eq(pwk__sched_lone(), s, "a thread alone at its level is held as the lone one");
	struct pwk_list *queue = (struct pwk_list *)pwk__sched_run_queue(s->priority);
	pwk__list_push_back(queue, &s->run_link);
	expect_broken("thread held alone at its level is not alone there", ts, PWK_NONE, PWK_NONE);
	pwk__list_remove(&s->run_link);
	expect_holds("restored");
	u_shutdown(0);
}

Test(invariants, catch_a_lone_thread_also_on_its_run_queue)
{
	setup(lists_the_lone_thread_too, PRIO + 1, server_serves, PRIO, NULL, PRIO);
	run_expecting_shutdown(0);
}

FAKE_ENTRY(server_waits)
{
	u_wait(hh, R, FOREVER);
}

FAKE_ENTRY(queues_a_waiting_thread)
{
	struct pwk_thread *s = pwk__thread_get(ts); /* WAITING on hh: higher priority */
	cr_expect_eq(s->state, PWK_THREAD_WAITING);
	struct pwk_list *queue = (struct pwk_list *)pwk__sched_run_queue(s->priority);
	pwk__list_push_back(queue, &s->run_link);
	expect_broken("thread on a run queue is not READY, or READY thread on no run queue", ts,
		      PWK_NONE, PWK_NONE);
	pwk__list_remove(&s->run_link);
	expect_holds("restored");
	u_shutdown(0);
}

Test(invariants, catch_a_thread_both_runnable_and_waiting)
{
	setup(queues_a_waiting_thread, PRIO, server_waits, PRIO + 1, NULL, PRIO);
	run_expecting_shutdown(0);
}

FAKE_ENTRY(unlists_a_waiter)
{
	struct pwk_thread *s = pwk__thread_get(ts);
	pwk__list_remove(&s->wait_link);
	expect_broken("thread's wait object and its place on a waiter list disagree", ts, PWK_NONE,
		      PWK_NONE);
	pwk__list_push_back(&s->wait.object->waiters, &s->wait_link);
	expect_holds("restored");
	u_shutdown(0);
}

Test(invariants, catch_a_waiting_thread_on_no_waiter_list)
{
	setup(unlists_a_waiter, PRIO, server_waits, PRIO + 1, NULL, PRIO);
	run_expecting_shutdown(0);
}

FAKE_ENTRY(breaks_a_waiter_list)
{
	struct pwk_thread *s = pwk__thread_get(ts);
	struct pwk_list_node *prev = s->wait_link.prev;
	s->wait_link.prev = &s->run_link; /* the walk must stop here, not follow it */
	expect_broken("waiter list links broken", PWK_NONE, global(sp, hh), PWK_NONE);
	s->wait_link.prev = prev;
	expect_holds("restored");
	u_shutdown(0);
}

Test(invariants, catch_broken_list_links_without_following_them)
{
	setup(breaks_a_waiter_list, PRIO, server_waits, PRIO + 1, NULL, PRIO);
	run_expecting_shutdown(0);
}

FAKE_ENTRY(raises_a_signal_behind_the_waiters_back)
{
	struct pwk_object *h = pwk__object_get(global(sp, hh));
	h->signals |= R; /* no wake-up: what a lost edge looks like */
	expect_broken("thread still blocked on an object whose signals match its mask", ts,
		      global(sp, hh), PWK_NONE);
	h->signals &= ~R;
	expect_holds("restored");
	u_shutdown(0);
}

Test(invariants, catch_a_blocked_wait_whose_signal_is_on)
{
	setup(raises_a_signal_behind_the_waiters_back, PRIO, server_waits, PRIO + 1, NULL, PRIO);
	run_expecting_shutdown(0);
}

FAKE_ENTRY(client_transacts)
{
	expect_value(u_transact(ih, cmem.send, 2, cmem.recv, sizeof(cmem.recv), FOREVER), 0);
	u_shutdown(0);
}

FAKE_ENTRY(makes_the_initiator_writeable_mid_transaction)
{
	cr_expect_eq(u_wait(hh, R, FOREVER).status, PWK_OK); /* the client is blocked */
	struct pwk_object *i = pwk__object_get(global(cp, ih));
	i->signals |= W;
	expect_broken("transaction pending, initiator READABLE, WRITEABLE or ERROR", PWK_NONE,
		      global(cp, ih), PWK_NONE);
	i->signals &= ~W;
	expect_holds("restored");
	expect_status(u_respond(hh, smem.buf, 0), PWK_OK);
}

Test(invariants, catch_channel_signals_that_contradict_the_transaction)
{
	setup(client_transacts, PRIO, makes_the_initiator_writeable_mid_transaction, PRIO + 1, NULL,
	      PRIO);
	run_expecting_shutdown(0);
}

FAKE_ENTRY(unstarts_the_initiators_process)
{
	cr_expect_eq(u_wait(hh, R, FOREVER).status, PWK_OK);
	struct pwk_process *client = pwk__process_get(cp);
	client->state = PWK_PROCESS_INACTIVE;
	expect_broken("transaction of an initiator whose process is not started", PWK_NONE,
		      global(cp, ih), PWK_NONE);
	client->state = PWK_PROCESS_ACTIVE;
	expect_holds("restored");
	expect_status(u_respond(hh, smem.buf, 0), PWK_OK);
}

Test(invariants, catch_a_transaction_nobody_accounts_for)
{
	setup(client_transacts, PRIO, unstarts_the_initiators_process, PRIO + 1, NULL, PRIO);
	run_expecting_shutdown(0);
}

FAKE_ENTRY(miscounts_live_threads)
{
	pwk__process_get(cp)->live_threads++;
	expect_broken("process's live thread count differs from its started threads", PWK_NONE,
		      PWK_NONE, cp);
	pwk__process_get(cp)->live_threads--;
	expect_holds("restored");
	u_shutdown(0);
}

Test(invariants, catch_a_wrong_live_thread_count)
{
	setup(miscounts_live_threads, PRIO, server_waits, PRIO, NULL, PRIO);
	run_expecting_shutdown(0);
}

FAKE_ENTRY(signals_a_member_without_telling_its_group)
{
	expect_status(u_wg_add(wg, hh, R, 1), PWK_OK); /* unsignaled: no transaction */
	struct pwk_object *h = pwk__object_get(global(sp, hh));
	h->signals |= R;
	expect_broken("wait group member on the wrong list for its signals", PWK_NONE,
		      global(sp, hh), PWK_NONE);
	h->signals &= ~R;
	expect_holds("restored");
	u_shutdown(0);
}

Test(invariants, catch_a_wait_group_member_on_the_wrong_list)
{
	setup(idles, PRIO, signals_a_member_without_telling_its_group, PRIO, NULL, PRIO);
	run_expecting_shutdown(0);
}
