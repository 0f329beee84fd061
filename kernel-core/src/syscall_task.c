/* SPDX-License-Identifier: Apache-2.0 */
/*
 * syscall_task.c — decoding of the process, thread and debug syscalls (the
 * other half of syscall.c, same decode-then-invoke rule).
 */
#include "assert.h"
#include "process.h"
#include "syscall.h"
#include "thread.h"
#include "trace.h"
#include "uaccess.h"

_Noreturn static void decode_process_exit(const pwk_word_t *a)
{
	pwk__process_exit(pwk__process_get(pwk__caller_process()), PWK_EXIT_SUCCESS,
			  (uint32_t)a[0]);
}

_Noreturn static void decode_thread_exit(const pwk_word_t *a)
{
	pwk__thread_exit(PWK_EXIT_SUCCESS, (uint32_t)a[0]);
}

static pwk_status_t decode_process_start(const pwk_word_t *a)
{
	struct pwk_object *obj;
	pwk_status_t status = pwk__lookup_typed(a[0], PWK_OBJECT_PROCESS, &obj);
	if (status != PWK_OK) {
		return status;
	}
	return pwk__process_start(pwk__process_from_object(obj));
}

static pwk_status_t decode_thread_start(const pwk_word_t *a)
{
	struct pwk_object *obj;
	pwk_status_t status = pwk__lookup_typed(a[0], PWK_OBJECT_THREAD, &obj);
	if (status != PWK_OK) {
		return status;
	}
	/* pc and sp are not checked, as in pw_kernel: bad ones fault later. */
	return pwk__thread_start(pwk__thread_from_object(obj), pwk__caller_process(), a[1], a[2]);
}

/* task_terminate and task_join take a thread or a process object: exactly
 * one of *thread and *process is set on success. */
static pwk_status_t lookup_task(pwk_word_t handle, struct pwk_thread **thread,
				struct pwk_process **process)
{
	struct pwk_object *obj;
	uint32_t index;
	pwk_status_t status = pwk__lookup(handle, &obj, &index);
	if (status != PWK_OK) {
		return status;
	}
	*thread = NULL;
	*process = NULL;
	switch (obj->type) {
	case PWK_OBJECT_THREAD:
		*thread = pwk__thread_from_object(obj);
		return PWK_OK;
	case PWK_OBJECT_PROCESS:
		*process = pwk__process_from_object(obj);
		return PWK_OK;
	case PWK_OBJECT_CHANNEL_INITIATOR:
	case PWK_OBJECT_CHANNEL_HANDLER:
	case PWK_OBJECT_WAIT_GROUP:
	case PWK_OBJECT_INTERRUPT:
		break;
	}
	return PWK_USER_ERROR(PWK_UNIMPLEMENTED, "object is not a thread or a process");
}

static pwk_status_t decode_task_terminate(const pwk_word_t *a)
{
	struct pwk_thread *thread;
	struct pwk_process *process;
	pwk_status_t status = lookup_task(a[0], &thread, &process);
	if (status != PWK_OK) {
		return status;
	}
	return thread != NULL ? pwk__thread_terminate(thread) : pwk__process_terminate(process);
}

static pwk_status_t decode_task_join(const pwk_word_t *a, struct pwk_syscall_out *out)
{
	struct pwk_thread *thread;
	struct pwk_process *process;
	pwk_status_t status = lookup_task(a[0], &thread, &process);
	if (status != PWK_OK) {
		return status;
	}
	if (thread != NULL) {
		return pwk__thread_join(thread, &out->exit_tag, &out->exit_payload);
	}
	return pwk__process_join(process, &out->exit_tag, &out->exit_payload);
}

