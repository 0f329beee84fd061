/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Threads and processes (pw_kernel §1.7, §2.5, §2.6): start, exit,
 * asynchronous termination, join statuses, restart, faults.
 * M (process 0) supervises; W (process 1) is the worker process.
 */
#include "kc_test.h"

static uint32_t m_self, m_thr, m_w; /* M's handles: own process, spare thread, W */
static uint32_t w_self, w_wg, w_h, w_i;
static uint32_t spare, w_main;
static int w_runs;

static void setup(fake_entry_fn m, uint32_t m_prio, fake_entry_fn w, fake_entry_fn w2)
{
	fake_reset();
	uint32_t mp = fake_process("m");
	uint32_t wp = fake_process("w");
	fake_process_args(wp, 3, 0x1234);
	w_wg = fake_wait_group(wp);
	fake_channel(wp, &w_i, wp, &w_h);
	spare = fake_thread_stopped(wp, "spare", PRIO - 1); /* declared in W... */
	m_thr = fake_thread_object(mp, spare);              /* ...started by M */
	m_w = fake_process_object(mp, wp);
	fake_thread(mp, "m", m_prio, m);
	if (w != NULL) {
		w_main = fake_thread(wp, "w", PRIO, w);
	}
	if (w2 != NULL) {
		fake_thread(wp, "w2", PRIO, w2);
	}
	m_self = fake_own_process_handle(mp);
	w_self = fake_own_process_handle(wp);
}

static void park(uint32_t self)
{
	u_sleep_until(self, PWK_INSTANT_MAX);
	fake_event(-1); /* a terminated thread never gets here */
}

static struct u_join wait_and_join(uint32_t handle)
{
	cr_expect_eq(u_wait(handle, PWK_SIGNAL_JOINABLE, PWK_INSTANT_MAX).status, PWK_OK);
	return u_join(handle);
}

static void expect_join(uint32_t handle, pwk_exit_tag_t tag, pwk_word_t payload)
{
	struct u_join j = wait_and_join(handle);
	cr_expect_eq(j.status, PWK_OK);
	cr_expect_eq(j.tag, tag, "exit tag %d, want %d", (int)j.tag, (int)tag);
	cr_expect_eq(j.payload, payload);
}

static void expect_no_parked_events(void)
{
	size_t n;
	const int *events = fake_events(&n);
	for (size_t i = 0; i < n; i++) {
		cr_expect_neq(events[i], -1, "a terminated thread ran on");
	}
}

FAKE_ENTRY(exits_42)
{
	fake_event(a0 == 0 && a1 == 0 && a2 == 0 ? 1 : 0);
	u_thread_exit(42);
}

FAKE_ENTRY(m_thread_exit)
{
	expect_status(u_terminate(m_thr), PWK_FAILED_PRECONDITION); /* never started */
	cr_expect_eq(u_join(m_thr).status, PWK_FAILED_PRECONDITION);
	expect_status(u_thread_start(m_thr, exits_42, 0x5000), PWK_OK);
	expect_status(u_thread_start(m_thr, exits_42, 0x5000), PWK_ALREADY_EXISTS);
	cr_expect_eq(u_join(m_thr).status, PWK_UNAVAILABLE); /* join never blocks */
	expect_join(m_thr, PWK_EXIT_SUCCESS, 42);
	expect_signals(m_thr, 0);
	cr_expect_eq(u_join(m_thr).status, PWK_FAILED_PRECONDITION); /* STOPPED again */
	expect_status(u_thread_start(m_thr, exits_42, 0x6000), PWK_OK);
	expect_join(m_thr, PWK_EXIT_SUCCESS, 42);
	u_shutdown(0);
}

Test(lifecycle, thread_exit_makes_the_thread_joinable_and_restartable)
{
	setup(m_thread_exit, PRIO, NULL, NULL);
	run_expecting_shutdown(0);
	const struct fake_prepared *p = fake_prepared(spare);
	cr_assert_eq(p->count, 2);
	cr_assert_eq(p->process, 0, "runs in the caller's process, not its declaring one");
	cr_assert_eq(p->pc, (uintptr_t)exits_42);
	cr_assert_eq(p->sp, 0x6000);
	const int want[] = {1, 1}; /* 1: a0..a2 were 0 */
	expect_events(want, 2);
}

