/* SPDX-License-Identifier: Apache-2.0 */
/*
 * wait_group.h — wait groups (pw_kernel §2.3): a set of (object, mask,
 * user_data) members kept in a signaled and an unsignaled list, most
 * recently changed first. A wait group has no signals of its own.
 */
#ifndef PWK_WAIT_GROUP_H
#define PWK_WAIT_GROUP_H

#include "object.h"

/* Boot: empties the pool. */
void pwk__wait_group_reset_all(void);

/* Boot: a new empty wait group for object `index`. */
struct pwk_object *pwk__wait_group_create(uint32_t index);

struct pwk_wait_group *pwk__wait_group_from_object(struct pwk_object *obj);

/* wait_group_add: `member` (not a wait group, in no group) joins `wg`; it is
 * classified, not announced (current waiters are not woken). */
void pwk__wait_group_add(struct pwk_wait_group *wg, struct pwk_object *member, pwk_signals_t mask,
			 pwk_word_t user_data);

/* wait_group_remove: NOT_FOUND unless `member` is in `wg`. */
pwk_status_t pwk__wait_group_remove(struct pwk_wait_group *wg, struct pwk_object *member);

/* True when `wg` has no members (object_wait is then INVALID_ARGUMENT). */
bool pwk__wait_group_empty(const struct pwk_wait_group *wg);

/* The most recently signaled member's result, if any member is signaled. */
bool pwk__wait_group_poll(const struct pwk_wait_group *wg, struct pwk_wait_result *result);

/* A member's signals changed: reclassify it and wake waiters. */
void pwk__wait_group_member_changed(struct pwk_object *member);

/* Process join: detaches every member. */
void pwk__wait_group_reset(struct pwk_wait_group *wg);

#endif /* PWK_WAIT_GROUP_H */
