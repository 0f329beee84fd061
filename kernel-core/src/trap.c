/* SPDX-License-Identifier: Apache-2.0 */
/*
 * trap.c — the kernel entry points other than the syscall trap: timer,
 * tick, interrupt, fault, and the read-only thread view for reports.
 *
 * An entry taken while the scheduler idles (from inside hal_idle()) only
 * records what happened: the idle loop then picks the thread to run. An
 * entry taken while a thread runs ends through pwk__thread_return_to_user()
 * (termination, then preemption): an interrupt, the timer or the tick
 * preempt on the way out, as in pw_kernel. A syscall ends with the
 * termination check alone (syscall.c): a thread it woke runs when the
 * caller blocks or at the next tick.
 */
#include <pwk/kernel.h>

#include "assert.h"
#include "boot.h"
#include "interrupt.h"
#include "process.h"
#include "sched.h"
#include "thread.h"
#include "timer.h"
#include "trace.h"

/* True when the entry interrupted a running thread (not the idle loop and
 * not before pwk_run()). */
static bool from_user_mode(void)
{
	return !pwk__sched_idle() && pwk__sched_current() != NULL;
}

void pwk_trap_timer(void)
{
	/* With tick granularity only the tick (or idle) examines deadlines. */
	if (pwk__timer_exact() || !from_user_mode()) {
		pwk__timer_fire_expired();
	}
	if (from_user_mode()) {
		pwk__thread_return_to_user();
	}
}

void pwk_trap_tick(void)
{
	if (pwk__system() == NULL) {
		return; /* a tick before boot */
	}
	/* As pw_kernel's tick: expired deadlines first, so the threads they
	 * wake queue ahead of the ticked one. */
	pwk__timer_fire_expired();
	if (!from_user_mode()) {
		return;
	}
	/* A terminating thread exits now rather than queue for another turn. */
	pwk__thread_exit_if_terminating();
	pwk__sched_tick();
	pwk__thread_return_to_user();
}

void pwk_trap_irq(uint32_t irq)
{
	pwk__interrupt_fire(irq);
	if (from_user_mode()) {
		pwk__thread_return_to_user();
	}
}

_Noreturn void pwk_trap_fault(void)
{
	struct pwk_thread *t = pwk__sched_current();
	PWK_ASSERT(t != NULL && from_user_mode());
	pwk__trace(PWK_TRACE_FAULT, t->index, t->process, 0);
	/* pw_kernel records no cause: the status is UnhandledException(0). */
	pwk__process_exit(pwk__process_get(t->process), PWK_EXIT_UNHANDLED_EXCEPTION, 0);
}

bool pwk_thread_info(uint32_t thread, struct pwk_thread_info *info)
{
	const struct pwk_system_desc *system = pwk__system();
	if (system == NULL || thread >= system->thread_count) {
		return false;
	}
	const struct pwk_thread *t = pwk__thread_get(thread);
	const bool waiting = t->state == PWK_THREAD_WAITING;
	info->state = t->state;
	info->process = t->process;
	info->priority = t->priority;
	info->waiting_object = waiting ? t->wait.object_index : PWK_NONE;
	info->wait_mask = waiting ? t->wait.mask : 0;
	info->deadline = waiting ? t->wait.deadline : PWK_INSTANT_MAX;
	return true;
}

uint32_t pwk_current_thread(void)
{
	const struct pwk_thread *t = pwk__sched_current();
	return t == NULL ? PWK_NONE : t->index;
}
