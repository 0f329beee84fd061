/* SPDX-License-Identifier: Apache-2.0 */
/*
 * trace.h — trace records for the HAL's ring (syscall enter/exit, switches,
 * wake-ups, exits, IPC) and PWK_USER_ERROR, seL4's userError: every status
 * a syscall returns because of bad user input is paired with a record that
 * says why, as a static string.
 *
 * The emitters are inline: a record is one hal_trace_emit() call with its
 * fields in registers (the IPC round trip emits 14).
 */
#ifndef PWK_TRACE_H
#define PWK_TRACE_H

#include <pwk/hal.h>

#include "assert.h"
#include "sched.h"

/* The syscall being decoded, for user-error records. Decoding never blocks,
 * so no other thread's syscall can start in between. */
extern PWK__SHARED uint32_t pwk__trace_syscall_id;

/* Emits one record about `thread`. */
static inline void pwk__trace(pwk_trace_kind_t kind, uint32_t thread, uint32_t a, uint32_t b)
{
	hal_trace_emit(kind, thread, a, b);
}

/* The current thread's index (PWK_NONE when idle). */
static inline uint32_t pwk__trace_current_index(void)
{
	const struct pwk_thread *t = pwk__sched_current();
	return t == NULL ? PWK_NONE : t->index;
}

/* Emits one record about the current thread (PWK_NONE when idle). */
static inline void pwk__trace_current(pwk_trace_kind_t kind, uint32_t a, uint32_t b)
{
	pwk__trace(kind, pwk__trace_current_index(), a, b);
}

/* Syscall boundaries; the id is remembered for PWK_USER_ERROR records.
 * `thread` is the caller's index. */
static inline void pwk__trace_syscall_enter(uint32_t thread, uint32_t id, pwk_word_t arg0)
{
	pwk__trace_syscall_id = id;
	pwk__trace(PWK_TRACE_SYSCALL_ENTER, thread, id, (uint32_t)arg0);
}

static inline void pwk__trace_syscall_exit(uint32_t thread, uint32_t id, pwk_status_t status)
{
	pwk__trace(PWK_TRACE_SYSCALL_EXIT, thread, id, (uint32_t)status);
}

/* Records why the current syscall fails with `status` and returns `status`.
 * `reason` must be a string literal (the record keeps the pointer). */
pwk_status_t pwk__user_error(pwk_status_t status, const char *reason);

#define PWK_USER_ERROR(status, reason) pwk__user_error((status), PWK__TEXT("" reason))

#endif /* PWK_TRACE_H */
