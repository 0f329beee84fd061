/* SPDX-License-Identifier: Apache-2.0 */
/*
 * thread.c — thread lifecycle: start, terminate (asynchronous), exit, join
 * (pw_kernel §1.7, §2.5, §3.6).
 *
 * Termination only marks a thread and cancels its wait; the thread exits by
 * itself at its next return to user mode (at the end of every kernel
 * entry); a thread that was started but never ran first enters user mode,
 * as in pw_kernel.
 *
 * A thread that exits while its process is terminating is joined by the
 * kernel (back to STOPPED, no JOINABLE), which is what lets process_start
 * reuse it; any other exit leaves it TERMINATED with JOINABLE until joined.
 */
#include "thread.h"

#include "assert.h"
#include "copy.h"
#include "limits.h"
#include "process.h"
#include "sched.h"
#include "trace.h"

static struct pwk_thread threads[PWK_THREADS_MAX];
static uint32_t thread_count;

void pwk__thread_reset_all(const struct pwk_system_desc *system)
{
	PWK_ASSERT(system->thread_count <= PWK_THREADS_MAX);
	thread_count = system->thread_count;
	for (uint32_t i = 0; i < thread_count; i++) {
		struct pwk_thread *t = &threads[i];
		pwk_zero(t, sizeof(*t)); /* nothing survives from an earlier boot */
		pwk__object_init(&t->obj, PWK_OBJECT_THREAD, PWK_NONE, 0);
		t->index = i;
		t->process = system->threads[i].process;
		t->priority = system->threads[i].priority;
		t->state = PWK_THREAD_STOPPED;
		t->terminating = false;
		t->exit_tag = PWK_EXIT_SUCCESS;
		t->exit_payload = 0;
		pwk__node_init(&t->run_link);
		pwk__node_init(&t->wait_link);
		t->timer = (struct pwk_timer_node){NULL, NULL, NULL, false};
		t->timer_seq = 0;
		t->wait.object = NULL;
		t->wait.object_index = PWK_NONE;
		t->wait.mask = 0;
		t->wait.deadline = PWK_INSTANT_MAX;
		t->wait.woken = false;
		t->wait.status = PWK_OK;
		t->wait.result.user_data = 0;
		t->wait.result.signals = 0;
	}
}

struct pwk_thread *pwk__thread_get(uint32_t index)
{
	PWK_ASSERT(index < thread_count);
	PWK_ASSERT(threads[index].index == index);
	return &threads[index];
}

struct pwk_thread *pwk__thread_from_object(struct pwk_object *obj)
{
	PWK_ASSERT(obj->type == PWK_OBJECT_THREAD);
	struct pwk_thread *t = PWK_CONTAINER_OF(obj, struct pwk_thread, obj);
	PWK_ASSERT(t >= &threads[0] && t < &threads[thread_count]);
	return t;
}

void pwk__thread_launch(struct pwk_thread *t, uint32_t process, uintptr_t pc, uintptr_t sp,
			pwk_word_t a0, pwk_word_t a1, pwk_word_t a2)
{
	PWK_ASSERT(t->state == PWK_THREAD_STOPPED);
	struct pwk_process *p = pwk__process_get(process);
	PWK_ASSERT(pwk__process_accepts_threads(p));
	t->process = process;
	t->terminating = false;
	t->exit_tag = PWK_EXIT_SUCCESS;
	t->exit_payload = 0;
	hal_thread_prepare(t->index, process, pc, sp, a0, a1, a2);
	pwk__process_thread_added(p);
	pwk__sched_enqueue(t, false);
	PWK_ASSERT(t->state == PWK_THREAD_READY);
}

pwk_status_t pwk__thread_start(struct pwk_thread *t, uint32_t process, uintptr_t pc, uintptr_t sp)
{
	if (t->state != PWK_THREAD_STOPPED) {
		return PWK_ALREADY_EXISTS;
	}
	if (!pwk__process_accepts_threads(pwk__process_get(process))) {
		return PWK_FAILED_PRECONDITION;
	}
	pwk__thread_launch(t, process, pc, sp, 0, 0, 0);
	return PWK_OK;
}

/* `t` is gone from user mode for good: records the exit and settles the
 * thread and its process. */