/* Encodes Unicode scalar `c` as UTF-8 into `bytes`; returns the length. */
static size_t utf8_encode(uint32_t c, uint8_t bytes[4])
{
	if (c < 0x80) {
		bytes[0] = (uint8_t)c;
		return 1;
	}
	if (c < 0x800) {
		bytes[0] = (uint8_t)(0xc0 | (c >> 6));
		bytes[1] = (uint8_t)(0x80 | (c & 0x3f));
		return 2;
	}
	if (c < 0x10000) {
		bytes[0] = (uint8_t)(0xe0 | (c >> 12));
		bytes[1] = (uint8_t)(0x80 | ((c >> 6) & 0x3f));
		bytes[2] = (uint8_t)(0x80 | (c & 0x3f));
		return 3;
	}
	PWK_ASSERT(c <= 0x10ffff);
	bytes[0] = (uint8_t)(0xf0 | (c >> 18));
	bytes[1] = (uint8_t)(0x80 | ((c >> 12) & 0x3f));
	bytes[2] = (uint8_t)(0x80 | ((c >> 6) & 0x3f));
	bytes[3] = (uint8_t)(0x80 | (c & 0x3f));
	return 4;
}

static pwk_status_t decode_debug_putc(const pwk_word_t *a, size_t *count)
{
	const pwk_word_t c = a[0];
	if (c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff)) {
		return PWK_USER_ERROR(PWK_INVALID_ARGUMENT, "not a Unicode scalar value");
	}
	uint8_t bytes[4];
	size_t len = utf8_encode((uint32_t)c, bytes);
	hal_console_write(pwk_current_thread(), bytes, len);
	*count = c;
	return PWK_OK;
}

static pwk_status_t decode_debug_log(const pwk_word_t *a)
{
	struct pwk_ubuf buf;
	pwk_status_t status =
		pwk__ubuf_check(pwk__caller_process(), a[0], a[1], PWK_ACCESS_R, &buf);
	if (status != PWK_OK) {
		return status;
	}
	/* A region is contiguous for the HAL: one write per piece. */
	const uint32_t pieces = pwk__ubuf_pieces(&buf);
	for (uint32_t i = 0; i < pieces; i++) {
		const uint8_t *bytes;
		size_t len;
		if (!pwk__ubuf_piece(&buf, i, &bytes, &len)) {
			break; /* the iovec changed under us: stop, as a copy would */
		}
		if (len > 0) {
			hal_console_write(pwk_current_thread(), bytes, len);
		}
	}
	return PWK_OK;
}

static pwk_status_t decode_debug_trigger_interrupt(const pwk_word_t *a)
{
	if (((uint64_t)a[0] >> 32) != 0) {
		return PWK_USER_ERROR(PWK_INVALID_ARGUMENT, "irq number out of range");
	}
	if (!hal_irq_trigger((uint32_t)a[0])) {
		return PWK_USER_ERROR(PWK_UNIMPLEMENTED, "the HAL cannot trigger interrupts");
	}
	return PWK_OK;
}

pwk_status_t pwk__dispatch_task(uint32_t id, const pwk_word_t args[PWK_SYSCALL_ARGS_MAX],
				struct pwk_syscall_out *out, enum pwk_ret_kind *kind)
{
	PWK_ASSERT(*kind == PWK_RET_UNIT);
	switch (id) {
	case PWK_SYSCALL_PROCESS_EXIT:
		decode_process_exit(args);
	case PWK_SYSCALL_PROCESS_START:
		return decode_process_start(args);
	case PWK_SYSCALL_TASK_JOIN:
		*kind = PWK_RET_EXIT;
		return decode_task_join(args, out);
	case PWK_SYSCALL_TASK_TERMINATE:
		return decode_task_terminate(args);
	case PWK_SYSCALL_THREAD_EXIT:
		decode_thread_exit(args);
	case PWK_SYSCALL_THREAD_START:
		return decode_thread_start(args);
	case PWK_SYSCALL_DEBUG_PUTC:
		*kind = PWK_RET_COUNT;
		return decode_debug_putc(args, &out->count);
	case PWK_SYSCALL_DEBUG_SHUTDOWN:
		hal_shutdown((uint32_t)args[0]);
	case PWK_SYSCALL_DEBUG_LOG:
		return decode_debug_log(args);
	case PWK_SYSCALL_DEBUG_NOP:
		return PWK_OK;
	case PWK_SYSCALL_DEBUG_TRIGGER_INTERRUPT:
		return decode_debug_trigger_interrupt(args);
	case PWK_SYSCALL_DEBUG_CLOCK_NOW:
		*kind = PWK_RET_INSTANT;
		out->instant = hal_now();
		return PWK_OK;
	default:
		return PWK_USER_ERROR(PWK_INVALID_ARGUMENT, "unknown syscall id");
	}
}
