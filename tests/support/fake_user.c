/* SPDX-License-Identifier: Apache-2.0 */
/*
 * fake_user.c — user-mode syscall wrappers for kernel-core unit tests.
 */
#include "hal_fake.h"

#include <stdlib.h>

static pwk_syscall_ret_t trap(uint32_t id, const pwk_word_t args[PWK_SYSCALL_ARGS_MAX])
{
	pwk_syscall_ret_t ret = pwk_trap_syscall(id, args);
	/* Back in user mode, with interrupts enabled again. */
	fake_deliver_triggered();
	return ret;
}

pwk_syscall_ret_t u_raw(uint32_t id, pwk_word_t a0, pwk_word_t a1, pwk_word_t a2, pwk_word_t a3,
			pwk_word_t a4, pwk_word_t a5, pwk_word_t a6)
{
	const pwk_word_t args[PWK_SYSCALL_ARGS_MAX] = {a0, a1, a2, a3, a4, a5, a6, 0};
	return trap(id, args);
}

intptr_t u_result(pwk_syscall_ret_t ret)
{
	return (intptr_t)ret.a0;
}

void u_put_instant(pwk_word_t args[PWK_SYSCALL_ARGS_MAX], uint32_t *i, pwk_instant_t instant)
{
	if (sizeof(pwk_word_t) >= sizeof(pwk_instant_t)) {
		args[(*i)++] = (pwk_word_t)instant;
		return;
	}
	args[(*i)++] = (pwk_word_t)(instant & UINT32_MAX);
	args[(*i)++] = (pwk_word_t)(instant >> 32);
}

static pwk_word_t w(const void *ptr)
{
	return (pwk_word_t)(uintptr_t)ptr;
}

static pwk_word_t len_word(intptr_t len)
{
	return (pwk_word_t)len;
}

intptr_t u_transact(uint32_t handle, const void *send, intptr_t send_len, void *recv,
		    intptr_t recv_len, pwk_instant_t deadline)
{
	pwk_word_t args[PWK_SYSCALL_ARGS_MAX] = {
		handle, w(send), len_word(send_len), w(recv), len_word(recv_len),
	};
	uint32_t i = 5;
	u_put_instant(args, &i, deadline);
	return u_result(trap(PWK_SYSCALL_CHANNEL_TRANSACT, args));
}

intptr_t u_async_transact(uint32_t handle, const void *send, intptr_t send_len, void *recv,
			  intptr_t recv_len)
{
	return u_result(u_raw(PWK_SYSCALL_CHANNEL_ASYNC_TRANSACT, handle, w(send),
			      len_word(send_len), w(recv), len_word(recv_len), 0, 0));
}

intptr_t u_async_complete(uint32_t handle)
{
	return u_result(
		u_raw(PWK_SYSCALL_CHANNEL_ASYNC_TRANSACT_COMPLETE, handle, 0, 0, 0, 0, 0, 0));
}

intptr_t u_async_cancel(uint32_t handle)
{
	return u_result(u_raw(PWK_SYSCALL_CHANNEL_ASYNC_CANCEL, handle, 0, 0, 0, 0, 0, 0));
}

intptr_t u_read(uint32_t handle, size_t offset, void *buf, intptr_t len)
{
	return u_result(
		u_raw(PWK_SYSCALL_CHANNEL_READ, handle, offset, w(buf), len_word(len), 0, 0, 0));
}

intptr_t u_respond(uint32_t handle, const void *buf, intptr_t len)
{
	return u_result(
		u_raw(PWK_SYSCALL_CHANNEL_RESPOND, handle, w(buf), len_word(len), 0, 0, 0, 0));
}

intptr_t u_set_peer_user(uint32_t handle, bool set)
{
	return u_result(u_raw(PWK_SYSCALL_OBJECT_SET_PEER_USER_SIGNAL, handle, set, 0, 0, 0, 0, 0));
}

