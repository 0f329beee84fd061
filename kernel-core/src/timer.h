/* SPDX-License-Identifier: Apache-2.0 */
/*
 * timer.h — the one deadline queue, ordered by (deadline, sequence number),
 * so equal deadlines fire in the order they were armed.
 *
 * Two granularities, chosen at boot (PWK_BOOT_EXACT_DEADLINES):
 *  - tick (the default, pw_kernel's): the queue is examined on the
 *    scheduler tick and while the kernel idles. A wait whose deadline has
 *    passed is queued like any other, so a failed poll ends at the next
 *    tick. The HAL timer is armed only while the kernel idles (a tickless
 *    idle: it wakes for the earliest deadline).
 *  - exact: a deadline fires when hal_now() reaches it; the HAL timer is
 *    always armed with the earliest one.
 */
#ifndef PWK_TIMER_H
#define PWK_TIMER_H

#include "thread.h"

/* Boot: empty queue, HAL disarmed, with the given granularity. */
void pwk__timer_reset(bool exact);

/* Set at boot by pwk__timer_reset() only; read through pwk__timer_exact()
 * (inline: the IPC fast path asks on every wait). */
extern PWK__SHARED bool pwk__timer_exact_deadlines;

/* True when deadlines are exact (PWK_BOOT_EXACT_DEADLINES). */
static inline bool pwk__timer_exact(void)
{
	return pwk__timer_exact_deadlines;
}

/* Queues `t`'s wait deadline (finite, not yet queued). */
void pwk__timer_add(struct pwk_thread *t, pwk_instant_t deadline);

/* Takes `t` off the queue if it is on it. */
void pwk__timer_remove(struct pwk_thread *t);

/* Re-arms the HAL for the scheduler's state: called when the kernel starts
 * and stops idling (the tick granularity arms the HAL only while idle). */
void pwk__timer_rearm(void);

/* Wakes, with DEADLINE_EXCEEDED, every thread whose deadline <= hal_now(). */
void pwk__timer_fire_expired(void);

#endif /* PWK_TIMER_H */
