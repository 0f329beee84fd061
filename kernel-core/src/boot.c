/* SPDX-License-Identifier: Apache-2.0 */
/*
 * boot.c — checks a system description and (re)initialises every piece of
 * kernel state from it; pwk_run() starts the processes.
 *
 * pwk_boot() may be called many times in one host process (the simulator
 * boots system after system), so nothing relies on static initialisers:
 * each module's reset function rewrites all of its state. A description is
 * checked completely before anything is reset, so a rejected one leaves the
 * kernel as it was (but not runnable).
 */
#include <pwk/kernel.h>

#include "assert.h"
#include "boot.h"
#include "channel.h"
#include "fastpath.h"
#include "interrupt.h"
#include "limits.h"
#include "process.h"
#include "sched.h"
#include "thread.h"
#include "timer.h"
#include "trace.h"
#include "uaccess.h"
#include "wait_group.h"

const struct pwk_system_desc *pwk__booted;

/* Scratch for the checks: which handlers an initiator already claimed. */
static bool handler_claimed[PWK_OBJECTS_MAX];

static bool slice_ok(uint32_t first, uint32_t count, uint32_t total)
{
	return first <= total && count <= total - first;
}

/* RESOURCE_EXHAUSTED when a table or pool limit is exceeded. */
static pwk_status_t check_limits(const struct pwk_system_desc *s)
{
	uint32_t ends = 0;
	uint32_t groups = 0;
	uint32_t interrupts = 0;
	if ((s->options & ~(PWK_BOOT_EXACT_DEADLINES | PWK_BOOT_FULL_PATH)) != 0) {
		return PWK_INVALID_ARGUMENT; /* an option this kernel does not know */
	}
	if (s->process_count > PWK_PROCESSES_MAX || s->object_count > PWK_OBJECTS_MAX ||
	    s->thread_count > PWK_THREADS_MAX || s->region_count > PWK_REGIONS_MAX) {
		return PWK_RESOURCE_EXHAUSTED;
	}
	if ((s->process_count > 0 && s->processes == NULL) ||
	    (s->object_count > 0 && s->objects == NULL) ||
	    (s->thread_count > 0 && s->threads == NULL) ||
	    (s->region_count > 0 && s->regions == NULL)) {
		return PWK_INVALID_ARGUMENT;
	}
	for (uint32_t i = 0; i < s->object_count; i++) {
		const struct pwk_object_desc *o = &s->objects[i];
		if (o->type == PWK_OBJECT_CHANNEL_INITIATOR ||
		    o->type == PWK_OBJECT_CHANNEL_HANDLER) {
			ends++;
		} else if (o->type == PWK_OBJECT_WAIT_GROUP) {
			groups++;
		} else if (o->type == PWK_OBJECT_INTERRUPT) {
			interrupts++;
			if (o->irq_count > PWK_SIGNAL_INTERRUPTS_MAX) {
				return PWK_RESOURCE_EXHAUSTED;
			}
		}
	}
	if (ends > PWK_CHANNEL_ENDS_MAX || groups > PWK_WAIT_GROUPS_MAX ||
	    interrupts > PWK_INTERRUPT_OBJECTS_MAX) {
		return PWK_RESOURCE_EXHAUSTED;
	}
	return PWK_OK;
}

static bool processes_ok(const struct pwk_system_desc *s)
{
	for (uint32_t i = 0; i < s->process_count; i++) {
		const struct pwk_process_desc *p = &s->processes[i];
		if (!slice_ok(p->first_object, p->object_count, s->object_count) ||
		    !slice_ok(p->first_region, p->region_count, s->region_count)) {
			return false;
		}
	}
	for (uint32_t i = 0; i < s->region_count; i++) {
		const struct pwk_region_desc *r = &s->regions[i];
		if (r->size > UINTPTR_MAX - r->start ||
		    (r->access & ~(PWK_ACCESS_R | PWK_ACCESS_W | PWK_ACCESS_X)) != 0) {
			return false;
		}
	}
	for (uint32_t i = 0; i < s->thread_count; i++) {
		const struct pwk_thread_desc *t = &s->threads[i];
		if (t->process >= s->process_count || t->priority >= PWK_PRIORITIES) {
			return false;
		}
	}
	return true;
}

/* An initiator names a handler that names it back (or nobody), and no two
 * initiators share a handler. */
