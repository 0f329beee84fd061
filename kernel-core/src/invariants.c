/* SPDX-License-Identifier: Apache-2.0 */
/*
 * invariants.c — pwk_check_invariants(): the kernel's whole state against
 * the invariants that sched.c, object.c, channel.c, wait_group.c and
 * process.c state in their comments, checked from outside them. For
 * fuzzers and tests (fuzz/syscall_fuzz.c checks after every syscall); no
 * kernel path calls it.
 *
 * It reports instead of asserting, and reads each list by its raw links
 * with a bound (never through list.h, whose helpers assert), so that a
 * corrupted state gives a failure to print, not a panic or a wild walk.
 * Thread nodes are found by comparing addresses with every thread's own,
 * never by trusting a node's container.
 */
#include <pwk/kernel.h>

#include "assert.h"
#include "boot.h"
#include "inspect.h"
#include "limits.h"
#include "process.h"
#include "sched.h"
#include "thread.h"

#define RWE (PWK_SIGNAL_READABLE | PWK_SIGNAL_WRITEABLE | PWK_SIGNAL_ERROR)

/* On the first broken invariant: says what, about which thread, object or
 * process (the others PWK_NONE), and makes the check return false. */
#define CHECK_ABOUT(cond, text, t, o, p)                                                           \
	do {                                                                                       \
		if (!(cond)) {                                                                     \
			*out = (struct pwk_invariant_failure){                                     \
				.what = (text), .thread = (t), .object = (o), .process = (p)};     \
			return false;                                                              \
		}                                                                                  \
	} while (0)
#define CHECK(cond, text)            CHECK_ABOUT(cond, text, PWK_NONE, PWK_NONE, PWK_NONE)
#define CHECK_THREAD(cond, text, t)  CHECK_ABOUT(cond, text, t, PWK_NONE, PWK_NONE)
#define CHECK_OBJECT(cond, text, o)  CHECK_ABOUT(cond, text, PWK_NONE, o, PWK_NONE)
#define CHECK_PROCESS(cond, text, p) CHECK_ABOUT(cond, text, PWK_NONE, PWK_NONE, p)

static uint32_t thread_count(void)
{
	return pwk__system()->thread_count;
}

/* The thread whose node at `link_offset` (run_link, wait_link) is `node`,
 * or NULL. */
static struct pwk_thread *thread_by_link(const struct pwk_list_node *node, size_t link_offset)
{
	for (uint32_t i = 0; i < thread_count(); i++) {
		struct pwk_thread *t = pwk__thread_get(i);
		if ((const char *)node == (const char *)t + link_offset) {
			return t;
		}
	}
	return NULL;
}

/* Walks `list` by its links: false unless every node's neighbours point
 * back at it and the walk returns to the head within `bound` nodes. */
static bool list_walk(const struct pwk_list *list, uint32_t bound, uint32_t *length)
{
	const struct pwk_list_node *node = &list->head;
	for (uint32_t n = 0; n <= bound; n++) {
		const struct pwk_list_node *next = node->next;
		if (next == NULL || next->prev != node) {
			return false;
		}
		if (next == &list->head) {
			*length = n;
			return true;
		}
		node = next;
	}
	return false;
}

/* The object whose group_link is `node`, or NULL. */
static const struct pwk_object *object_by_group_link(const struct pwk_list_node *node)
{
	const struct pwk_system_desc *s = pwk__system();
	for (uint32_t i = 0; i < s->object_count; i++) {
		const struct pwk_object *obj = pwk__object_get(i);
		if (node == &obj->group_link) {
			return obj;
		}
	}
	return NULL;
}

/* The process whose object table holds global index `index`. */
static uint32_t owner_of(uint32_t index)
{
	const struct pwk_system_desc *s = pwk__system();
	for (uint32_t p = 0; p < s->process_count; p++) {
		const struct pwk_process_desc *d = &s->processes[p];
		if (index >= d->first_object && index - d->first_object < d->object_count) {
			return p;
		}
	}
	return PWK_NONE;
}

static bool process_started(uint32_t process)
{
	return process != PWK_NONE && pwk__process_get(process)->state != PWK_PROCESS_INACTIVE;
}

