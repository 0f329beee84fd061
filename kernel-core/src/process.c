/* SPDX-License-Identifier: Apache-2.0 */
/*
 * process.c — process lifecycle: start, terminate, exit, join with object
 * reset (pw_kernel §1.7, §2.6, §2.7).
 *
 * Invariant: live_threads counts the threads started in the process that
 * have not exited; a TERMINATING process becomes TERMINATED (and JOINABLE)
 * exactly when it reaches zero. Unlike pw_kernel, JOINABLE is never raised
 * for a process that is still ACTIVE (§9.8), and terminating a process that
 * has no live thread ends it at once.
 */
#include "process.h"

#include "assert.h"
#include "boot.h"
#include "copy.h"
#include "limits.h"
#include "sched.h"
#include "thread.h"

static struct pwk_process processes[PWK_PROCESSES_MAX];
static uint32_t process_count;

void pwk__process_reset_all(const struct pwk_system_desc *system)
{
	PWK_ASSERT(system->process_count <= PWK_PROCESSES_MAX);
	process_count = system->process_count;
	for (uint32_t i = 0; i < process_count; i++) {
		struct pwk_process *p = &processes[i];
		pwk_zero(p, sizeof(*p)); /* nothing survives from an earlier boot */
		pwk__object_init(&p->obj, PWK_OBJECT_PROCESS, PWK_NONE, 0);
		p->index = i;
		p->desc = &system->processes[i];
		p->state = PWK_PROCESS_INACTIVE;
		p->live_threads = 0;
		p->exit_tag = PWK_EXIT_SUCCESS;
		p->exit_payload = 0;
	}
}

struct pwk_process *pwk__process_get(uint32_t index)
{
	PWK_ASSERT(index < process_count);
	PWK_ASSERT(processes[index].index == index);
	return &processes[index];
}

struct pwk_process *pwk__process_from_object(struct pwk_object *obj)
{
	PWK_ASSERT(obj->type == PWK_OBJECT_PROCESS);
	struct pwk_process *p = PWK_CONTAINER_OF(obj, struct pwk_process, obj);
	PWK_ASSERT(p >= &processes[0] && p < &processes[process_count]);
	return p;
}

bool pwk__process_accepts_threads(const struct pwk_process *p)
{
	return p->state == PWK_PROCESS_ACTIVE;
}

bool pwk__process_terminating(const struct pwk_process *p)
{
	return p->state == PWK_PROCESS_TERMINATING;
}

/* True when thread `i` is one that starts with process `p`. */
static bool starts_with(const struct pwk_process *p, uint32_t i)
{
	const struct pwk_thread_desc *d = &pwk__system()->threads[i];
	return d->process == p->index && d->start_with_process;
}

pwk_status_t pwk__process_start(struct pwk_process *p)
{
	const struct pwk_system_desc *system = pwk__system();
	if (p->state != PWK_PROCESS_INACTIVE) {
		return PWK_ALREADY_EXISTS;
	}
	for (uint32_t i = 0; i < system->thread_count; i++) {
		if (starts_with(p, i) && pwk__thread_get(i)->state != PWK_THREAD_STOPPED) {
			return PWK_ALREADY_EXISTS;
		}
	}
	PWK_ASSERT(p->live_threads == 0);
	hal_process_starting(p->index);
	p->state = PWK_PROCESS_ACTIVE;
	p->exit_tag = PWK_EXIT_SUCCESS;
	p->exit_payload = 0;
	for (uint32_t i = 0; i < system->thread_count; i++) {
		if (starts_with(p, i)) {
			const struct pwk_thread_desc *d = &system->threads[i];
			pwk__thread_launch(pwk__thread_get(i), p->index, d->entry, d->stack_top,
					   p->desc->index_in_app, p->desc->start_arg1, 0);
		}
	}
	return PWK_OK;
}

static void become_terminated(struct pwk_process *p)
{
	PWK_ASSERT(p->state == PWK_PROCESS_TERMINATING);
	PWK_ASSERT(p->live_threads == 0);
	p->state = PWK_PROCESS_TERMINATED;
	pwk__object_signals_update(&p->obj, 0, PWK_SIGNAL_JOINABLE);
}

