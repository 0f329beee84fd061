/* SPDX-License-Identifier: Apache-2.0 */
/*
 * fake_user.c — user-mode syscall wrappers for kernel-core unit tests. Each
 * packs its arguments with pwk/syscall_args.h, as the userspace runtime does.
 */
#include "hal_fake.h"

#include <pwk/syscall_args.h>

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

/* Traps with `c`, packed by the table's pwk_syscall_pack_<name>(). */
static pwk_syscall_ret_t call(struct pwk_syscall_call c)
{
	return trap(c.id, c.args);
}

intptr_t u_result(pwk_syscall_ret_t ret)
{
	return (intptr_t)ret.a0;
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
	return u_result(call(pwk_syscall_pack_channel_transact(PWK_WORD_BITS, handle, w(send),
							       len_word(send_len), w(recv),
							       len_word(recv_len), deadline)));
}

intptr_t u_async_transact(uint32_t handle, const void *send, intptr_t send_len, void *recv,
			  intptr_t recv_len)
{
	return u_result(call(pwk_syscall_pack_channel_async_transact(
		PWK_WORD_BITS, handle, w(send), len_word(send_len), w(recv), len_word(recv_len))));
}

intptr_t u_async_complete(uint32_t handle)
{
	return u_result(
		call(pwk_syscall_pack_channel_async_transact_complete(PWK_WORD_BITS, handle)));
}

intptr_t u_async_cancel(uint32_t handle)
{
	return u_result(call(pwk_syscall_pack_channel_async_cancel(PWK_WORD_BITS, handle)));
}

intptr_t u_read(uint32_t handle, size_t offset, void *buf, intptr_t len)
{
	return u_result(call(pwk_syscall_pack_channel_read(PWK_WORD_BITS, handle, offset, w(buf),
							   len_word(len))));
}

intptr_t u_respond(uint32_t handle, const void *buf, intptr_t len)
{
	return u_result(call(
		pwk_syscall_pack_channel_respond(PWK_WORD_BITS, handle, w(buf), len_word(len))));
}

intptr_t u_set_peer_user(uint32_t handle, bool set)
{
	return u_result(
		call(pwk_syscall_pack_object_set_peer_user_signal(PWK_WORD_BITS, handle, set)));
}

struct u_wait u_wait(uint32_t handle, uint32_t mask, pwk_instant_t deadline)
{
	pwk_syscall_ret_t ret =
		call(pwk_syscall_pack_object_wait(PWK_WORD_BITS, handle, mask, deadline));
	if ((ret.a1 & PWK_SIGNAL_RESERVED) != 0) {
		return (struct u_wait){.status = (pwk_status_t)ret.a0};
	}
	return (struct u_wait){.status = PWK_OK, .user_data = ret.a0, .signals = (uint32_t)ret.a1};
}

intptr_t u_interrupt_ack(uint32_t handle, uint32_t mask)
{
	return u_result(call(pwk_syscall_pack_interrupt_ack(PWK_WORD_BITS, handle, mask)));
}

intptr_t u_wg_add(uint32_t group, uint32_t object, uint32_t mask, pwk_word_t user_data)
{
	return u_result(call(
		pwk_syscall_pack_wait_group_add(PWK_WORD_BITS, group, object, mask, user_data)));
}

intptr_t u_wg_remove(uint32_t group, uint32_t object)
{
	return u_result(call(pwk_syscall_pack_wait_group_remove(PWK_WORD_BITS, group, object)));
}

struct u_join u_join(uint32_t handle)
{
	pwk_syscall_ret_t ret = call(pwk_syscall_pack_task_join(PWK_WORD_BITS, handle));
	intptr_t tag = u_result(ret);
	if (tag < 0) {
		return (struct u_join){.status = u_status(tag)};
	}
	return (struct u_join){.status = PWK_OK, .tag = ret.a0, .payload = ret.a1};
}

intptr_t u_terminate(uint32_t handle)
{
	return u_result(call(pwk_syscall_pack_task_terminate(PWK_WORD_BITS, handle)));
}

intptr_t u_process_start(uint32_t handle)
{
	return u_result(call(pwk_syscall_pack_process_start(PWK_WORD_BITS, handle)));
}

intptr_t u_thread_start(uint32_t handle, void (*fn)(pwk_word_t, pwk_word_t, pwk_word_t),
			uintptr_t sp)
{
	return u_result(
		call(pwk_syscall_pack_thread_start(PWK_WORD_BITS, handle, (pwk_word_t)fn, sp)));
}

_Noreturn void u_thread_exit(uint32_t code)
{
	call(pwk_syscall_pack_thread_exit(PWK_WORD_BITS, code));
	abort();
}

_Noreturn void u_process_exit(uint32_t code)
{
	call(pwk_syscall_pack_process_exit(PWK_WORD_BITS, code));
	abort();
}

intptr_t u_putc(pwk_word_t c)
{
	return u_result(call(pwk_syscall_pack_debug_putc(PWK_WORD_BITS, c)));
}

intptr_t u_log(const void *buf, intptr_t len)
{
	return u_result(call(pwk_syscall_pack_debug_log(PWK_WORD_BITS, w(buf), len_word(len))));
}

intptr_t u_nop(void)
{
	return u_result(call(pwk_syscall_pack_debug_nop(PWK_WORD_BITS)));
}

intptr_t u_trigger(pwk_word_t irq)
{
	return u_result(call(pwk_syscall_pack_debug_trigger_interrupt(PWK_WORD_BITS, irq)));
}

pwk_instant_t u_now(void)
{
	pwk_syscall_ret_t ret = call(pwk_syscall_pack_debug_clock_now(PWK_WORD_BITS));
	return pwk_syscall_ret_instant(ret, PWK_WORD_BITS);
}

_Noreturn void u_shutdown(uint32_t code)
{
	call(pwk_syscall_pack_debug_shutdown(PWK_WORD_BITS, code));
	abort();
}
