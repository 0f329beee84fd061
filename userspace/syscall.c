/*
 * syscall.c — the typed syscall wrappers of pwk/user.h over pwk_raw_syscall,
 * decoding pw_kernel's return encodings (see include/pwk/abi.h).
 */
#include <pwk/user.h>

#include "syscall_raw.h"

#define W(x) ((pwk_word_t)(x))

/* A 64-bit instant takes two argument words (low first) where words are
 * 32 bits, one word where they are 64 bits. */
#if UINTPTR_MAX == UINT32_MAX
#define INSTANT_WORDS   2
#define INSTANT_ARGS(t) W((t)&0xffffffffu), W((t) >> 32)
#else
#define INSTANT_WORDS   1
#define INSTANT_ARGS(t) W(t), 0
#endif

static pwk_syscall_ret_t sys(pwk_syscall_id_t id, pwk_word_t a0, pwk_word_t a1, pwk_word_t a2,
			     pwk_word_t a3, pwk_word_t a4, pwk_word_t a5, pwk_word_t a6)
{
	return pwk_raw_syscall(W(id), a0, a1, a2, a3, a4, a5, a6);
}

/* Result<()>/Result<count>: a0 < 0 is -(status). */
static pwk_status_t status_of(pwk_syscall_ret_t r)
{
	pwk_sword_t v = (pwk_sword_t)r.a0;
	return v < 0 ? (pwk_status_t)(-v) : PWK_OK;
}

static pwk_count_result_t count_of(pwk_syscall_ret_t r)
{
	pwk_count_result_t out = {status_of(r), 0};
	if (out.status == PWK_OK) {
		out.value = (size_t)r.a0;
	}
	return out;
}

/* The vectored forms pass -count as the length word. */
static pwk_word_t iovec_len(size_t count)
{
	return (pwk_word_t)(-(pwk_sword_t)count);
}

pwk_count_result_t pwk_channel_transact(uint32_t handle, const void *send, size_t send_len,
					void *recv, size_t recv_len, pwk_instant_t deadline)
{
	return count_of(sys(PWK_SYSCALL_CHANNEL_TRANSACT, handle, W(send), send_len, W(recv),
			    recv_len, INSTANT_ARGS(deadline)));
}

pwk_count_result_t pwk_channel_transactv(uint32_t handle, const pwk_iovec_t *send,
					 size_t send_count, const pwk_iovec_t *recv,
					 size_t recv_count, pwk_instant_t deadline)
{
	return count_of(sys(PWK_SYSCALL_CHANNEL_TRANSACT, handle, W(send), iovec_len(send_count),
			    W(recv), iovec_len(recv_count), INSTANT_ARGS(deadline)));
}

pwk_status_t pwk_channel_async_transact(uint32_t handle, const void *send, size_t send_len,
					void *recv, size_t recv_len)
{
	return status_of(sys(PWK_SYSCALL_CHANNEL_ASYNC_TRANSACT, handle, W(send), send_len, W(recv),
			     recv_len, 0, 0));
}

pwk_count_result_t pwk_channel_async_transact_complete(uint32_t handle)
{
	return count_of(sys(PWK_SYSCALL_CHANNEL_ASYNC_TRANSACT_COMPLETE, handle, 0, 0, 0, 0, 0, 0));
}

pwk_status_t pwk_channel_async_cancel(uint32_t handle)
{
	return status_of(sys(PWK_SYSCALL_CHANNEL_ASYNC_CANCEL, handle, 0, 0, 0, 0, 0, 0));
}

pwk_count_result_t pwk_channel_read(uint32_t handle, size_t offset, void *buf, size_t len)
{
	return count_of(sys(PWK_SYSCALL_CHANNEL_READ, handle, offset, W(buf), len, 0, 0, 0));
}

pwk_status_t pwk_channel_respond(uint32_t handle, const void *buf, size_t len)
{
	return status_of(sys(PWK_SYSCALL_CHANNEL_RESPOND, handle, W(buf), len, 0, 0, 0, 0));
}

pwk_status_t pwk_channel_respondv(uint32_t handle, const pwk_iovec_t *buf, size_t count)
{
	return status_of(
		sys(PWK_SYSCALL_CHANNEL_RESPOND, handle, W(buf), iovec_len(count), 0, 0, 0, 0));
}

pwk_status_t pwk_object_set_peer_user_signal(uint32_t handle, bool set)
{
	return status_of(
		sys(PWK_SYSCALL_OBJECT_SET_PEER_USER_SIGNAL, handle, set ? 1 : 0, 0, 0, 0, 0, 0));
}

