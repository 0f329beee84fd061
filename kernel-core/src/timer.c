/* SPDX-License-Identifier: Apache-2.0 */
/*
 * timer.c — the one deadline queue (pw_kernel §3.5). By default deadlines
 * have pw_kernel's tick granularity: the queue is examined on the
 * scheduler tick (and while idle), never from the HAL timer while a thread
 * runs. With PWK_BOOT_EXACT_DEADLINES they fire when hal_now() reaches
 * them. In both, PWK_INSTANT_MAX is never queued at all.
 *
 * Invariant: the queue is sorted by (deadline, seq). The HAL is armed with
 * the head's deadline when deadlines are exact or the scheduler idles, and
 * with PWK_INSTANT_MAX otherwise (a thread running with a passed deadline
 * queued must not make the HAL interrupt it at every instruction).
 */
#include "timer.h"

#include "assert.h"
#include "limits.h"
#include "sched.h"

static struct {
	struct pwk_list queue; /* struct pwk_thread.timer_link */
	uint64_t next_seq;
	pwk_instant_t armed;
	bool exact;
} timers;

static struct pwk_thread *thread_of(struct pwk_list_node *node)
{
	return PWK_CONTAINER_OF(node, struct pwk_thread, timer_link);
}

/* Re-arms the HAL if what it should wait for changed. */
static void arm(void)
{
	struct pwk_list_node *head = pwk__list_first(&timers.queue);
	pwk_instant_t earliest = head == NULL ? PWK_INSTANT_MAX : thread_of(head)->wait.deadline;
	if (!timers.exact && !pwk__sched_idle()) {
		earliest = PWK_INSTANT_MAX; /* the tick examines the queue */
	}
	if (earliest != timers.armed) {
		timers.armed = earliest;
		hal_timer_arm(earliest);
	}
}

void pwk__timer_reset(bool exact)
{
	pwk__list_init(&timers.queue);
	timers.next_seq = 0;
	timers.armed = PWK_INSTANT_MAX;
	timers.exact = exact;
	hal_timer_arm(PWK_INSTANT_MAX);
}

bool pwk__timer_exact(void)
{
	return timers.exact;
}

void pwk__timer_rearm(void)
{
	arm();
}

static bool fires_before(const struct pwk_thread *a, const struct pwk_thread *b)
{
	if (a->wait.deadline != b->wait.deadline) {
		return a->wait.deadline < b->wait.deadline;
	}
	return a->timer_seq < b->timer_seq;
}

void pwk__timer_add(struct pwk_thread *t, pwk_instant_t deadline)
{
	PWK_ASSERT(deadline != PWK_INSTANT_MAX);
	PWK_ASSERT(t->wait.deadline == deadline);
	t->timer_seq = timers.next_seq++;
	/* Insert after the last entry that fires before `t`, walking from the
	 * back: a later-armed equal deadline goes behind the earlier ones. */
	struct pwk_list_node *pos = &timers.queue.head;
	struct pwk_list_node *node = timers.queue.head.prev;
	for (uint32_t i = 0; node != &timers.queue.head; i++) {
		PWK_ASSERT(i < PWK_TIMERS_MAX);
		if (fires_before(thread_of(node), t)) {
			pos = node;
			break;
		}
		node = node->prev;
	}
	pwk__list_insert_after(pos, &t->timer_link);
	arm();
	PWK_ASSERT(timers.armed <= deadline || !(timers.exact || pwk__sched_idle()));
}

void pwk__timer_remove(struct pwk_thread *t)
{
	if (!pwk__node_linked(&t->timer_link)) {
		return;
	}
	pwk__list_remove(&t->timer_link);
	arm();
}

void pwk__timer_fire_expired(void)
{
	pwk_instant_t now = hal_now();
	for (uint32_t i = 0; i < PWK_TIMERS_MAX; i++) {
		struct pwk_list_node *head = pwk__list_first(&timers.queue);
		if (head == NULL || thread_of(head)->wait.deadline > now) {
			return;
		}
		/* Waking takes the thread off the queue (and re-arms). */
		pwk__sched_wake(thread_of(head), PWK_DEADLINE_EXCEEDED);
		PWK_ASSERT(pwk__list_first(&timers.queue) != head);
	}
	/* Every thread has at most one entry, so the queue is empty by now. */
	PWK_ASSERT(pwk__list_empty(&timers.queue));
}