void pwk__process_kill(struct pwk_process *p, pwk_exit_tag_t tag, pwk_word_t payload)
{
	PWK_ASSERT(p->state != PWK_PROCESS_INACTIVE);
	if (p->state != PWK_PROCESS_ACTIVE) {
		return; /* already ending: the first status wins */
	}
	p->state = PWK_PROCESS_TERMINATING;
	p->exit_tag = tag;
	p->exit_payload = payload;
	const uint32_t thread_count = pwk__system()->thread_count;
	for (uint32_t i = 0; i < thread_count; i++) {
		struct pwk_thread *t = pwk__thread_get(i);
		if (t->process == p->index && t->state != PWK_THREAD_STOPPED &&
		    t->state != PWK_THREAD_TERMINATED) {
			pwk__thread_mark_terminating(t, PWK_EXIT_PROCESS_TERMINATED, 0, true);
		}
	}
	if (p->state == PWK_PROCESS_TERMINATING && p->live_threads == 0) {
		become_terminated(p);
	}
}

pwk_status_t pwk__process_terminate(struct pwk_process *p)
{
	if (p->state == PWK_PROCESS_INACTIVE) {
		return PWK_FAILED_PRECONDITION;
	}
	pwk__process_kill(p, PWK_EXIT_TERMINATED_BY_SYSCALL, 0);
	return PWK_OK;
}

_Noreturn void pwk__process_exit(struct pwk_process *p, pwk_exit_tag_t tag, pwk_word_t payload)
{
	PWK_ASSERT(pwk__sched_current() != NULL);
	PWK_ASSERT(pwk__sched_current()->process == p->index);
	pwk__process_kill(p, tag, payload);
	pwk__thread_exit(PWK_EXIT_PROCESS_TERMINATED, 0);
}

/* Unlike pw_kernel, joining a process also joins the threads that exited in
 * it (thread_exit while it was ACTIVE) and were never joined: an unjoined
 * main thread would otherwise make process_start fail for ever. */
static void reap_exited_threads(const struct pwk_process *p)
{
	const uint32_t thread_count = pwk__system()->thread_count;
	for (uint32_t i = 0; i < thread_count; i++) {
		struct pwk_thread *t = pwk__thread_get(i);
		if (t->process == p->index && t->state == PWK_THREAD_TERMINATED) {
			pwk__thread_reap(t);
		}
	}
}

pwk_status_t pwk__process_join(struct pwk_process *p, pwk_exit_tag_t *tag, pwk_word_t *payload)
{
	if (p->state == PWK_PROCESS_INACTIVE) {
		return PWK_FAILED_PRECONDITION;
	}
	if (p->state != PWK_PROCESS_TERMINATED) {
		return PWK_UNAVAILABLE;
	}
	*tag = p->exit_tag;
	*payload = p->exit_payload;
	/* Peers see the effects of a process's death only now (§2.7). */
	const struct pwk_process_desc *d = p->desc;
	for (uint32_t i = 0; i < d->object_count; i++) {
		pwk__object_reset(pwk__object_get(d->first_object + i));
	}
	reap_exited_threads(p);
	p->state = PWK_PROCESS_INACTIVE;
	pwk__object_signals_update(&p->obj, PWK_SIGNAL_JOINABLE, 0);
	PWK_ASSERT(p->live_threads == 0);
	return PWK_OK;
}

void pwk__process_thread_added(struct pwk_process *p)
{
	PWK_ASSERT(p->state == PWK_PROCESS_ACTIVE);
	PWK_ASSERT(p->live_threads < PWK_THREADS_MAX);
	p->live_threads++;
}

void pwk__process_thread_removed(struct pwk_process *p)
{
	PWK_ASSERT(p->live_threads > 0);
	PWK_ASSERT(p->state != PWK_PROCESS_INACTIVE && p->state != PWK_PROCESS_TERMINATED);
	p->live_threads--;
	if (p->live_threads == 0 && p->state == PWK_PROCESS_TERMINATING) {
		become_terminated(p);
	}
}
