/* SPDX-License-Identifier: Apache-2.0 */
/*
 * list.h — intrusive, circular, doubly linked list with a sentinel head.
 * Run queues, waiter lists, wait-group member lists and the timer queue are
 * all made of nodes embedded in the threads and objects themselves, so the
 * kernel never allocates.
 *
 * Invariant: a node is either unlinked (next == prev == NULL) or in exactly
 * one list; the PWK_DEBUG_ASSERTs below check it where it is used (not in
 * release builds: assert.h). Callers bound their walks by the PWK_*_MAX of what the list holds.
 */
#ifndef PWK_LIST_H
#define PWK_LIST_H

#include <stdbool.h>
#include <stddef.h>

#include "assert.h"

struct pwk_list_node {
	struct pwk_list_node *prev;
	struct pwk_list_node *next;
};

struct pwk_list {
	struct pwk_list_node head;
};

static inline void pwk__list_init(struct pwk_list *list)
{
	list->head.prev = &list->head;
	list->head.next = &list->head;
}

static inline void pwk__node_init(struct pwk_list_node *node)
{
	node->prev = NULL;
	node->next = NULL;
}

static inline bool pwk__node_linked(const struct pwk_list_node *node)
{
	PWK_DEBUG_ASSERT((node->next == NULL) == (node->prev == NULL));
	return node->next != NULL;
}

static inline bool pwk__list_empty(const struct pwk_list *list)
{
	PWK_DEBUG_ASSERT(list->head.next != NULL);
	return list->head.next == &list->head;
}

static inline void pwk__list_insert_after(struct pwk_list_node *pos, struct pwk_list_node *node)
{
	PWK_DEBUG_ASSERT(!pwk__node_linked(node));
	PWK_DEBUG_ASSERT(pwk__node_linked(pos));
	node->prev = pos;
	node->next = pos->next;
	pos->next->prev = node;
	pos->next = node;
}

static inline void pwk__list_push_front(struct pwk_list *list, struct pwk_list_node *node)
{
	pwk__list_insert_after(&list->head, node);
}

static inline void pwk__list_push_back(struct pwk_list *list, struct pwk_list_node *node)
{
	pwk__list_insert_after(list->head.prev, node);
}

static inline void pwk__list_remove(struct pwk_list_node *node)
{
	PWK_DEBUG_ASSERT(pwk__node_linked(node));
	PWK_DEBUG_ASSERT(node->next->prev == node && node->prev->next == node);
	node->prev->next = node->next;
	node->next->prev = node->prev;
	pwk__node_init(node);
}

/* First node, or NULL when the list is empty. */
static inline struct pwk_list_node *pwk__list_first(const struct pwk_list *list)
{
	return pwk__list_empty(list) ? NULL : list->head.next;
}

/* The node after `node` in `list`, or NULL at the end. */
static inline struct pwk_list_node *pwk__list_next(const struct pwk_list *list,
						   const struct pwk_list_node *node)
{
	PWK_DEBUG_ASSERT(pwk__node_linked(node));
	return node->next == &list->head ? NULL : node->next;
}

#endif /* PWK_LIST_H */