/* Scheduler and wait state of thread `t`: one place at a time. */
static bool check_thread(const struct pwk_thread *t, struct pwk_invariant_failure *out)
{
	uint32_t i = t->index;
	bool queued =
		t->run_link.next != NULL || t->run_link.prev != NULL || pwk__sched_lone() == t;
	bool waits = t->wait.object != NULL;
	bool current = pwk__sched_current() == t;
	CHECK_THREAD(t->state <= PWK_THREAD_TERMINATED, "thread state out of range", i);
	CHECK_THREAD(t->process < pwk__system()->process_count && t->priority < PWK_PRIORITIES,
		     "thread's process or priority out of range", i);
	CHECK_THREAD((t->state == PWK_THREAD_RUNNING) == current,
		     "RUNNING thread not the current one, or current thread not RUNNING", i);
	CHECK_THREAD(queued == (t->state == PWK_THREAD_READY),
		     "thread on a run queue is not READY, or READY thread on no run queue", i);
	CHECK_THREAD(waits == (t->wait_link.next != NULL || t->wait_link.prev != NULL),
		     "thread's wait object and its place on a waiter list disagree", i);
	CHECK_THREAD(t->state != PWK_THREAD_WAITING || (waits && !t->wait.woken),
		     "WAITING thread waits on no object, or its wait is already decided", i);
	CHECK_THREAD(!waits || (t->state == PWK_THREAD_READY && t->wait.woken) ||
			     t->state == PWK_THREAD_WAITING,
		     "thread neither WAITING nor woken and READY is on a waiter list", i);
	CHECK_THREAD(t->timer.queued == (t->state == PWK_THREAD_WAITING &&
					 t->wait.deadline != PWK_INSTANT_MAX),
		     "thread's deadline queued without a timed wait, or a timed wait without it",
		     i);
	CHECK_THREAD(((t->obj.signals & PWK_SIGNAL_JOINABLE) != 0) ==
			     (t->state == PWK_THREAD_TERMINATED),
		     "thread JOINABLE but not exited, or exited and not JOINABLE", i);
	if (!waits) {
		return true;
	}
	const struct pwk_system_desc *s = pwk__system();
	CHECK_THREAD(t->wait.object_index < s->object_count &&
			     pwk__object_get(t->wait.object_index) == t->wait.object,
		     "thread's wait object is not the object its index names", i);
	if (t->state != PWK_THREAD_WAITING) {
		return true;
	}
	/* Edge capture: a signal matching a blocked wait wakes it at once, so
	 * a still-blocked wait's signals are all off. Not so for a wait group:
	 * a member that joins already signaled wakes nobody (pw_kernel §2.3). */
	const struct pwk_object *obj = t->wait.object;
	CHECK_ABOUT(obj->type == PWK_OBJECT_WAIT_GROUP || (obj->signals & t->wait.mask) == 0,
		    "thread still blocked on an object whose signals match its mask", i,
		    t->wait.object_index, PWK_NONE);
	return true;
}

/* Every READY thread is on exactly the queue of its priority. */
static bool check_run_queues(struct pwk_invariant_failure *out)
{
	uint32_t ready = 0, queued = 0;
	for (uint32_t i = 0; i < thread_count(); i++) {
		ready += pwk__thread_get(i)->state == PWK_THREAD_READY;
	}
	for (uint32_t p = 0; p < PWK_PRIORITIES; p++) {
		const struct pwk_list *q = pwk__sched_run_queue(p);
		uint32_t length;
		CHECK(list_walk(q, thread_count(), &length), "run queue links broken");
		for (const struct pwk_list_node *n = q->head.next; n != &q->head; n = n->next) {
			const struct pwk_thread *t =
				thread_by_link(n, offsetof(struct pwk_thread, run_link));
			CHECK(t != NULL, "run queue holds a node that is no thread's");
			CHECK_THREAD(t->priority == p,
				     "thread on the run queue of another priority", t->index);
		}
		queued += length;
	}
	/* The lone thread is its level's only one, kept off the list. */
	const struct pwk_thread *lone = pwk__sched_lone();
	if (lone != NULL) {
		const struct pwk_list *q = pwk__sched_run_queue(lone->priority);
		CHECK_THREAD(lone->run_link.next == NULL && lone->run_link.prev == NULL &&
				     q->head.next == &q->head,
			     "thread held alone at its level is not alone there", lone->index);
		queued++;
	}
	CHECK(queued == ready, "run queues do not hold exactly the READY threads");
	return true;
}

