/* SPDX-License-Identifier: Apache-2.0 */
/*
 * wait.h — the two halves of a thread's wait on an object around the
 * switch away and back (pwk__object_block() and the IPC fast path). Inline:
 * a round trip has two of each.
 */
#ifndef PWK_WAIT_H
#define PWK_WAIT_H

#include "assert.h"
#include "thread.h"
#include "timer.h"

/* Puts running `t` on `obj`'s waiters: WAITING for `mask`, with `deadline`
 * queued unless it is PWK_INSTANT_MAX. `index` is the global object index
 * (for reports). */
static inline void pwk__object_wait_begin(struct pwk_thread *t, struct pwk_object *obj,
					  uint32_t index, pwk_signals_t mask,
					  pwk_instant_t deadline)
{
	t->wait.object = obj;
	t->wait.object_index = index;
	t->wait.mask = mask;
	t->wait.deadline = deadline;
	t->wait.woken = false;
	t->wait.status = PWK_UNKNOWN;
	t->wait.result.user_data = 0;
	t->wait.result.signals = 0;
	pwk__list_push_back(&obj->waiters, &t->wait_link);
	if (deadline != PWK_INSTANT_MAX) {
		pwk__timer_add(t, deadline);
	}
	t->state = PWK_THREAD_WAITING;
}

/* Takes `t`, running again, off the waiters; returns the wait's status and
 * result. */
static inline pwk_status_t pwk__object_wait_end(struct pwk_thread *t,
						struct pwk_wait_result *result)
{
	PWK_DEBUG_ASSERT(t->wait.woken && t->state == PWK_THREAD_RUNNING);
	PWK_DEBUG_ASSERT(!t->timer.queued);
	pwk__list_remove(&t->wait_link);
	t->wait.object = NULL;
	*result = t->wait.result;
	return t->wait.status;
}

#endif /* PWK_WAIT_H */