static bool initiator_ok(const struct pwk_system_desc *s, uint32_t i)
{
	const uint32_t h = s->objects[i].link;
	if (h >= s->object_count || s->objects[h].type != PWK_OBJECT_CHANNEL_HANDLER) {
		return false;
	}
	if (s->objects[h].link != PWK_NONE && s->objects[h].link != i) {
		return false;
	}
	if (handler_claimed[h]) {
		return false;
	}
	handler_claimed[h] = true;
	return true;
}

static bool object_ok(const struct pwk_system_desc *s, uint32_t i)
{
	const struct pwk_object_desc *o = &s->objects[i];
	switch (o->type) {
	case PWK_OBJECT_CHANNEL_INITIATOR:
		return initiator_ok(s, i);
	case PWK_OBJECT_CHANNEL_HANDLER:
		return o->link == PWK_NONE ||
		       (o->link < s->object_count &&
			s->objects[o->link].type == PWK_OBJECT_CHANNEL_INITIATOR &&
			s->objects[o->link].link == i);
	case PWK_OBJECT_WAIT_GROUP:
		return true;
	case PWK_OBJECT_INTERRUPT:
		return o->irq_count == 0 || o->irqs != NULL;
	case PWK_OBJECT_THREAD:
		return o->link < s->thread_count;
	case PWK_OBJECT_PROCESS:
		return o->link < s->process_count;
	}
	return false; /* not a known type */
}

static bool objects_ok(const struct pwk_system_desc *s)
{
	for (uint32_t i = 0; i < PWK_OBJECTS_MAX; i++) {
		handler_claimed[i] = false;
	}
	for (uint32_t i = 0; i < s->object_count; i++) {
		if (!object_ok(s, i)) {
			return false;
		}
	}
	return true;
}

static struct pwk_object *create_object(const struct pwk_object_desc *o, uint32_t index)
{
	switch (o->type) {
	case PWK_OBJECT_CHANNEL_INITIATOR:
	case PWK_OBJECT_CHANNEL_HANDLER:
		return pwk__channel_create(index, o->type);
	case PWK_OBJECT_WAIT_GROUP:
		return pwk__wait_group_create(index);
	case PWK_OBJECT_INTERRUPT:
		return pwk__interrupt_create(index, o->irqs, o->irq_count);
	case PWK_OBJECT_THREAD:
		return &pwk__thread_get(o->link)->obj;
	case PWK_OBJECT_PROCESS:
		return &pwk__process_get(o->link)->obj;
	}
	PWK_UNREACHABLE();
}

static void reset_state(const struct pwk_system_desc *s)
{
	pwk__booted = s;
	pwk__object_reset_table(s);
	pwk__channel_reset_all();
	pwk__wait_group_reset_all();
	pwk__interrupt_reset_all();
	pwk__process_reset_all(s);
	pwk__uaccess_reset(s);
	pwk__thread_reset_all(s);
	pwk__sched_reset();
	pwk__timer_reset((s->options & PWK_BOOT_EXACT_DEADLINES) != 0);
	pwk__fastpath_reset((s->options & PWK_BOOT_FULL_PATH) == 0);
	for (uint32_t i = 0; i < s->object_count; i++) {
		pwk__object_register(i, create_object(&s->objects[i], i));
	}
	for (uint32_t i = 0; i < s->object_count; i++) {
		if (s->objects[i].type == PWK_OBJECT_CHANNEL_INITIATOR) {
			pwk__channel_pair(pwk__object_get(i), pwk__object_get(s->objects[i].link));
		}
	}
	pwk__interrupt_enable_all();
}

pwk_status_t pwk_boot(const struct pwk_system_desc *system)
{
	if (system == NULL) {
		return PWK_INVALID_ARGUMENT;
	}
	pwk_status_t status = check_limits(system);
	if (status == PWK_OK && !(processes_ok(system) && objects_ok(system))) {
		status = PWK_INVALID_ARGUMENT;
	}
	if (status != PWK_OK) {
		pwk__booted = NULL;
		return status;
	}
	reset_state(system);
	PWK_ASSERT(pwk__sched_current() == NULL);
	return PWK_OK;
}

_Noreturn void pwk_run(void)
{
	const struct pwk_system_desc *s = pwk__booted;
	PWK_ASSERT(s != NULL);
	PWK_ASSERT(pwk__sched_current() == NULL);
	for (uint32_t i = 0; i < s->process_count; i++) {
		pwk_status_t status = pwk__process_start(pwk__process_get(i));
		PWK_ASSERT(status == PWK_OK);
	}
	pwk__sched_start();
}
