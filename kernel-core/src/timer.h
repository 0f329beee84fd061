/* SPDX-License-Identifier: Apache-2.0 */
/*
 * timer.h — the one deadline queue, ordered by (deadline, sequence number),
 * so equal deadlines fire in the order they were armed. The HAL is armed
 * with the earliest deadline whenever it changes.
 */
#ifndef PWK_TIMER_H
#define PWK_TIMER_H

#include "thread.h"

/* Boot: empty queue, HAL disarmed. */
void pwk__timer_reset(void);

/* Queues `t`'s wait deadline (finite, not yet queued). */
void pwk__timer_add(struct pwk_thread *t, pwk_instant_t deadline);

/* Takes `t` off the queue if it is on it. */
void pwk__timer_remove(struct pwk_thread *t);

/* Wakes, with DEADLINE_EXCEEDED, every thread whose deadline <= hal_now(). */
void pwk__timer_fire_expired(void);

#endif /* PWK_TIMER_H */