/* `obj`'s waiter list holds threads that wait on it; returns their number. */
static bool check_waiters(const struct pwk_object *obj, uint32_t *count,
			  struct pwk_invariant_failure *out)
{
	CHECK_OBJECT(list_walk(&obj->waiters, thread_count(), count), "waiter list links broken",
		     obj->index);
	for (const struct pwk_list_node *n = obj->waiters.head.next; n != &obj->waiters.head;
	     n = n->next) {
		const struct pwk_thread *t =
			thread_by_link(n, offsetof(struct pwk_thread, wait_link));
		CHECK_OBJECT(t != NULL, "waiter list holds a node that is no thread's", obj->index);
		CHECK_ABOUT(t->wait.object == obj,
			    "thread on the waiter list of an object it does not wait on", t->index,
			    obj->index, PWK_NONE);
	}
	return true;
}

/* A member is on `signaled` iff its signals meet its mask; member_count is
 * the length of both lists. */
static bool check_wait_group(struct pwk_object *obj, struct pwk_invariant_failure *out)
{
	struct pwk_wait_group_view wg;
	pwk__wait_group_view(obj, &wg);
	CHECK_OBJECT(obj->signals == 0, "wait group has signals of its own", obj->index);
	const struct pwk_list *lists[2] = {wg.signaled, wg.unsignaled};
	uint32_t members = 0;
	for (uint32_t l = 0; l < 2; l++) {
		uint32_t length;
		CHECK_OBJECT(list_walk(lists[l], PWK_WAIT_GROUP_MEMBERS_MAX, &length),
			     "wait group member list links broken", obj->index);
		for (const struct pwk_list_node *n = lists[l]->head.next; n != &lists[l]->head;
		     n = n->next) {
			const struct pwk_object *m = object_by_group_link(n);
			CHECK_OBJECT(m != NULL, "wait group list holds a node that is no object's",
				     obj->index);
			bool matches = (m->signals & m->group_mask) != 0;
			CHECK_OBJECT(m->group == wg.self, "wait group member names another group",
				     m->index);
			CHECK_OBJECT(m->group_signaled == (l == 0) && matches == (l == 0),
				     "wait group member on the wrong list for its signals",
				     m->index);
		}
		members += length;
	}
	CHECK_OBJECT(members == wg.member_count, "wait group member count differs from its lists",
		     obj->index);
	return true;
}

/* The pair's signals against its transaction (channel.c's state table, with
 * the stale READABLE and ERROR that a peer's reset leaves, pw_kernel §2.2);
 * a transaction exists only while its initiator's process is started. */
static bool check_channel(struct pwk_object *obj, struct pwk_invariant_failure *out)
{
	struct pwk_channel_view v;
	pwk__channel_view(obj, &v);
	uint32_t at = obj->index;
	CHECK_OBJECT(v.peer == NULL || v.peer_of_peer == obj,
		     "channel end's peer is paired elsewhere", at);
	CHECK_OBJECT(
		(obj->signals & PWK_SIGNAL_USER) == 0 ||
			(v.peer != NULL && process_started(owner_of(v.peer->index))),
		"channel end has USER though its peer's process has not started since its join",
		at);
	if (obj->type == PWK_OBJECT_CHANNEL_HANDLER) {
		CHECK_OBJECT((obj->signals & PWK_SIGNAL_WRITEABLE) == 0,
			     "channel handler is WRITEABLE", at);
		CHECK_OBJECT(v.txn != PWK_TXN_VIEW_PENDING ||
				     (obj->signals & PWK_SIGNAL_READABLE) != 0,
			     "transaction pending, handler not READABLE", at);
		CHECK_OBJECT(v.txn != PWK_TXN_VIEW_RESPONDED ||
				     (obj->signals & PWK_SIGNAL_READABLE) == 0,
			     "transaction responded, handler still READABLE", at);
		return true;
	}
	CHECK_OBJECT(v.peer != NULL, "channel initiator without a handler", at);
	pwk_signals_t s = obj->signals & RWE;
	switch (v.txn) {
	case PWK_TXN_VIEW_NONE:
		CHECK_OBJECT((s & (PWK_SIGNAL_WRITEABLE | PWK_SIGNAL_ERROR)) != 0,
			     "no transaction, initiator neither WRITEABLE nor ERROR", at);
		CHECK_OBJECT((s & PWK_SIGNAL_READABLE) == 0 || (s & PWK_SIGNAL_ERROR) != 0,
			     "no transaction, initiator READABLE without ERROR", at);
		return true;
	case PWK_TXN_VIEW_PENDING:
		CHECK_OBJECT(s == 0, "transaction pending, initiator READABLE, WRITEABLE or ERROR",
			     at);
		break;
	case PWK_TXN_VIEW_RESPONDED:
		CHECK_OBJECT(s == PWK_SIGNAL_READABLE,
			     "transaction responded, initiator not exactly READABLE", at);
		break;
	}
	CHECK_OBJECT(process_started(owner_of(at)),
		     "transaction of an initiator whose process is not started", at);
	return true;
}