FAKE_ENTRY(returns)
{
}

FAKE_ENTRY(m_returns)
{
	expect_status(u_thread_start(m_thr, returns, 0), PWK_OK);
	expect_join(m_thr, PWK_EXIT_SUCCESS, 0);
	u_shutdown(0);
}

Test(lifecycle, returning_from_the_entry_function_exits_with_zero)
{
	setup(m_returns, PRIO, NULL, NULL);
	run_expecting_shutdown(0);
}

FAKE_ENTRY(m_terminates_exited)
{
	expect_status(u_thread_start(m_thr, exits_42, 0), PWK_OK);
	cr_expect_eq(u_wait(m_thr, PWK_SIGNAL_JOINABLE, PWK_INSTANT_MAX).status, PWK_OK);
	expect_status(u_terminate(m_thr), PWK_OK);
	expect_join(m_thr, PWK_EXIT_TERMINATED_BY_SYSCALL, 0);
	u_shutdown(0);
}

Test(lifecycle, terminating_an_exited_unjoined_thread_replaces_its_status)
{
	setup(m_terminates_exited, PRIO, NULL, NULL);
	run_expecting_shutdown(0);
}

FAKE_ENTRY(logs_then_syscalls)
{
	fake_event(5);
	u_nop();
	fake_event(-1); /* exits at the end of that syscall */
}

FAKE_ENTRY(m_terminates_unstarted)
{
	expect_status(u_thread_start(m_thr, logs_then_syscalls, 0), PWK_OK);
	expect_status(u_terminate(m_thr), PWK_OK); /* before it ever ran */
	expect_join(m_thr, PWK_EXIT_TERMINATED_BY_SYSCALL, 0);
	u_shutdown(0);
}

Test(lifecycle, terminated_thread_that_never_ran_enters_user_mode_before_it_exits)
{
	setup(m_terminates_unstarted, PRIO, NULL, NULL);
	run_expecting_shutdown(0);
	const int want[] = {5};
	expect_events(want, 1);
}

FAKE_ENTRY(sleeps_forever)
{
	park(m_self);
}

FAKE_ENTRY(terminates_itself)
{
	u_terminate(m_thr);
	fake_event(-1);
}

FAKE_ENTRY(m_terminates_threads)
{
	expect_status(u_thread_start(m_thr, sleeps_forever, 0), PWK_OK);
	u_sleep_until(m_self, 5); /* let it block */
	expect_status(u_terminate(m_thr), PWK_OK);
	expect_status(u_terminate(m_thr), PWK_OK);
	expect_join(m_thr, PWK_EXIT_TERMINATED_BY_SYSCALL, 0);
	expect_status(u_thread_start(m_thr, terminates_itself, 0), PWK_OK);
	expect_join(m_thr, PWK_EXIT_TERMINATED_BY_SYSCALL, 0);
	expect_status(u_thread_start(m_thr, sleeps_forever, 0), PWK_OK);
	expect_status(u_terminate(m_thr), PWK_OK); /* before it ever ran */
	expect_join(m_thr, PWK_EXIT_TERMINATED_BY_SYSCALL, 0);
	u_shutdown(0);
}

Test(lifecycle, terminated_thread_exits_instead_of_returning_to_user_mode)
{
	setup(m_terminates_threads, PRIO, NULL, NULL);
	run_expecting_shutdown(0);
	expect_no_parked_events();
}

FAKE_ENTRY(spins)
{
	for (;;) {
		fake_event(1);
		fake_advance(1);
	}
}

FAKE_ENTRY(m_stops_spinner)
{
	expect_status(u_thread_start(m_thr, spins, 0), PWK_OK);
	u_sleep_until(m_self, 3);
	expect_status(u_terminate(m_thr), PWK_OK);
	expect_join(m_thr, PWK_EXIT_TERMINATED_BY_SYSCALL, 0);
	u_shutdown(0);
}

