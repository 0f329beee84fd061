/* SPDX-License-Identifier: Apache-2.0 */
/*
 * syscall_task.c — the decoders of the process, thread and debug syscalls
 * (the other half of syscall.c, same decode-then-invoke rule; syscall.c's
 * dispatcher calls them).
 */
#include "assert.h"
#include "process.h"
#include "syscall.h"
#include "thread.h"
#include "trace.h"
#include "uaccess.h"

_Noreturn void pwk__decode_process_exit(const pwk_word_t *a)
{
	pwk__process_exit(pwk__process_get(pwk__caller_process()), PWK_EXIT_SUCCESS,
			  (uint32_t)PWK__ARG(a, PROCESS_EXIT, code));
}

_Noreturn void pwk__decode_thread_exit(const pwk_word_t *a)
{
	pwk__thread_exit(PWK_EXIT_SUCCESS, (uint32_t)PWK__ARG(a, THREAD_EXIT, code));
}

pwk_status_t pwk__decode_process_start(const pwk_word_t *a)
{
	struct pwk_object *obj;
	pwk_status_t status =
		pwk__lookup_typed(PWK__ARG(a, PROCESS_START, handle), PWK_OBJECT_PROCESS, &obj);
	if (status != PWK_OK) {
		return status;
	}
	return pwk__process_start(pwk__process_from_object(obj));
}

pwk_status_t pwk__decode_thread_start(const pwk_word_t *a)
{
	struct pwk_object *obj;
	pwk_status_t status =
		pwk__lookup_typed(PWK__ARG(a, THREAD_START, handle), PWK_OBJECT_THREAD, &obj);
	if (status != PWK_OK) {
		return status;
	}
	/* pc and sp are not checked, as in pw_kernel: bad ones fault later. */
	return pwk__thread_start(pwk__thread_from_object(obj), pwk__caller_process(),
				 PWK__ARG(a, THREAD_START, pc), PWK__ARG(a, THREAD_START, sp));
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

pwk_status_t pwk__decode_task_terminate(const pwk_word_t *a)
{
	struct pwk_thread *thread;
	struct pwk_process *process;
	pwk_status_t status = lookup_task(PWK__ARG(a, TASK_TERMINATE, handle), &thread, &process);
	if (status != PWK_OK) {
		return status;
	}
	return thread != NULL ? pwk__thread_terminate(thread) : pwk__process_terminate(process);
}

pwk_status_t pwk__decode_task_join(const pwk_word_t *a, pwk_exit_tag_t *tag, pwk_word_t *payload)
{
	struct pwk_thread *thread;
	struct pwk_process *process;
	pwk_status_t status = lookup_task(PWK__ARG(a, TASK_JOIN, handle), &thread, &process);
	if (status != PWK_OK) {
		return status;
	}
	if (thread != NULL) {
		return pwk__thread_join(thread, tag, payload);
	}
	return pwk__process_join(process, tag, payload);
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

pwk_status_t pwk__decode_debug_putc(const pwk_word_t *a, size_t *count)
{
	const pwk_word_t c = PWK__ARG(a, DEBUG_PUTC, c);
	if (c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff)) {
		return PWK_USER_ERROR(PWK_INVALID_ARGUMENT, "not a Unicode scalar value");
	}
	uint8_t bytes[4];
	size_t len = utf8_encode((uint32_t)c, bytes);
	hal_console_write(pwk_current_thread(), bytes, len);
	*count = c;
	return PWK_OK;
}

pwk_status_t pwk__decode_debug_log(const pwk_word_t *a)
{
	struct pwk_ubuf buf;
	pwk_status_t status =
		pwk__ubuf_check(pwk__caller_process(), PWK__ARG(a, DEBUG_LOG, buf_ptr),
				PWK__ARG(a, DEBUG_LOG, buf_len), PWK_ACCESS_R, &buf);
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

pwk_status_t pwk__decode_debug_trigger_interrupt(const pwk_word_t *a)
{
	/* Only a 64-bit word can hold an irq number over 32 bits. */
	const pwk_word_t irq = PWK__ARG(a, DEBUG_TRIGGER_INTERRUPT, irq);
	if (((uint64_t)irq >> 32) != 0) {
		return PWK_USER_ERROR(PWK_INVALID_ARGUMENT, "irq number out of range");
	}
	if (!hal_irq_trigger((uint32_t)irq)) {
		return PWK_USER_ERROR(PWK_UNIMPLEMENTED, "the HAL cannot trigger interrupts");
	}
	return PWK_OK;
}

_Noreturn void pwk__decode_debug_shutdown(const pwk_word_t *a)
{
	hal_shutdown((uint32_t)PWK__ARG(a, DEBUG_SHUTDOWN, code));
}

pwk_status_t pwk__decode_debug_nop(const pwk_word_t *a)
{
	(void)a; /* no arguments */
	return PWK_OK;
}

pwk_status_t pwk__decode_debug_clock_now(const pwk_word_t *a, pwk_instant_t *instant)
{
	(void)a; /* no arguments */
	*instant = hal_now();
	return PWK_OK;
}
