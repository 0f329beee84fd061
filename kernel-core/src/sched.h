/* SPDX-License-Identifier: Apache-2.0 */
/*
 * sched.h — the scheduler (pw_kernel §3): 32 fixed priority levels, a FIFO
 * per level and a bitmask of non-empty levels. The running thread is not in
 * any queue. Placement: preempted → front of its level; started, woken or
 * ticked → back. Nothing else breaks ties, so a run is deterministic.
 */
#ifndef PWK_SCHED_H
#define PWK_SCHED_H

#include "assert.h"
#include "thread.h"

/* Boot: empty queues, no current thread. */
void pwk__sched_reset(void);

/* What is running. Only sched.c writes it; it is visible here so that the
 * two readers below inline into every syscall and trace record. */
struct pwk__sched_now {
	struct pwk_thread *current;
	uint32_t ready_mask; /* bit p set iff run queue p is non-empty */
	bool idle;
};
extern PWK__SHARED struct pwk__sched_now pwk__sched_now;

/* The running thread, or NULL (idle, or before pwk_run()). */
static inline struct pwk_thread *pwk__sched_current(void)
{
	return pwk__sched_now.current;
}

/* True while the scheduler waits in hal_idle() for something to become
 * ready: entry points then only record events and never switch. */
static inline bool pwk__sched_idle(void)
{
	return pwk__sched_now.idle;
}

/* Queues `t` (READY) at the front or the back of its level. */
void pwk__sched_enqueue(struct pwk_thread *t, bool front);

/* Takes READY `t` off its run queue. */
void pwk__sched_dequeue(struct pwk_thread *t);

/* Ends `t`'s wait with `status` (its recorded result stays) and queues it at
 * the back. No-op if the outcome of the wait is already decided. */
void pwk__sched_wake(struct pwk_thread *t, pwk_status_t status);

/* The current thread (already WAITING) gives up the CPU; returns once it has
 * been woken and scheduled again. */
void pwk__sched_block(void);

/* The tick: the current thread goes behind its equals. */
void pwk__sched_tick(void);

/* Before returning to user mode: yields to a strictly higher-priority ready
 * thread (the current one goes to the front of its level). */
void pwk__sched_preempt_check(void);

/* True when a thread of `t`'s priority queued now would be the next to
 * run: nothing is ready at that priority or above. */
static inline bool pwk__sched_runs_next(const struct pwk_thread *t)
{
	return (pwk__sched_now.ready_mask >> t->priority) == 0;
}

/* The current thread (already WAITING) gives up the CPU to `to`, whose wait
 * has just been decided (woken) and which pwk__sched_runs_next(): the same
 * as queueing `to` and pwk__sched_block(), without the run queue (the IPC
 * fast path). Returns once the current thread runs again. */
void pwk__sched_handoff(struct pwk_thread *to);

/* The current thread has exited: switches away for good. */
_Noreturn void pwk__sched_exit(void);

/* pwk_run(): switches to the first thread. */
_Noreturn void pwk__sched_start(void);

#endif /* PWK_SCHED_H */
