/* SPDX-License-Identifier: Apache-2.0 */
/*
 * trace.c — the out-of-line half of trace.h: user-error records, which
 * carry the syscall id remembered at entry. Records are cheap (fields in
 * registers, no formatting); the HAL may drop them.
 */
#include "trace.h"

uint32_t pwk__trace_syscall_id;

pwk_status_t pwk__user_error(pwk_status_t status, const char *reason)
{
	hal_trace_emit_reason(PWK_TRACE_USER_ERROR, pwk__trace_current_index(),
			      pwk__trace_syscall_id, (uint32_t)status, reason);
	return status;
}
