/* SPDX-License-Identifier: Apache-2.0 */
/*
 * object.c — the object table, handle lookup, signal updates with edge
 * capture, and blocking on an object (pw_kernel §2.1).
 *
 * Invariant: a thread is on at most one waiter list (wait.object names it),
 * and stays there from the moment it blocks until it runs again, even after
 * its wait has been decided, so that a signal raised and lowered before it
 * runs is still reported to it.
 */
#include "object.h"

#include "assert.h"
#include "boot.h"
#include "channel.h"
#include "limits.h"
#include "sched.h"
#include "timer.h"
#include "trace.h"
#include "wait.h"
#include "wait_group.h"

struct pwk_object *pwk__object_table[PWK_OBJECTS_MAX];
struct pwk_object_slice pwk__object_slices[PWK_PROCESSES_MAX];

void pwk__object_reset_table(const struct pwk_system_desc *system)
{
	PWK_ASSERT(system->process_count <= PWK_PROCESSES_MAX);
	for (uint32_t i = 0; i < PWK_OBJECTS_MAX; i++) {
		pwk__object_table[i] = NULL;
	}
	for (uint32_t i = 0; i < PWK_PROCESSES_MAX; i++) {
		const bool exists = i < system->process_count;
		pwk__object_slices[i].first = exists ? system->processes[i].first_object : 0;
		pwk__object_slices[i].count = exists ? system->processes[i].object_count : 0;
	}
}

void pwk__object_init(struct pwk_object *obj, pwk_object_type_t type, uint32_t index,
		      pwk_signals_t initial)
{
	PWK_ASSERT((initial & ~PWK_SIGNAL_VALID) == 0);
	obj->type = type;
	obj->index = index;
	obj->signals = initial;
	pwk__list_init(&obj->waiters);
	obj->group = NULL;
	pwk__node_init(&obj->group_link);
	obj->group_mask = 0;
	obj->group_user_data = 0;
	obj->group_signaled = false;
}

void pwk__object_register(uint32_t index, struct pwk_object *obj)
{
	PWK_ASSERT(index < PWK_OBJECTS_MAX);
	PWK_ASSERT(pwk__object_table[index] == NULL);
	pwk__object_table[index] = obj;
	if (obj->index == PWK_NONE) {
		obj->index = index;
	}
}

struct pwk_object *pwk__object_get(uint32_t index)
{
	PWK_ASSERT(index < pwk__system()->object_count);
	PWK_ASSERT(pwk__object_table[index] != NULL);
	return pwk__object_table[index];
}

pwk_status_t pwk__object_lookup(uint32_t process, pwk_word_t handle, struct pwk_object **obj,
				uint32_t *index)
{
	PWK_ASSERT(process < pwk__system()->process_count);
	/* The fast path's lookup (the boot-time slices), with the record. */
	if (pwk__object_lookup_quiet(process, handle, index) == NULL) {
		return PWK_USER_ERROR(PWK_OUT_OF_RANGE, "handle not in the caller's object table");
	}
	*obj = pwk__object_get(*index);
	return PWK_OK;
}

void pwk__object_notify(struct pwk_object *obj, pwk_signals_t match,
			const struct pwk_wait_result *result)
{
	struct pwk_list_node *node = pwk__list_first(&obj->waiters);
	for (uint32_t i = 0; node != NULL; i++) {
		PWK_ASSERT(i < PWK_WAITERS_MAX);
		struct pwk_thread *t = PWK_CONTAINER_OF(node, struct pwk_thread, wait_link);
		PWK_ASSERT(t->wait.object == obj);
		if ((t->wait.mask & match) != 0) {
			/* A wait already decided by its deadline or by termination
			 * keeps that outcome; one decided by a signal reports the
			 * latest matching signals. */
			if (!t->wait.woken || t->wait.status == PWK_OK) {
				t->wait.result = *result;
			}
			pwk__sched_wake(t, PWK_OK);
		}
		node = pwk__list_next(&obj->waiters, node);
	}
}

void pwk__object_signals_tell(struct pwk_object *obj)
{
	if (obj->signals != 0 && !pwk__list_empty(&obj->waiters)) {
		const struct pwk_wait_result result = {.user_data = 0, .signals = obj->signals};
		pwk__object_notify(obj, obj->signals, &result);
	}
	if (obj->group != NULL) {
		pwk__wait_group_member_changed(obj);
	}
}

pwk_status_t pwk__object_block(struct pwk_object *obj, uint32_t index, pwk_signals_t mask,
			       pwk_instant_t deadline, struct pwk_wait_result *result)
{
	struct pwk_thread *t = pwk__sched_current();
	PWK_ASSERT(t != NULL && t->state == PWK_THREAD_RUNNING);
	PWK_ASSERT(t->wait.object == NULL);
	/* Every wait is interruptible: a thread asked to exit does not sleep. */
	if (t->terminating) {
		return PWK_CANCELLED;
	}
	/* Exact deadlines: one not after now is already exceeded. With tick
	 * granularity it is queued like any other and ends at the next tick,
	 * so a failed poll lets other threads run meanwhile. */
	if (pwk__timer_exact() && deadline <= hal_now()) {
		return PWK_DEADLINE_EXCEEDED;
	}
	pwk__object_wait_begin(t, obj, index, mask, deadline);
	pwk__sched_block();
	return pwk__object_wait_end(t, result);
}

pwk_status_t pwk__object_wait(struct pwk_object *obj, uint32_t index, pwk_signals_t mask,
			      pwk_instant_t deadline, struct pwk_wait_result *result)
{
	PWK_ASSERT((mask & ~PWK_SIGNAL_MASK_VALID) == 0);
	if (obj->type == PWK_OBJECT_WAIT_GROUP) {
		struct pwk_wait_group *wg = pwk__wait_group_from_object(obj);
		PWK_ASSERT(!pwk__wait_group_empty(wg));
		if (pwk__wait_group_poll(wg, result)) {
			return PWK_OK;
		}
	} else if ((obj->signals & mask) != 0) {
		/* All active signals are reported, not only the masked ones. */
		result->user_data = 0;
		result->signals = obj->signals;
		return PWK_OK;
	}
	return pwk__object_block(obj, index, mask, deadline, result);
}

void pwk__object_reset(struct pwk_object *obj)
{
	switch (obj->type) {
	case PWK_OBJECT_CHANNEL_INITIATOR:
	case PWK_OBJECT_CHANNEL_HANDLER:
		pwk__channel_reset(pwk__channel_from_object(obj));
		break;
	case PWK_OBJECT_WAIT_GROUP:
		pwk__wait_group_reset(pwk__wait_group_from_object(obj));
		break;
	case PWK_OBJECT_INTERRUPT:
	case PWK_OBJECT_THREAD:
	case PWK_OBJECT_PROCESS:
		/* pw_kernel resets nothing of these (§2.7, §9.10). */
		break;
	}
}
