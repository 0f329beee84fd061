/* SPDX-License-Identifier: Apache-2.0 */
/*
 * trace.c — builds trace records and hands them to the HAL. Records are
 * cheap (five words, no formatting); the HAL may drop them.
 */
#include "trace.h"

#include "sched.h"

/* The syscall being decoded, for user-error records. Decoding never blocks,
 * so no other thread's syscall can start in between. */
static uint32_t syscall_id;

void pwk__trace(pwk_trace_kind_t kind, uint32_t thread, uint32_t a, uint32_t b)
{
	const struct pwk_trace_record record = {
		.kind = kind,
		.thread = thread,
		.a = a,
		.b = b,
		.reason = NULL,
	};
	hal_trace_emit(&record);
}

static uint32_t current_index(void)
{
	const struct pwk_thread *t = pwk__sched_current();
	return t == NULL ? PWK_NONE : t->index;
}

void pwk__trace_current(pwk_trace_kind_t kind, uint32_t a, uint32_t b)
{
	pwk__trace(kind, current_index(), a, b);
}

void pwk__trace_syscall_enter(uint32_t id, pwk_word_t arg0)
{
	syscall_id = id;
	pwk__trace_current(PWK_TRACE_SYSCALL_ENTER, id, (uint32_t)arg0);
}

void pwk__trace_syscall_exit(uint32_t id, pwk_status_t status)
{
	pwk__trace_current(PWK_TRACE_SYSCALL_EXIT, id, (uint32_t)status);
}

pwk_status_t pwk__user_error(pwk_status_t status, const char *reason)
{
	const struct pwk_trace_record record = {
		.kind = PWK_TRACE_USER_ERROR,
		.thread = current_index(),
		.a = syscall_id,
		.b = (uint32_t)status,
		.reason = reason,
	};
	hal_trace_emit(&record);
	return status;
}
