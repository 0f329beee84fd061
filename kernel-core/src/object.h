/* SPDX-License-Identifier: Apache-2.0 */
/*
 * object.h — the header every kernel object starts with, handle lookup, and
 * the common waiting model (pw_kernel §2.1).
 *
 * Each object has a signal word, a list of threads waiting on it and an
 * optional wait-group membership. Processes and threads embed their object,
 * so the several handles that name one process (its own `process` object and
 * a supervisor's) reach the same signals and waiters.
 */
#ifndef PWK_OBJECT_H
#define PWK_OBJECT_H

#include <pwk/system.h>

#include "assert.h"
#include "boot.h"
#include "limits.h"
#include "list.h"

typedef uint32_t pwk_signals_t;

struct pwk_wait_group;

struct pwk_object {
	pwk_object_type_t type;
	uint32_t index; /* first global object index naming it, or PWK_NONE */
	pwk_signals_t signals;
	struct pwk_list waiters; /* struct pwk_thread.wait_link */
	/* Wait-group membership, stored in the member as in pw_kernel: hence an
	 * object belongs to at most one group. */
	struct pwk_wait_group *group;
	struct pwk_list_node group_link;
	pwk_signals_t group_mask;
	pwk_word_t group_user_data;
	bool group_signaled;
};

/* What a wait returns to user space. */
struct pwk_wait_result {
	pwk_word_t user_data;
	pwk_signals_t signals;
};

/* Boot: clears the object table and copies each process's handle table
 * slice from `system` (checked) into pwk__object_slices. */
void pwk__object_reset_table(const struct pwk_system_desc *system);

/* Boot: initialises `obj` (no signals but `initial`, no waiters, no group). */
void pwk__object_init(struct pwk_object *obj, pwk_object_type_t type, uint32_t index,
		      pwk_signals_t initial);

/* Boot: global object index `index` names `obj`. */
void pwk__object_register(uint32_t index, struct pwk_object *obj);

/* The object named by global index `index` (must exist). */
struct pwk_object *pwk__object_get(uint32_t index);

/* Resolves `handle` in `process`'s table. OUT_OF_RANGE if the handle is not
 * in the table; the caller checks the type (UNIMPLEMENTED). */
pwk_status_t pwk__object_lookup(uint32_t process, pwk_word_t handle, struct pwk_object **obj,
				uint32_t *index);

/* Tells `obj`'s waiters and wait group that its signals changed (the slow
 * half of pwk__object_signals_update()). */
void pwk__object_signals_tell(struct pwk_object *obj);

/* Clears `clear` then raises `set`; wakes every waiter whose mask matches
 * the new signals (edge capture) and updates the wait group, if any. Inline:
 * most updates have nobody to tell, and then they are an assignment. */
static inline void pwk__object_signals_update(struct pwk_object *obj, pwk_signals_t clear,
					      pwk_signals_t set)
{
	/* The callers' own objects and constant signals: self-checks. */
	PWK_DEBUG_ASSERT(obj->type != PWK_OBJECT_WAIT_GROUP);
	PWK_DEBUG_ASSERT(((clear | set) & ~PWK_SIGNAL_VALID) == 0);
	obj->signals = (obj->signals & ~clear) | set;
	/* With no signal left no waiter's mask matches (edge capture needs a
	 * matching signal): only a group has anything to hear. */
	if ((obj->signals != 0 && !pwk__list_empty(&obj->waiters)) || obj->group != NULL) {
		pwk__object_signals_tell(obj);
	}
	PWK_DEBUG_ASSERT((obj->signals & set) == set);
}

/* Records `result` for every waiter of `obj` whose mask intersects `match`
 * and makes it ready (edge capture: a waiter already woken by a signal has its
 * recorded result overwritten until it runs). */
void pwk__object_notify(struct pwk_object *obj, pwk_signals_t match,
			const struct pwk_wait_result *result);

/* object_wait: returns at once if the condition holds; otherwise blocks the
 * current thread until a matching signal (OK), the deadline
 * (DEADLINE_EXCEEDED) or termination (CANCELLED). A deadline not after now
 * fails at once. `index` is the global object index (for reports). */
pwk_status_t pwk__object_wait(struct pwk_object *obj, uint32_t index, pwk_signals_t mask,
			      pwk_instant_t deadline, struct pwk_wait_result *result);

/* Blocks the current thread on `obj` as above, without the immediate check. */
pwk_status_t pwk__object_block(struct pwk_object *obj, uint32_t index, pwk_signals_t mask,
			       pwk_instant_t deadline, struct pwk_wait_result *result);

/* The global object table, by object index. object.c owns it; it is here
 * for the inline lookup below. */
extern PWK__SHARED struct pwk_object *pwk__object_table[PWK_OBJECTS_MAX];

/* Each process's handle table, the slice of the object table its handles
 * name: a copy of its descriptor's first_object and object_count, made at
 * boot, so that a lookup finds it by the process index alone instead of
 * through the system description. Invariant: equal to the descriptor's. */
struct pwk_object_slice {
	uint32_t first;
	uint32_t count;
};
extern PWK__SHARED struct pwk_object_slice pwk__object_slices[PWK_PROCESSES_MAX];

/* pwk__object_lookup without the user-error record: NULL if `handle` is
 * not in `process`'s table (the fast path then takes the full one). */
static inline struct pwk_object *pwk__object_lookup_quiet(uint32_t process, pwk_word_t handle,
							  uint32_t *index)
{
	const struct pwk_object_slice *slice = &pwk__object_slices[process];
	if (handle >= slice->count) {
		return NULL;
	}
	*index = slice->first + (uint32_t)handle;
	PWK_DEBUG_ASSERT(pwk__object_table[*index] != NULL);
	return pwk__object_table[*index];
}

/* Process join (§2.7): resets `obj` as its owner is restarted. */
void pwk__object_reset(struct pwk_object *obj);

#endif /* PWK_OBJECT_H */
