/* SPDX-License-Identifier: Apache-2.0 */
/*
 * inspect.h — read-only views of state that the owning file keeps private
 * (run queues, channel transactions, wait-group lists), for the invariant
 * check (invariants.c) and nothing else: no kernel path decides anything
 * from them. Each is defined at the end of the file that owns the state.
 */
#ifndef PWK_INSPECT_H
#define PWK_INSPECT_H

#include "object.h"

/* Run queue `priority` (< PWK_PRIORITIES): struct pwk_thread.run_link nodes. */
const struct pwk_list *pwk__sched_run_queue(uint32_t priority);

/* The READY thread queued alone at its level but held off that level's
 * list (sched.c), or NULL: it counts as on its run queue. */
const struct pwk_thread *pwk__sched_lone(void);

/* A channel pair's transaction, as its record in the handler says. */
enum pwk_txn_view {
	PWK_TXN_VIEW_NONE,
	PWK_TXN_VIEW_PENDING,
	PWK_TXN_VIEW_RESPONDED,
};

struct pwk_channel_view {
	const struct pwk_object *peer; /* NULL: an unpaired handler */
	const struct pwk_object *peer_of_peer;
	enum pwk_txn_view txn;
};

/* The view of channel end `obj` (an initiator or a handler). */
void pwk__channel_view(struct pwk_object *obj, struct pwk_channel_view *out);

struct pwk_wait_group_view {
	const struct pwk_wait_group *self; /* what its members' `group` names */
	const struct pwk_list *signaled;   /* struct pwk_object.group_link nodes */
	const struct pwk_list *unsignaled; /* likewise */
	uint32_t member_count;
};

/* The view of wait group `obj`. */
void pwk__wait_group_view(struct pwk_object *obj, struct pwk_wait_group_view *out);

#endif /* PWK_INSPECT_H */
