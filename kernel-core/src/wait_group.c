/* SPDX-License-Identifier: Apache-2.0 */
/*
 * wait_group.c — wait groups (pw_kernel §2.3).
 *
 * Invariants: a member is on `signaled` iff its signals intersect its mask
 * (group_signaled says which); members move to the front of a list when
 * they change lists, so the head of `signaled` is the most recently
 * signaled member; member_count is the length of both lists together.
 */
#include "wait_group.h"

#include "assert.h"
#include "inspect.h"
#include "limits.h"

struct pwk_wait_group {
	struct pwk_object obj; /* no signals; its waiters wait for a member */
	struct pwk_list signaled;
	struct pwk_list unsignaled;
	uint32_t member_count;
};

static struct {
	struct pwk_wait_group groups[PWK_WAIT_GROUPS_MAX];
	uint32_t count;
} pool;

void pwk__wait_group_reset_all(void)
{
	pool.count = 0;
}

struct pwk_object *pwk__wait_group_create(uint32_t index)
{
	PWK_ASSERT(pool.count < PWK_WAIT_GROUPS_MAX);
	struct pwk_wait_group *wg = &pool.groups[pool.count++];
	pwk__object_init(&wg->obj, PWK_OBJECT_WAIT_GROUP, index, 0);
	pwk__list_init(&wg->signaled);
	pwk__list_init(&wg->unsignaled);
	wg->member_count = 0;
	return &wg->obj;
}

struct pwk_wait_group *pwk__wait_group_from_object(struct pwk_object *obj)
{
	PWK_ASSERT(obj->type == PWK_OBJECT_WAIT_GROUP);
	struct pwk_wait_group *wg = PWK_CONTAINER_OF(obj, struct pwk_wait_group, obj);
	PWK_ASSERT(wg >= &pool.groups[0] && wg < &pool.groups[pool.count]);
	return wg;
}

static struct pwk_object *member_of(struct pwk_list_node *node)
{
	return PWK_CONTAINER_OF(node, struct pwk_object, group_link);
}

static bool matches(const struct pwk_object *member)
{
	return (member->signals & member->group_mask) != 0;
}

void pwk__wait_group_add(struct pwk_wait_group *wg, struct pwk_object *member, pwk_signals_t mask,
			 pwk_word_t user_data)
{
	PWK_ASSERT(member->type != PWK_OBJECT_WAIT_GROUP);
	PWK_ASSERT(member->group == NULL);
	PWK_ASSERT(wg->member_count < PWK_WAIT_GROUP_MEMBERS_MAX);
	member->group = wg;
	member->group_mask = mask;
	member->group_user_data = user_data;
	member->group_signaled = matches(member);
	pwk__list_push_front(member->group_signaled ? &wg->signaled : &wg->unsignaled,
			     &member->group_link);
	wg->member_count++;
}

static void detach(struct pwk_wait_group *wg, struct pwk_object *member)
{
	PWK_ASSERT(member->group == wg);
	PWK_ASSERT(wg->member_count > 0);
	pwk__list_remove(&member->group_link);
	member->group = NULL;
	wg->member_count--;
}

pwk_status_t pwk__wait_group_remove(struct pwk_wait_group *wg, struct pwk_object *member)
{
	if (member->group != wg) {
		return PWK_NOT_FOUND;
	}
	detach(wg, member);
	PWK_ASSERT(!pwk__node_linked(&member->group_link));
	return PWK_OK;
}

bool pwk__wait_group_empty(const struct pwk_wait_group *wg)
{
	PWK_ASSERT((wg->member_count == 0) ==
		   (pwk__list_empty(&wg->signaled) && pwk__list_empty(&wg->unsignaled)));
	return wg->member_count == 0;
}

bool pwk__wait_group_poll(const struct pwk_wait_group *wg, struct pwk_wait_result *result)
{
	struct pwk_list_node *head = pwk__list_first(&wg->signaled);
	if (head == NULL) {
		return false;
	}
	const struct pwk_object *member = member_of(head);
	PWK_ASSERT(member->group == wg && member->group_signaled);
	result->user_data = member->group_user_data;
	result->signals = member->signals;
	return true;
}

void pwk__wait_group_member_changed(struct pwk_object *member)
{
	struct pwk_wait_group *wg = member->group;
	PWK_ASSERT(wg != NULL);
	bool signaled = matches(member);
	if (signaled != member->group_signaled) {
		pwk__list_remove(&member->group_link);
		pwk__list_push_front(signaled ? &wg->signaled : &wg->unsignaled,
				     &member->group_link);
		member->group_signaled = signaled;
	}
	if (signaled) {
		/* Waiters of a group are woken by READABLE in their mask, and are
		 * told which member and with what signals. */
		const struct pwk_wait_result result = {
			.user_data = member->group_user_data,
			.signals = member->signals,
		};
		pwk__object_notify(&wg->obj, PWK_SIGNAL_READABLE, &result);
	}
}

void pwk__wait_group_reset(struct pwk_wait_group *wg)
{
	struct pwk_list *lists[2] = {&wg->signaled, &wg->unsignaled};
	for (uint32_t l = 0; l < 2; l++) {
		for (uint32_t i = 0; i < PWK_WAIT_GROUP_MEMBERS_MAX; i++) {
			struct pwk_list_node *node = pwk__list_first(lists[l]);
			if (node == NULL) {
				break;
			}
			detach(wg, member_of(node));
		}
	}
	PWK_ASSERT(pwk__wait_group_empty(wg));
}

void pwk__wait_group_view(struct pwk_object *obj, struct pwk_wait_group_view *out)
{
	const struct pwk_wait_group *wg = pwk__wait_group_from_object(obj);
	out->self = wg;
	out->signaled = &wg->signaled;
	out->unsignaled = &wg->unsignaled;
	out->member_count = wg->member_count;
}
