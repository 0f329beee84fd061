/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The scheduler (pw_kernel §3): priorities, FIFO order, queue placement
 * (preempted → front; started, woken, ticked → back), the tick, and when a
 * woken higher-priority thread runs: at the exit of the interrupt that woke
 * it, but after a syscall only once the caller blocks or is ticked.
 */
#include "kc_test.h"

#define IRQ 9

static uint32_t ih, hh, intr, thr, self0;

/* Process 0 owns a channel (both ends), an interrupt object for IRQ, a
 * spare thread `thr` and the threads of `prios`/`fns`. */
static void setup(size_t n, const uint32_t *prios, const fake_entry_fn *fns)
{
	static const uint32_t irqs[] = {IRQ};
	fake_reset();
	uint32_t p = fake_process("p");
	fake_channel(p, &ih, p, &hh);
	intr = fake_interrupt(p, irqs, 1);
	thr = fake_thread_object(p, fake_thread_stopped(p, "spare", PRIO + 1));
	self0 = fake_own_process_handle(p);
	for (size_t i = 0; i < n; i++) {
		fake_thread(p, "t", prios[i], fns[i]);
	}
}

static void park(void)
{
	u_sleep_until(self0, PWK_INSTANT_MAX);
}

FAKE_ENTRY(log_1)
{
	fake_event(1);
}

FAKE_ENTRY(log_2)
{
	fake_event(2);
}

FAKE_ENTRY(log_3)
{
	fake_event(3);
}

Test(sched, higher_priority_runs_first_and_equals_in_start_order)
{
	const uint32_t prios[] = {10, 20, 10};
	const fake_entry_fn fns[] = {log_1, log_2, log_3};
	setup(3, prios, fns);
	cr_assert_eq(fake_boot_and_run().end, FAKE_DEADLOCK); /* everybody exited */
	const int want[] = {2, 1, 3};
	expect_events(want, 3);
}

FAKE_ENTRY(waiter)
{
	cr_expect_eq(u_wait(ih, USER, FOREVER).status, PWK_OK);
	fake_event(1);
	park();
}

FAKE_ENTRY(raiser)
{
	expect_status(u_set_peer_user(hh, true), PWK_OK);
	fake_event(2);
	park();
}

Test(sched, waking_an_equal_priority_thread_does_not_switch)
{
	const uint32_t prios[] = {PRIO, PRIO};
	const fake_entry_fn fns[] = {waiter, raiser};
	setup(2, prios, fns);
	fake_boot_and_run();
	const int want[] = {2, 1};
	expect_events(want, 2);
}

Test(sched, higher_priority_thread_woken_by_a_syscall_runs_when_the_caller_blocks)
{
	const uint32_t prios[] = {PRIO + 1, PRIO};
	const fake_entry_fn fns[] = {waiter, raiser};
	setup(2, prios, fns);
	fake_boot_and_run();
	const int want[] = {2, 1};
	expect_events(want, 2);
}

FAKE_ENTRY(raiser_ticked)
{
	expect_status(u_set_peer_user(hh, true), PWK_OK);
	fake_event(2);
	fake_tick();
	fake_event(3);
	park();
}

Test(sched, higher_priority_thread_woken_by_a_syscall_runs_at_the_next_tick)
{
	const uint32_t prios[] = {PRIO + 1, PRIO};
	const fake_entry_fn fns[] = {waiter, raiser_ticked};
	setup(2, prios, fns);
	fake_boot_and_run();
	const int want[] = {2, 1, 3};
	expect_events(want, 3);
}

FAKE_ENTRY(started_high)
{
	fake_event(1);
	park();
}

FAKE_ENTRY(starter)
{
	expect_status(u_thread_start(thr, started_high, 0), PWK_OK);
	fake_event(2);
	park();
}

Test(sched, higher_priority_thread_started_by_a_syscall_runs_when_the_caller_blocks)
{
	const uint32_t prios[] = {PRIO};
	const fake_entry_fn fns[] = {starter};
	setup(1, prios, fns);
	fake_boot_and_run();
	const int want[] = {2, 1};
	expect_events(want, 2);
}

FAKE_ENTRY(irq_waiter)
{
	cr_expect_eq(u_wait(intr, PWK_SIGNAL_INTERRUPT(0), FOREVER).status, PWK_OK);
	fake_event(1);
	park();
}

FAKE_ENTRY(irq_raiser)
{
	fake_irq(IRQ);
	fake_event(2);
	park();
}

Test(sched, higher_priority_thread_woken_by_an_interrupt_preempts_at_trap_exit)
{
	const uint32_t prios[] = {PRIO + 1, PRIO};
	const fake_entry_fn fns[] = {irq_waiter, irq_raiser};
	setup(2, prios, fns);
	fake_boot_and_run();
	const int want[] = {1, 2};
	expect_events(want, 2);
}

