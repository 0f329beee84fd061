/* SPDX-License-Identifier: Apache-2.0 */
/*
 * sched.c — priority run queues, blocking, waking, preemption, the tick and
 * the idle loop (pw_kernel §3).
 *
 * Invariants: the current thread is RUNNING and on no run queue; every
 * READY thread is on exactly the queue of its priority; bit p of
 * `ready_mask` is set iff queue p is non-empty. A queue that holds one
 * thread may hold it as `sched.lone` instead of on its list (below).
 *
 * The kernel runs on the current thread's kernel stack. Switching away from
 * a thread (block, tick, preemption, exit) runs the idle loop on that same
 * stack when nothing is ready, then hal_context_switch()es to the chosen
 * thread, and returns when some later switch resumes the thread.
 */
#include "sched.h"

#include "assert.h"
#include "inspect.h"
#include "limits.h"
#include "process.h"
#include "timer.h"
#include "trace.h"

static struct {
	struct pwk_list queues[PWK_PRIORITIES];
	/* A READY thread queued onto an empty level is kept here, off that
	 * level's list, until the next switch takes it or another thread is
	 * queued (which first puts it on its list, so the FIFO order stays):
	 * the initiator a respond wakes is then switched to without touching
	 * a list. Invariant: NULL, or READY, alone at its level (the list
	 * empty, the ready_mask bit set). */
	struct pwk_thread *lone;
	uint32_t applied_process; /* last passed to hal_protection_apply() */
} sched;

struct pwk__sched_now pwk__sched_now;

void pwk__sched_reset(void)
{
	for (uint32_t p = 0; p < PWK_PRIORITIES; p++) {
		pwk__list_init(&sched.queues[p]);
	}
	pwk__sched_now.ready_mask = 0;
	pwk__sched_now.current = NULL;
	sched.lone = NULL;
	sched.applied_process = PWK_NONE;
	pwk__sched_now.idle = false;
}

/* Index of bit n in the de Bruijn sequence 0x077CB531: the table of
 * highest_bit(). */
static const uint8_t debruijn_bit[32] = {
	0,  1,  28, 2,  29, 14, 24, 3, 30, 22, 20, 15, 25, 17, 4,  8,
	31, 27, 13, 23, 21, 19, 16, 7, 26, 12, 18, 6,  11, 5,  10, 9,
};

/* The index of the highest set bit of `x` != 0, in a constant number of
 * instructions: smear it down, keep it alone, then a de Bruijn multiply. A
 * count-leading-zeros builtin would be a libgcc table call on RV32 without
 * Zbb. */
static uint32_t highest_bit(uint32_t x)
{
	PWK_DEBUG_ASSERT(x != 0);
	x |= x >> 1;
	x |= x >> 2;
	x |= x >> 4;
	x |= x >> 8;
	x |= x >> 16;
	x ^= x >> 1; /* only the highest bit is left */
	return debruijn_bit[(uint32_t)(x * UINT32_C(0x077CB531)) >> 27];
}

/* The highest non-empty level; ready_mask != 0. */
static uint32_t highest_ready_priority(void)
{
	uint32_t p = highest_bit(pwk__sched_now.ready_mask);
	PWK_DEBUG_ASSERT((pwk__sched_now.ready_mask >> p) == 1);
	return p;
}

/* Puts the lone thread, if any, on its level's list. */
static void settle_lone(void)
{
	struct pwk_thread *lone = sched.lone;
	if (lone != NULL) {
		PWK_DEBUG_ASSERT(pwk__list_empty(&sched.queues[lone->priority]));
		pwk__list_push_back(&sched.queues[lone->priority], &lone->run_link);
		sched.lone = NULL;
	}
}

void pwk__sched_enqueue(struct pwk_thread *t, bool front)
{
	PWK_DEBUG_ASSERT(t->priority < PWK_PRIORITIES);
	PWK_DEBUG_ASSERT(t != pwk__sched_now.current);
	const uint32_t bit = UINT32_C(1) << t->priority;
	settle_lone();
	t->state = PWK_THREAD_READY;
	if ((pwk__sched_now.ready_mask & bit) == 0) {
		sched.lone = t; /* front or back: alone either way */
	} else if (front) {
		pwk__list_push_front(&sched.queues[t->priority], &t->run_link);
	} else {
		pwk__list_push_back(&sched.queues[t->priority], &t->run_link);
	}
	pwk__sched_now.ready_mask |= bit;
}