struct u_wait u_wait(uint32_t handle, uint32_t mask, pwk_instant_t deadline)
{
	pwk_word_t args[PWK_SYSCALL_ARGS_MAX] = {handle, mask};
	uint32_t i = 2;
	u_put_instant(args, &i, deadline);
	pwk_syscall_ret_t ret = trap(PWK_SYSCALL_OBJECT_WAIT, args);
	if ((ret.a1 & PWK_SIGNAL_RESERVED) != 0) {
		return (struct u_wait){.status = (pwk_status_t)ret.a0};
	}
	return (struct u_wait){.status = PWK_OK, .user_data = ret.a0, .signals = (uint32_t)ret.a1};
}

intptr_t u_interrupt_ack(uint32_t handle, uint32_t mask)
{
	return u_result(u_raw(PWK_SYSCALL_INTERRUPT_ACK, handle, mask, 0, 0, 0, 0, 0));
}

intptr_t u_wg_add(uint32_t group, uint32_t object, uint32_t mask, pwk_word_t user_data)
{
	return u_result(u_raw(PWK_SYSCALL_WAIT_GROUP_ADD, group, object, mask, user_data, 0, 0, 0));
}

intptr_t u_wg_remove(uint32_t group, uint32_t object)
{
	return u_result(u_raw(PWK_SYSCALL_WAIT_GROUP_REMOVE, group, object, 0, 0, 0, 0, 0));
}

struct u_join u_join(uint32_t handle)
{
	pwk_syscall_ret_t ret = u_raw(PWK_SYSCALL_TASK_JOIN, handle, 0, 0, 0, 0, 0, 0);
	intptr_t tag = u_result(ret);
	if (tag < 0) {
		return (struct u_join){.status = u_status(tag)};
	}
	return (struct u_join){.status = PWK_OK, .tag = ret.a0, .payload = ret.a1};
}

intptr_t u_terminate(uint32_t handle)
{
	return u_result(u_raw(PWK_SYSCALL_TASK_TERMINATE, handle, 0, 0, 0, 0, 0, 0));
}

intptr_t u_process_start(uint32_t handle)
{
	return u_result(u_raw(PWK_SYSCALL_PROCESS_START, handle, 0, 0, 0, 0, 0, 0));
}

intptr_t u_thread_start(uint32_t handle, void (*fn)(pwk_word_t, pwk_word_t, pwk_word_t),
			uintptr_t sp)
{
	return u_result(u_raw(PWK_SYSCALL_THREAD_START, handle, (pwk_word_t)fn, sp, 0, 0, 0, 0));
}

_Noreturn void u_thread_exit(uint32_t code)
{
	u_raw(PWK_SYSCALL_THREAD_EXIT, code, 0, 0, 0, 0, 0, 0);
	abort();
}

_Noreturn void u_process_exit(uint32_t code)
{
	u_raw(PWK_SYSCALL_PROCESS_EXIT, code, 0, 0, 0, 0, 0, 0);
	abort();
}

intptr_t u_putc(pwk_word_t c)
{
	return u_result(u_raw(PWK_SYSCALL_DEBUG_PUTC, c, 0, 0, 0, 0, 0, 0));
}

intptr_t u_log(const void *buf, intptr_t len)
{
	return u_result(u_raw(PWK_SYSCALL_DEBUG_LOG, w(buf), len_word(len), 0, 0, 0, 0, 0));
}

intptr_t u_nop(void)
{
	return u_result(u_raw(PWK_SYSCALL_DEBUG_NOP, 0, 0, 0, 0, 0, 0, 0));
}

intptr_t u_trigger(pwk_word_t irq)
{
	return u_result(u_raw(PWK_SYSCALL_DEBUG_TRIGGER_INTERRUPT, irq, 0, 0, 0, 0, 0, 0));
}

pwk_instant_t u_now(void)
{
	pwk_syscall_ret_t ret = u_raw(PWK_SYSCALL_DEBUG_CLOCK_NOW, 0, 0, 0, 0, 0, 0, 0);
	if (sizeof(pwk_word_t) >= sizeof(pwk_instant_t)) {
		return ret.a0;
	}
	return (pwk_instant_t)ret.a0 | ((pwk_instant_t)ret.a1 << 32);
}

_Noreturn void u_shutdown(uint32_t code)
{
	u_raw(PWK_SYSCALL_DEBUG_SHUTDOWN, code, 0, 0, 0, 0, 0, 0);
	abort();
}
