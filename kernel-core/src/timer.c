/* SPDX-License-Identifier: Apache-2.0 */
/*
 * timer.c — the one deadline queue (pw_kernel §3.5). By default deadlines
 * have pw_kernel's tick granularity: the queue is examined on the
 * scheduler tick (and while idle), never from the HAL timer while a thread
 * runs. With PWK_BOOT_EXACT_DEADLINES they fire when hal_now() reaches
 * them. In both, PWK_INSTANT_MAX is never queued at all.
 *
 * Invariant: the queue is a pairing heap ordered by (deadline, seq): no
 * node fires before its parent, so the root is the earliest. Adding is
 * O(1) and taking a thread off is amortised O(log n), whatever the number
 * of armed timers (a sorted list walked every later deadline on each add).
 * The HAL is armed with the root's deadline when deadlines are exact or
 * the scheduler idles, and with PWK_INSTANT_MAX otherwise (a thread running
 * with a passed deadline queued must not make the HAL interrupt it at every
 * instruction).
 */
#include "timer.h"

#include "assert.h"
#include "limits.h"
#include "sched.h"

static struct {
	struct pwk_timer_node *root; /* struct pwk_thread.timer */
	uint32_t count;
	uint64_t next_seq;
	pwk_instant_t armed;
} timers;

bool pwk__timer_exact_deadlines;

static struct pwk_thread *thread_of(struct pwk_timer_node *node)
{
	return PWK_CONTAINER_OF(node, struct pwk_thread, timer);
}

/* Re-arms the HAL if what it should wait for changed. */
static void arm(void)
{
	pwk_instant_t earliest =
		timers.root == NULL ? PWK_INSTANT_MAX : thread_of(timers.root)->wait.deadline;
	if (!pwk__timer_exact_deadlines && !pwk__sched_idle()) {
		earliest = PWK_INSTANT_MAX; /* the tick examines the queue */
	}
	if (earliest != timers.armed) {
		timers.armed = earliest;
		hal_timer_arm(earliest);
	}
}

void pwk__timer_reset(bool exact)
{
	timers.root = NULL;
	timers.count = 0;
	timers.next_seq = 0;
	timers.armed = PWK_INSTANT_MAX;
	pwk__timer_exact_deadlines = exact;
	hal_timer_arm(PWK_INSTANT_MAX);
}

void pwk__timer_rearm(void)
{
	arm();
}

/* A total order (seq is unique): the heap's shape never depends on
 * anything but the order threads were armed in. */
static bool fires_before(struct pwk_timer_node *a, struct pwk_timer_node *b)
{
	const struct pwk_thread *ta = thread_of(a);
	const struct pwk_thread *tb = thread_of(b);
	if (ta->wait.deadline != tb->wait.deadline) {
		return ta->wait.deadline < tb->wait.deadline;
	}
	return ta->timer_seq < tb->timer_seq;
}

/* Joins two heaps (either may be empty); the later root becomes the first
 * child of the earlier one. */
static struct pwk_timer_node *meld(struct pwk_timer_node *a, struct pwk_timer_node *b)
{
	if (a == NULL || b == NULL) {
		return a == NULL ? b : a;
	}
	PWK_ASSERT(a->prev == NULL && a->next == NULL);
	PWK_ASSERT(b->prev == NULL && b->next == NULL);
	if (fires_before(b, a)) {
		struct pwk_timer_node *t = a;
		a = b;
		b = t;
	}
	b->next = a->child;
	if (a->child != NULL) {
		a->child->prev = b;
	}
	b->prev = a;
	a->child = b;
	return a;
}

/* Takes the first heap off a sibling list, leaving it a lone root. */
static struct pwk_timer_node *pop_sibling(struct pwk_timer_node **list)
{
	struct pwk_timer_node *n = *list;
	if (n != NULL) {
		*list = n->next;
		n->next = NULL;
		n->prev = NULL;
	}
	return n;
}

/* The standard two-pass merge of a sibling list into one heap: meld pairs
 * left to right, then the pairs right to left. */
static struct pwk_timer_node *merge_siblings(struct pwk_timer_node *first)
{
	struct pwk_timer_node *pairs = NULL; /* a stack, linked by next */
	for (uint32_t i = 0; first != NULL; i++) {
		PWK_ASSERT(i < PWK_TIMERS_MAX);
		struct pwk_timer_node *a = pop_sibling(&first);
		struct pwk_timer_node *m = meld(a, pop_sibling(&first));
		m->next = pairs;
		pairs = m;
	}
	struct pwk_timer_node *heap = NULL;
	for (uint32_t i = 0; pairs != NULL; i++) {
		PWK_ASSERT(i < PWK_TIMERS_MAX);
		heap = meld(heap, pop_sibling(&pairs));
	}
	return heap;
}

void pwk__timer_add(struct pwk_thread *t, pwk_instant_t deadline)
{
	PWK_ASSERT(deadline != PWK_INSTANT_MAX);
	PWK_ASSERT(t->wait.deadline == deadline);
	PWK_ASSERT(!t->timer.queued && timers.count < PWK_TIMERS_MAX);
	t->timer_seq = timers.next_seq++;
	t->timer = (struct pwk_timer_node){NULL, NULL, NULL, true};
	timers.root = meld(timers.root, &t->timer);
	timers.count++;
	arm();
	PWK_ASSERT(timers.armed <= deadline || !(pwk__timer_exact_deadlines || pwk__sched_idle()));
}

/* Unlinks the subtree rooted at `n` (not the root) from its parent or left
 * sibling. */
static void detach(struct pwk_timer_node *n)
{
	PWK_ASSERT(n->prev != NULL);
	if (n->prev->child == n) {
		n->prev->child = n->next;
	} else {
		n->prev->next = n->next;
	}
	if (n->next != NULL) {
		n->next->prev = n->prev;
	}
	n->next = NULL;
	n->prev = NULL;
}

void pwk__timer_remove(struct pwk_thread *t)
{
	struct pwk_timer_node *n = &t->timer;
	if (!n->queued) {
		return;
	}
	PWK_ASSERT(timers.count > 0);
	struct pwk_timer_node *children = n->child;
	if (n == timers.root) {
		timers.root = merge_siblings(children);
	} else {
		detach(n);
		timers.root = meld(timers.root, merge_siblings(children));
	}
	*n = (struct pwk_timer_node){NULL, NULL, NULL, false};
	timers.count--;
	PWK_ASSERT((timers.count == 0) == (timers.root == NULL));
	arm();
}

void pwk__timer_fire_expired(void)
{
	pwk_instant_t now = hal_now();
	for (uint32_t i = 0; i < PWK_TIMERS_MAX; i++) {
		struct pwk_timer_node *head = timers.root;
		if (head == NULL || thread_of(head)->wait.deadline > now) {
			return;
		}
		/* Waking takes the thread off the queue (and re-arms). */
		pwk__sched_wake(thread_of(head), PWK_DEADLINE_EXCEEDED);
		PWK_ASSERT(timers.root != head);
	}
	/* Every thread has at most one entry, so the queue is empty by now. */
	PWK_ASSERT(timers.root == NULL);
}