void pwk__sched_dequeue(struct pwk_thread *t)
{
	PWK_DEBUG_ASSERT(t->state == PWK_THREAD_READY);
	if (t == sched.lone) {
		sched.lone = NULL;
		pwk__sched_now.ready_mask &= ~(UINT32_C(1) << t->priority);
		return;
	}
	pwk__list_remove(&t->run_link);
	if (pwk__list_empty(&sched.queues[t->priority])) {
		pwk__sched_now.ready_mask &= ~(UINT32_C(1) << t->priority);
	}
}

/* The lone thread, taken off its level, if it is the best ready thread
 * (its level the highest non-empty one); else NULL. */
static inline struct pwk_thread *take_lone_if_next(void)
{
	struct pwk_thread *lone = sched.lone;
	if (lone == NULL || (pwk__sched_now.ready_mask >> lone->priority) != 1) {
		return NULL;
	}
	sched.lone = NULL;
	pwk__sched_now.ready_mask &= ~(UINT32_C(1) << lone->priority);
	return lone;
}

static struct pwk_thread *dequeue_highest(void)
{
	/* The lone thread at the highest level is the one: no list, no
	 * priority search. */
	struct pwk_thread *lone = take_lone_if_next();
	if (lone != NULL) {
		return lone;
	}
	uint32_t p = highest_ready_priority();
	struct pwk_list_node *node = pwk__list_first(&sched.queues[p]);
	PWK_DEBUG_ASSERT(node != NULL);
	struct pwk_thread *t = PWK_CONTAINER_OF(node, struct pwk_thread, run_link);
	pwk__sched_dequeue(t);
	return t;
}

/* Inline into its four callers (the fast path's respond, the notify walk,
 * the timer, cancellation) where link-time optimisation can: -26
 * instructions a round trip (docs/fastpath.md). */
PWK__ALWAYS_INLINE void pwk__sched_wake(struct pwk_thread *t, pwk_status_t status)
{
	PWK_DEBUG_ASSERT(t->wait.object != NULL);
	if (t->wait.woken) {
		return;
	}
	PWK_DEBUG_ASSERT(t->state == PWK_THREAD_WAITING);
	t->wait.woken = true;
	t->wait.status = status;
	if (t->timer.queued) {
		pwk__timer_remove(t);
	}
	pwk__sched_enqueue(t, false);
	pwk__trace(PWK_TRACE_WAKE, t->index, t->wait.result.signals, (uint32_t)status);
}

/* Waits until a thread is ready and takes it off its queue. The loop has no
 * bound of its own: it ends when the HAL's idle returns with something to
 * run, or never, if the HAL ends the run inside hal_idle() (a deadlock).
 * The timer needs re-arming only after idling: every other change of what
 * it waits for (a deadline added or removed) re-arms it there and then. */
static struct pwk_thread *next_thread(void)
{
	PWK_DEBUG_ASSERT(pwk__sched_now.current == NULL);
	if (pwk__sched_now.ready_mask == 0) {
		do {
			/* Idle is tickless: the HAL wakes the kernel for the
			 * earliest deadline, whatever their granularity. */
			pwk__sched_now.idle = true;
			pwk__timer_rearm();
			hal_idle();
			pwk__sched_now.idle = false;
			pwk__timer_fire_expired();
		} while (pwk__sched_now.ready_mask == 0);
		pwk__timer_rearm();
	}
	return dequeue_highest();
}

/* Makes `next` current and resumes it; returns when `from` is resumed.
 * This, switch_away() and pwk__sched_block() inline into their callers
 * always: link-time optimisation then puts the IPC path's switches into
 * pwk_trap_syscall (fastpath.c), which saves the callee-saved registers
 * once for all of it, where each call saved its own (-16 and -11
 * instructions a round trip, docs/fastpath.md). */
