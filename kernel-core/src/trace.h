/* SPDX-License-Identifier: Apache-2.0 */
/*
 * trace.h — trace records for the HAL's ring (syscall enter/exit, switches,
 * wake-ups, exits, IPC) and PWK_USER_ERROR, seL4's userError: every status
 * a syscall returns because of bad user input is paired with a record that
 * says why, as a static string.
 */
#ifndef PWK_TRACE_H
#define PWK_TRACE_H

#include <pwk/hal.h>

#include "assert.h"

/* Emits one record about `thread`. */
void pwk__trace(pwk_trace_kind_t kind, uint32_t thread, uint32_t a, uint32_t b);

/* Emits one record about the current thread (PWK_NONE when idle). */
void pwk__trace_current(pwk_trace_kind_t kind, uint32_t a, uint32_t b);

/* Syscall boundaries; the id is remembered for PWK_USER_ERROR records. */
void pwk__trace_syscall_enter(uint32_t id, pwk_word_t arg0);
void pwk__trace_syscall_exit(uint32_t id, pwk_status_t status);

/* Records why the current syscall fails with `status` and returns `status`.
 * `reason` must be a string literal (the record keeps the pointer). */
pwk_status_t pwk__user_error(pwk_status_t status, const char *reason);

#define PWK_USER_ERROR(status, reason) pwk__user_error((status), PWK__TEXT("" reason))

#endif /* PWK_TRACE_H */