static void retire(struct pwk_thread *t)
{
	PWK_ASSERT(t->wait.object == NULL);
	PWK_ASSERT(!pwk__node_linked(&t->run_link) && !t->timer.queued);
	struct pwk_process *p = pwk__process_get(t->process);
	pwk__trace(PWK_TRACE_EXIT, t->index, (uint32_t)t->exit_tag, (uint32_t)t->exit_payload);
	t->terminating = false;
	if (pwk__process_terminating(p)) {
		t->state = PWK_THREAD_STOPPED;
	} else {
		t->state = PWK_THREAD_TERMINATED;
		pwk__object_signals_update(&t->obj, 0, PWK_SIGNAL_JOINABLE);
	}
	pwk__process_thread_removed(p);
}

void pwk__thread_mark_terminating(struct pwk_thread *t, pwk_exit_tag_t tag, pwk_word_t payload,
				  bool override)
{
	PWK_ASSERT(t->state != PWK_THREAD_STOPPED && t->state != PWK_THREAD_TERMINATED);
	if (t->terminating && !override) {
		return;
	}
	t->terminating = true;
	t->exit_tag = tag;
	t->exit_payload = payload;
	switch (t->state) {
	case PWK_THREAD_WAITING:
		pwk__sched_wake(t, PWK_CANCELLED);
		break;
	case PWK_THREAD_READY:
	case PWK_THREAD_RUNNING:
		/* Exits at its next kernel entry. One that never ran enters user
		 * mode first, as pw_kernel's user trampoline checks nothing. */
		break;
	case PWK_THREAD_STOPPED:
	case PWK_THREAD_TERMINATED:
		PWK_UNREACHABLE();
	}
}

pwk_status_t pwk__thread_terminate(struct pwk_thread *t)
{
	if (t->state == PWK_THREAD_STOPPED) {
		return PWK_FAILED_PRECONDITION;
	}
	if (t->state == PWK_THREAD_TERMINATED) {
		/* As pw_kernel: the status of an exited, unjoined thread is
		 * replaced, so its join reports TerminatedBySyscall. */
		t->exit_tag = PWK_EXIT_TERMINATED_BY_SYSCALL;
		t->exit_payload = 0;
		return PWK_OK;
	}
	pwk__thread_mark_terminating(t, PWK_EXIT_TERMINATED_BY_SYSCALL, 0, false);
	return PWK_OK;
}

pwk_status_t pwk__thread_join(struct pwk_thread *t, pwk_exit_tag_t *tag, pwk_word_t *payload)
{
	if (t->state == PWK_THREAD_STOPPED) {
		return PWK_FAILED_PRECONDITION;
	}
	if (t->state != PWK_THREAD_TERMINATED) {
		return PWK_UNAVAILABLE;
	}
	*tag = t->exit_tag;
	*payload = t->exit_payload;
	pwk__thread_reap(t);
	return PWK_OK;
}

void pwk__thread_reap(struct pwk_thread *t)
{
	PWK_ASSERT(t->state == PWK_THREAD_TERMINATED);
	t->state = PWK_THREAD_STOPPED;
	pwk__object_signals_update(&t->obj, PWK_SIGNAL_JOINABLE, 0);
	PWK_ASSERT((t->obj.signals & PWK_SIGNAL_JOINABLE) == 0);
}

static _Noreturn void exit_current(void)
{
	struct pwk_thread *t = pwk__sched_current();
	PWK_ASSERT(t != NULL && t->state == PWK_THREAD_RUNNING);
	retire(t);
	pwk__sched_exit();
}

_Noreturn void pwk__thread_exit(pwk_exit_tag_t tag, pwk_word_t payload)
{
	struct pwk_thread *t = pwk__sched_current();
	PWK_ASSERT(t != NULL);
	t->exit_tag = tag;
	t->exit_payload = payload;
	exit_current();
}

void pwk__thread_exit_if_terminating(void)
{
	struct pwk_thread *t = pwk__sched_current();
	PWK_ASSERT(t != NULL && t->state == PWK_THREAD_RUNNING);
	if (t->terminating) {
		exit_current();
	}
}

void pwk__thread_return_to_user(void)
{
	pwk__thread_exit_if_terminating();
	pwk__sched_preempt_check();
	/* It may have been terminated while it was preempted. */
	pwk__thread_exit_if_terminating();
}