Test(sched, preempted_thread_resumes_before_its_equals)
{
	/* irq_raiser is preempted by irq_waiter, and goes back in front of log_3. */
	const uint32_t prios[] = {PRIO + 1, PRIO, PRIO};
	const fake_entry_fn fns[] = {irq_waiter, irq_raiser, log_3};
	setup(3, prios, fns);
	fake_boot_and_run();
	const int want[] = {1, 2, 3};
	expect_events(want, 3);
}

Test(sched, woken_thread_goes_behind_its_equals)
{
	const uint32_t prios[] = {PRIO, PRIO, PRIO};
	const fake_entry_fn fns[] = {waiter, raiser, log_3};
	setup(3, prios, fns);
	fake_boot_and_run();
	const int want[] = {2, 3, 1};
	expect_events(want, 3);
}

FAKE_ENTRY(ticker_a)
{
	fake_event(1);
	fake_tick();
	fake_event(3);
	fake_tick();
	fake_event(5);
}

FAKE_ENTRY(ticker_b)
{
	fake_event(2);
	fake_tick();
	fake_event(4);
}

Test(sched, tick_round_robins_equal_priorities)
{
	const uint32_t prios[] = {PRIO, PRIO};
	const fake_entry_fn fns[] = {ticker_a, ticker_b};
	setup(2, prios, fns);
	fake_boot_and_run();
	const int want[] = {1, 2, 3, 4, 5};
	expect_events(want, 5);
}

Test(sched, tick_never_yields_to_a_lower_priority)
{
	const uint32_t prios[] = {PRIO, PRIO - 1};
	const fake_entry_fn fns[] = {ticker_a, log_2};
	setup(2, prios, fns);
	fake_boot_and_run();
	const int want[] = {1, 3, 5, 2};
	expect_events(want, 4);
}

FAKE_ENTRY(sleeps_until_5)
{
	u_sleep_until(self0, 5);
	fake_event(100);
	u_shutdown(0);
}

FAKE_ENTRY(spinner)
{
	for (int i = 0; i < 100; i++) {
		fake_event(i);
		fake_advance(1);
	}
}

Test(sched, expired_deadline_of_a_higher_priority_thread_preempts_user_code_at_the_next_tick)
{
	const uint32_t prios[] = {PRIO + 1, PRIO};
	const fake_entry_fn fns[] = {sleeps_until_5, spinner};
	setup(2, prios, fns);
	fake_set_tick_period(4); /* ticks at 4, 8, ...: the deadline 5 fires at 8 */
	run_expecting_shutdown(0);
	const int want[] = {0, 1, 2, 3, 4, 5, 6, 7, 100};
	expect_events(want, 9);
}

Test(sched, exact_deadline_of_a_higher_priority_thread_preempts_user_code_when_it_expires)
{
	const uint32_t prios[] = {PRIO + 1, PRIO};
	const fake_entry_fn fns[] = {sleeps_until_5, spinner};
	setup(2, prios, fns);
	fake_options(PWK_BOOT_EXACT_DEADLINES);
	fake_set_tick_period(4);
	run_expecting_shutdown(0);
	const int want[] = {0, 1, 2, 3, 4, 100};
	expect_events(want, 6);
}

FAKE_ENTRY(other_process)
{
	fake_event(3);
	u_shutdown(0);
}

Test(sched, protection_is_applied_only_when_the_process_changes)
{
	fake_reset();
	uint32_t p0 = fake_process("p0");
	uint32_t p1 = fake_process("p1");
	fake_thread(p0, "a", PRIO, log_1);
	fake_thread(p0, "b", PRIO, log_2);
	fake_thread(p1, "c", PRIO, other_process);
	run_expecting_shutdown(0);
	cr_assert_eq(fake_protection_applies(), 2);
	cr_assert_eq(fake_last_protection(), p1);
	cr_assert_eq(fake_switches(), 3);
	size_t n;
	const struct pwk_trace_record *t = fake_traces(&n);
	uint32_t switches[3][2];
	size_t k = 0;
	for (size_t i = 0; i < n && k < 3; i++) {
		if (t[i].kind == PWK_TRACE_SWITCH) {
			switches[k][0] = t[i].thread;
			switches[k][1] = t[i].a;
			k++;
		}
	}
	cr_assert_eq(k, 3);
	cr_assert_eq(switches[0][0], PWK_NONE);
	cr_assert_eq(switches[0][1], 0);
	cr_assert_eq(switches[1][0], 0);
	cr_assert_eq(switches[1][1], 1);
	cr_assert_eq(switches[2][0], 1);
	cr_assert_eq(switches[2][1], 2);
}