static PWK__ALWAYS_INLINE void switch_to(uint32_t from, struct pwk_thread *next)
{
	PWK_DEBUG_ASSERT(pwk__sched_now.current == NULL);
	pwk__sched_now.current = next;
	next->state = PWK_THREAD_RUNNING;
	if (from == next->index) {
		return; /* the thread that gave up the CPU is still the best */
	}
	if (next->process != sched.applied_process) {
		hal_protection_apply(next->process);
		sched.applied_process = next->process;
	}
	pwk__trace(PWK_TRACE_SWITCH, from, next->index, 0);
	hal_context_switch(from, next->index);
	PWK_DEBUG_ASSERT(pwk__sched_now.current != NULL && pwk__sched_now.current->index == from);
}

/* `from` (no longer current: queued, blocked or exited) gives up the CPU to
 * the best ready thread; returns when `from` runs again. */
static PWK__ALWAYS_INLINE void switch_away(struct pwk_thread *from)
{
	PWK_DEBUG_ASSERT(pwk__sched_now.current == NULL);
	PWK_DEBUG_ASSERT(from->state != PWK_THREAD_RUNNING);
	/* The handoff of a round trip: the initiator the handler's respond
	 * woke is the lone thread and the best one, so the handler's blocking
	 * wait switches straight to it (what next_thread() would return). */
	struct pwk_thread *lone = take_lone_if_next();
	switch_to(from->index, lone != NULL ? lone : next_thread());
}

/* Takes the running thread off the CPU and returns it. */
static struct pwk_thread *take_current(void)
{
	struct pwk_thread *t = pwk__sched_now.current;
	PWK_DEBUG_ASSERT(t != NULL);
	pwk__sched_now.current = NULL;
	return t;
}

void pwk__sched_handoff(struct pwk_thread *to)
{
	struct pwk_thread *from = take_current();
	PWK_DEBUG_ASSERT(from->state == PWK_THREAD_WAITING);
	PWK_DEBUG_ASSERT(to->state == PWK_THREAD_WAITING && to->wait.woken);
	PWK_DEBUG_ASSERT(pwk__sched_runs_next(to));
	/* What next_thread() does on its way to `to`, without the queue (and
	 * without idling, so the timer needs no re-arming). */
	switch_to(from->index, to);
}

PWK__ALWAYS_INLINE void pwk__sched_block(void)
{
	struct pwk_thread *t = take_current();
	PWK_DEBUG_ASSERT(t->state == PWK_THREAD_WAITING);
	switch_away(t);
}

void pwk__sched_tick(void)
{
	struct pwk_thread *t = take_current();
	PWK_ASSERT(t->state == PWK_THREAD_RUNNING);
	pwk__sched_enqueue(t, false);
	switch_away(t);
}

void pwk__sched_preempt_check(void)
{
	struct pwk_thread *t = pwk__sched_now.current;
	PWK_ASSERT(t != NULL && t->state == PWK_THREAD_RUNNING);
	if (pwk__sched_now.ready_mask == 0 || highest_ready_priority() <= t->priority) {
		return;
	}
	take_current();
	pwk__sched_enqueue(t, true);
	switch_away(t);
}

_Noreturn void pwk__sched_exit(void)
{
	struct pwk_thread *t = take_current();
	PWK_ASSERT(t->state == PWK_THREAD_TERMINATED || t->state == PWK_THREAD_STOPPED);
	struct pwk_thread *next = next_thread();
	PWK_ASSERT(next != t);
	switch_to(t->index, next);
	PWK_UNREACHABLE();
}

_Noreturn void pwk__sched_start(void)
{
	PWK_ASSERT(pwk__sched_now.current == NULL);
	switch_to(PWK_NONE, next_thread());
	PWK_UNREACHABLE();
}

const struct pwk_list *pwk__sched_run_queue(uint32_t priority)
{
	PWK_ASSERT(priority < PWK_PRIORITIES);
	return &sched.queues[priority];
}

const struct pwk_thread *pwk__sched_lone(void)
{
	return sched.lone;
}