Test(lifecycle, spinning_thread_is_terminated_at_its_next_kernel_entry)
{
	setup(m_stops_spinner, PRIO, NULL, NULL);
	fake_set_tick_period(1); /* M's deadline is examined on the tick */
	run_expecting_shutdown(0);
	const int want[] = {1, 1, 1};
	expect_events(want, 3);
}

FAKE_ENTRY(spins_with_ticks)
{
	for (;;) {
		fake_event(2);
		fake_advance(1);
		fake_tick();
	}
}

FAKE_ENTRY(m_stops_ticker)
{
	expect_status(u_thread_start(m_thr, spins_with_ticks, 0), PWK_OK);
	u_sleep_until(m_self, 1); /* it runs (and ticks) while M sleeps */
	fake_event(1);
	expect_status(u_terminate(m_thr), PWK_OK);
	fake_tick(); /* M's slice ends: the ticker gets the CPU and exits at once */
	fake_event(3);
	expect_join(m_thr, PWK_EXIT_TERMINATED_BY_SYSCALL, 0);
	u_shutdown(0);
}

Test(lifecycle, terminated_thread_exits_at_the_tick)
{
	setup(m_stops_ticker, PRIO - 1, NULL, NULL);
	run_expecting_shutdown(0);
	const int want[] = {2, 1, 3}; /* the terminated thread did not run again */
	expect_events(want, 3);
}

FAKE_ENTRY(w_exits_9)
{
	w_runs++;
	u_process_exit(9);
}

FAKE_ENTRY(w_parks)
{
	park(w_self);
}

FAKE_ENTRY(m_process_exit)
{
	expect_join(m_w, PWK_EXIT_SUCCESS, 9);
	expect_signals(m_w, 0);
	cr_expect_eq(u_join(m_w).status, PWK_FAILED_PRECONDITION);
	expect_status(u_terminate(m_w), PWK_FAILED_PRECONDITION);
	expect_status(u_process_start(m_w), PWK_OK);
	expect_status(u_process_start(m_w), PWK_ALREADY_EXISTS);
	expect_join(m_w, PWK_EXIT_SUCCESS, 9);
	u_shutdown(0);
}

Test(lifecycle, process_exit_ends_every_thread_and_the_process_restarts)
{
	setup(m_process_exit, PRIO - 1, w_parks, w_exits_9);
	run_expecting_shutdown(0);
	expect_no_parked_events();
	cr_assert_eq(w_runs, 2);
	const struct fake_prepared *p = fake_prepared(w_main);
	cr_assert_eq(p->count, 2);
	cr_assert_eq(p->process, 1);
	cr_assert_eq(p->pc, (uintptr_t)w_parks);
	cr_assert_eq(p->a0, 3, "a0 = index_in_app");
	cr_assert_eq(p->a1, 0x1234, "a1 = start_arg1");
	cr_assert_eq(p->a2, 0);
}

FAKE_ENTRY(m_terminates_w)
{
	u_sleep_until(m_self, 1); /* let W's threads block */
	expect_status(u_terminate(m_w), PWK_OK);
	cr_expect_eq(u_join(m_w).status, PWK_UNAVAILABLE, "its threads have not exited yet");
	expect_status(u_terminate(m_w), PWK_OK);
	expect_join(m_w, PWK_EXIT_TERMINATED_BY_SYSCALL, 0);
	u_shutdown(0);
}

Test(lifecycle, task_terminate_of_a_process_is_asynchronous)
{
	setup(m_terminates_w, PRIO + 1, w_parks, w_parks);
	run_expecting_shutdown(0);
	expect_no_parked_events();
}

FAKE_ENTRY(m_late_terminate)
{
	cr_expect_eq(u_wait(m_w, PWK_SIGNAL_JOINABLE, PWK_INSTANT_MAX).status, PWK_OK);
	expect_status(u_terminate(m_w), PWK_OK);
	expect_join(m_w, PWK_EXIT_SUCCESS, 9);
	u_shutdown(0);
}