/* Every object once (at its first index); the waiters of all of them are
 * exactly the threads that wait. */
static bool check_objects(struct pwk_invariant_failure *out)
{
	const struct pwk_system_desc *s = pwk__system();
	uint32_t listed = 0, waiting = 0;
	for (uint32_t i = 0; i < thread_count(); i++) {
		waiting += pwk__thread_get(i)->wait.object != NULL;
	}
	for (uint32_t i = 0; i < s->object_count; i++) {
		struct pwk_object *obj = pwk__object_get(i);
		CHECK_OBJECT(obj->index < s->object_count && pwk__object_get(obj->index) == obj,
			     "object's index does not name it", i);
		if (obj->index != i) {
			continue; /* a second handle to a process or thread */
		}
		CHECK_OBJECT((obj->signals & ~PWK_SIGNAL_VALID) == 0,
			     "object has an undefined signal", i);
		uint32_t count;
		if (!check_waiters(obj, &count, out)) {
			return false;
		}
		listed += count;
		CHECK_OBJECT((obj->group != NULL) == (obj->group_link.next != NULL),
			     "object's wait group and its place on a member list disagree", i);
		bool ok = true;
		switch (obj->type) {
		case PWK_OBJECT_CHANNEL_INITIATOR:
		case PWK_OBJECT_CHANNEL_HANDLER:
			ok = check_channel(obj, out);
			break;
		case PWK_OBJECT_WAIT_GROUP:
			ok = check_wait_group(obj, out);
			break;
		case PWK_OBJECT_INTERRUPT:
		case PWK_OBJECT_THREAD:
		case PWK_OBJECT_PROCESS:
			break;
		}
		if (!ok) {
			return false;
		}
	}
	CHECK(listed == waiting, "waiter lists do not hold exactly the threads that wait");
	return true;
}

/* live_threads counts the started, not exited threads running in it; a
 * process is JOINABLE exactly when TERMINATED. */
static bool check_processes(struct pwk_invariant_failure *out)
{
	const struct pwk_system_desc *s = pwk__system();
	for (uint32_t p = 0; p < s->process_count; p++) {
		const struct pwk_process *proc = pwk__process_get(p);
		uint32_t live = 0;
		for (uint32_t i = 0; i < thread_count(); i++) {
			const struct pwk_thread *t = pwk__thread_get(i);
			live += t->process == p && t->state != PWK_THREAD_STOPPED &&
				t->state != PWK_THREAD_TERMINATED;
		}
		CHECK_PROCESS(proc->live_threads == live,
			      "process's live thread count differs from its started threads", p);
		CHECK_PROCESS(live == 0 || proc->state == PWK_PROCESS_ACTIVE ||
				      proc->state == PWK_PROCESS_TERMINATING,
			      "threads run in a process that is not ACTIVE or TERMINATING", p);
		CHECK_PROCESS(((proc->obj.signals & PWK_SIGNAL_JOINABLE) != 0) ==
				      (proc->state == PWK_PROCESS_TERMINATED),
			      "process JOINABLE but not TERMINATED, or TERMINATED and not JOINABLE",
			      p);
	}
	return true;
}

bool pwk_check_invariants(struct pwk_invariant_failure *out)
{
	PWK_ASSERT(out != NULL && pwk__system() != NULL);
	for (uint32_t i = 0; i < thread_count(); i++) {
		if (!check_thread(pwk__thread_get(i), out)) {
			return false;
		}
	}
	return check_run_queues(out) && check_objects(out) && check_processes(out);
}