pwk_wait_result_t pwk_object_wait(uint32_t handle, uint32_t signal_mask, pwk_instant_t deadline)
{
	pwk_syscall_ret_t r =
		sys(PWK_SYSCALL_OBJECT_WAIT, handle, signal_mask, INSTANT_ARGS(deadline), 0, 0, 0);
	pwk_wait_result_t out = {PWK_OK, 0, 0};
	if (r.a1 & PWK_SIGNAL_RESERVED) {
		out.status = (pwk_status_t)r.a0;
	} else {
		out.user_data = (uintptr_t)r.a0;
		out.pending_signals = (uint32_t)r.a1;
	}
	return out;
}

pwk_status_t pwk_wait_group_add(uint32_t group, uint32_t object, uint32_t signal_mask,
				uintptr_t user_data)
{
	return status_of(
		sys(PWK_SYSCALL_WAIT_GROUP_ADD, group, object, signal_mask, user_data, 0, 0, 0));
}

pwk_status_t pwk_wait_group_remove(uint32_t group, uint32_t object)
{
	return status_of(sys(PWK_SYSCALL_WAIT_GROUP_REMOVE, group, object, 0, 0, 0, 0, 0));
}

pwk_status_t pwk_interrupt_ack(uint32_t handle, uint32_t signal_mask)
{
	return status_of(sys(PWK_SYSCALL_INTERRUPT_ACK, handle, signal_mask, 0, 0, 0, 0, 0));
}

_Noreturn void pwk_process_exit(uint32_t code)
{
	sys(PWK_SYSCALL_PROCESS_EXIT, code, 0, 0, 0, 0, 0, 0);
	for (;;) {
		/* The kernel never returns from process_exit. */
	}
}

_Noreturn void pwk_thread_exit(uint32_t code)
{
	sys(PWK_SYSCALL_THREAD_EXIT, code, 0, 0, 0, 0, 0, 0);
	for (;;) {
	}
}

pwk_status_t pwk_process_start(uint32_t handle)
{
	return status_of(sys(PWK_SYSCALL_PROCESS_START, handle, 0, 0, 0, 0, 0, 0));
}

pwk_status_t pwk_thread_start(uint32_t handle, void (*entry)(void), void *stack_top)
{
	return status_of(sys(PWK_SYSCALL_THREAD_START, handle, W(entry), W(stack_top), 0, 0, 0, 0));
}

pwk_status_t pwk_task_terminate(uint32_t handle)
{
	return status_of(sys(PWK_SYSCALL_TASK_TERMINATE, handle, 0, 0, 0, 0, 0, 0));
}

pwk_join_result_t pwk_task_join(uint32_t handle)
{
	pwk_syscall_ret_t r = sys(PWK_SYSCALL_TASK_JOIN, handle, 0, 0, 0, 0, 0, 0);
	pwk_join_result_t out = {status_of(r), (pwk_exit_tag_t)0, 0};
	if (out.status == PWK_OK) {
		out.tag = (pwk_exit_tag_t)r.a0;
		out.payload = (uint32_t)r.a1;
	}
	return out;
}

pwk_instant_t pwk_now(void)
{
	pwk_syscall_ret_t r = sys(PWK_SYSCALL_DEBUG_CLOCK_NOW, 0, 0, 0, 0, 0, 0, 0);
#if INSTANT_WORDS == 2
	return (pwk_instant_t)r.a0 | ((pwk_instant_t)r.a1 << 32);
#else
	return (pwk_instant_t)r.a0;
#endif
}

pwk_instant_t pwk_deadline_after_ms(uint64_t ms)
{
	pwk_instant_t now = pwk_now();
	uint64_t ticks_per_ms = PWK_CLOCK_HZ / 1000u;
	if (ms > (PWK_INSTANT_MAX - now) / ticks_per_ms) {
		return PWK_INSTANT_MAX;
	}
	return now + ms * ticks_per_ms;
}

pwk_status_t pwk_debug_log(const char *bytes, size_t len)
{
	return status_of(sys(PWK_SYSCALL_DEBUG_LOG, W(bytes), len, 0, 0, 0, 0, 0));
}

pwk_status_t pwk_debug_putc(uint32_t c)
{
	return status_of(sys(PWK_SYSCALL_DEBUG_PUTC, c, 0, 0, 0, 0, 0, 0));
}

pwk_status_t pwk_debug_nop(void)
{
	return status_of(sys(PWK_SYSCALL_DEBUG_NOP, 0, 0, 0, 0, 0, 0, 0));
}

pwk_status_t pwk_debug_trigger_interrupt(uint32_t irq)
{
	return status_of(sys(PWK_SYSCALL_DEBUG_TRIGGER_INTERRUPT, irq, 0, 0, 0, 0, 0, 0));
}

_Noreturn void pwk_debug_shutdown(uint32_t code)
{
	sys(PWK_SYSCALL_DEBUG_SHUTDOWN, code, 0, 0, 0, 0, 0, 0);
	for (;;) {
	}
}