Test(lifecycle, first_exit_status_of_a_process_wins)
{
	setup(m_late_terminate, PRIO - 1, w_exits_9, NULL);
	run_expecting_shutdown(0);
}

FAKE_ENTRY(w_faults)
{
	fake_fault();
}

FAKE_ENTRY(m_after_fault)
{
	expect_join(m_w, PWK_EXIT_UNHANDLED_EXCEPTION, 0);
	expect_status(u_process_start(m_w), PWK_OK); /* the threads were joined by the kernel */
	/* W's threads, though of a higher priority, run once M blocks. */
	expect_join(m_w, PWK_EXIT_UNHANDLED_EXCEPTION, 0);
	u_shutdown(0);
}

Test(lifecycle, fault_terminates_the_process_with_unhandled_exception_zero)
{
	setup(m_after_fault, PRIO - 1, w_parks, w_faults);
	run_expecting_shutdown(0);
	expect_no_parked_events();
	cr_assert_eq(fake_trace_count(PWK_TRACE_FAULT), 2, "W faults again once restarted");
}

FAKE_ENTRY(m_all_threads_exited)
{
	u_sleep_until(m_self, 5);
	cr_expect_eq(u_wait(m_w, PWK_SIGNAL_JOINABLE, 0).status, PWK_DEADLINE_EXCEEDED);
	cr_expect_eq(u_join(m_w).status, PWK_UNAVAILABLE, "still ACTIVE with no thread");
	expect_status(u_terminate(m_w), PWK_OK);
	expect_join(m_w, PWK_EXIT_TERMINATED_BY_SYSCALL, 0);
	u_shutdown(0);
}

Test(lifecycle, process_whose_threads_all_exited_is_not_joinable_until_terminated)
{
	setup(m_all_threads_exited, PRIO, returns, NULL);
	run_expecting_shutdown(0);
}

FAKE_ENTRY(w_exits_thread_once)
{
	if (++w_runs == 1) {
		u_thread_exit(7); /* never joined by anyone */
	}
	u_shutdown(0);
}

FAKE_ENTRY(w_joins_group)
{
	if (++w_runs == 1) {
		expect_status(u_wg_add(w_wg, w_h, PWK_SIGNAL_READABLE, 42), PWK_OK);
		expect_status(u_set_peer_user(w_i, true), PWK_OK);
	} else {
		expect_status(u_wg_remove(w_wg, w_h), PWK_NOT_FOUND); /* reset at join */
		expect_signals(w_h, 0); /* USER went with its initiator's reset */
		u_shutdown(0);
	}
	park(w_self);
}

FAKE_ENTRY(m_restarts_w)
{
	u_sleep_until(m_self, 5);
	expect_status(u_terminate(m_w), PWK_OK);
	expect_join(m_w, PWK_EXIT_TERMINATED_BY_SYSCALL, 0);
	expect_status(u_process_start(m_w), PWK_OK);
	park(m_self);
}

Test(lifecycle, join_resets_the_wait_groups_of_the_joined_process)
{
	setup(m_restarts_w, PRIO, w_joins_group, NULL);
	run_expecting_shutdown(0);
}

Test(lifecycle, threads_that_exited_unjoined_do_not_keep_a_joined_process_from_restarting)
{
	setup(m_restarts_w, PRIO, w_exits_thread_once, NULL);
	run_expecting_shutdown(0);
	cr_assert_eq(w_runs, 2);
}

Test(lifecycle, thread_info_reports_each_thread)
{
	setup(m_restarts_w, PRIO, w_joins_group, NULL);
	cr_assert_eq(fake_boot(), PWK_OK);
	struct pwk_thread_info info;
	cr_assert(pwk_thread_info(spare, &info));
	cr_assert_eq(info.state, PWK_THREAD_STOPPED);
	cr_assert_eq(info.process, 1);
	cr_assert_eq(info.priority, PRIO - 1);
	cr_assert_eq(info.waiting_object, PWK_NONE);
	cr_assert_eq(info.deadline, PWK_INSTANT_MAX);
	cr_assert_not(pwk_thread_info(3, &info));
	cr_assert_eq(pwk_current_thread(), PWK_NONE);
}
