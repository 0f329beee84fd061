/*
 * syscall.c — the typed syscall wrappers of pwk/user.h over pwk_raw_syscall,
 * decoding pw_kernel's return encodings (see include/pwk/abi.h).
 */
#include <pwk/syscall_args.h>
#include <pwk/user.h>

#include "syscall_raw.h"
#if defined(__x86_64__)
#include "syscall_host.h"
#endif

#define W(x) ((pwk_word_t)(x))

/* Every wrapper puts its arguments where the table in pwk/syscall_table.h
 * says (pwk_syscall_pack_<name>), at this build's word size. */
#define BITS PWK_WORD_BITS

static pwk_syscall_ret_t sys(struct pwk_syscall_call c)
{
#if defined(__x86_64__)
	return pwk_host_sys(c);
#else
	return pwk_raw_syscall(W(c.id), c.args[0], c.args[1], c.args[2], c.args[3], c.args[4],
			       c.args[5], c.args[6]);
#endif
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
	return count_of(sys(pwk_syscall_pack_channel_transact(BITS, handle, W(send), send_len,
							      W(recv), recv_len, deadline)));
}

pwk_count_result_t pwk_channel_transactv(uint32_t handle, const pwk_iovec_t *send,
					 size_t send_count, const pwk_iovec_t *recv,
					 size_t recv_count, pwk_instant_t deadline)
{
	return count_of(
		sys(pwk_syscall_pack_channel_transact(BITS, handle, W(send), iovec_len(send_count),
						      W(recv), iovec_len(recv_count), deadline)));
}

pwk_status_t pwk_channel_async_transact(uint32_t handle, const void *send, size_t send_len,
					void *recv, size_t recv_len)
{
	return status_of(sys(pwk_syscall_pack_channel_async_transact(BITS, handle, W(send),
								     send_len, W(recv), recv_len)));
}

pwk_count_result_t pwk_channel_async_transact_complete(uint32_t handle)
{
	return count_of(sys(pwk_syscall_pack_channel_async_transact_complete(BITS, handle)));
}

pwk_status_t pwk_channel_async_cancel(uint32_t handle)
{
	return status_of(sys(pwk_syscall_pack_channel_async_cancel(BITS, handle)));
}

pwk_count_result_t pwk_channel_read(uint32_t handle, size_t offset, void *buf, size_t len)
{
	return count_of(sys(pwk_syscall_pack_channel_read(BITS, handle, offset, W(buf), len)));
}

pwk_status_t pwk_channel_respond(uint32_t handle, const void *buf, size_t len)
{
	return status_of(sys(pwk_syscall_pack_channel_respond(BITS, handle, W(buf), len)));
}

pwk_status_t pwk_channel_respondv(uint32_t handle, const pwk_iovec_t *buf, size_t count)
{
	return status_of(
		sys(pwk_syscall_pack_channel_respond(BITS, handle, W(buf), iovec_len(count))));
}

pwk_status_t pwk_object_set_peer_user_signal(uint32_t handle, bool set)
{
	return status_of(
		sys(pwk_syscall_pack_object_set_peer_user_signal(BITS, handle, set ? 1 : 0)));
}

pwk_wait_result_t pwk_object_wait(uint32_t handle, uint32_t signal_mask, pwk_instant_t deadline)
{
	pwk_syscall_ret_t r =
		sys(pwk_syscall_pack_object_wait(BITS, handle, signal_mask, deadline));
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
		sys(pwk_syscall_pack_wait_group_add(BITS, group, object, signal_mask, user_data)));
}

pwk_status_t pwk_wait_group_remove(uint32_t group, uint32_t object)
{
	return status_of(sys(pwk_syscall_pack_wait_group_remove(BITS, group, object)));
}

pwk_status_t pwk_interrupt_ack(uint32_t handle, uint32_t signal_mask)
{
	return status_of(sys(pwk_syscall_pack_interrupt_ack(BITS, handle, signal_mask)));
}

_Noreturn void pwk_process_exit(uint32_t code)
{
	sys(pwk_syscall_pack_process_exit(BITS, code));
	for (;;) {
		/* The kernel never returns from process_exit. */
	}
}

_Noreturn void pwk_thread_exit(uint32_t code)
{
	sys(pwk_syscall_pack_thread_exit(BITS, code));
	for (;;) {
	}
}

pwk_status_t pwk_process_start(uint32_t handle)
{
	return status_of(sys(pwk_syscall_pack_process_start(BITS, handle)));
}

pwk_status_t pwk_thread_start(uint32_t handle, void (*entry)(void), void *stack_top)
{
	return status_of(sys(pwk_syscall_pack_thread_start(BITS, handle, W(entry), W(stack_top))));
}

pwk_status_t pwk_task_terminate(uint32_t handle)
{
	return status_of(sys(pwk_syscall_pack_task_terminate(BITS, handle)));
}

pwk_join_result_t pwk_task_join(uint32_t handle)
{
	pwk_syscall_ret_t r = sys(pwk_syscall_pack_task_join(BITS, handle));
	pwk_join_result_t out = {status_of(r), (pwk_exit_tag_t)0, 0};
	if (out.status == PWK_OK) {
		out.tag = (pwk_exit_tag_t)r.a0;
		out.payload = (uint32_t)r.a1;
	}
	return out;
}

pwk_instant_t pwk_now(void)
{
	return pwk_syscall_ret_instant(sys(pwk_syscall_pack_debug_clock_now(BITS)), BITS);
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
	return status_of(sys(pwk_syscall_pack_debug_log(BITS, W(bytes), len)));
}

pwk_status_t pwk_debug_putc(uint32_t c)
{
	return status_of(sys(pwk_syscall_pack_debug_putc(BITS, c)));
}

pwk_status_t pwk_debug_nop(void)
{
	return status_of(sys(pwk_syscall_pack_debug_nop(BITS)));
}

pwk_status_t pwk_debug_trigger_interrupt(uint32_t irq)
{
	return status_of(sys(pwk_syscall_pack_debug_trigger_interrupt(BITS, irq)));
}

_Noreturn void pwk_debug_shutdown(uint32_t code)
{
	sys(pwk_syscall_pack_debug_shutdown(BITS, code));
	for (;;) {
	}
}
