/* SPDX-License-Identifier: Apache-2.0 */
/*
 * fake_user.h — the syscall wrappers test threads call from "user mode".
 * They pack arguments with the syscall table (pwk/syscall_args.h: a 64-bit
 * deadline takes one word on 64-bit machines, two on 32-bit ones), trap with
 * pwk_trap_syscall(), and decode the two result words.
 *
 * Result<...> wrappers return the value (>= 0) or -status.
 */
#ifndef FAKE_USER_H
#define FAKE_USER_H

#include <pwk/abi.h>

/* The raw trap with up to seven argument words (the rest are 0). */
pwk_syscall_ret_t u_raw(uint32_t id, pwk_word_t a0, pwk_word_t a1, pwk_word_t a2, pwk_word_t a3,
			pwk_word_t a4, pwk_word_t a5, pwk_word_t a6);

/* Result decoding: a negative a0 is -status. */
intptr_t u_result(pwk_syscall_ret_t ret);

/* Channels. Lengths are signed: a negative one is an iovec of -len entries. */
intptr_t u_transact(uint32_t handle, const void *send, intptr_t send_len, void *recv,
		    intptr_t recv_len, pwk_instant_t deadline);
intptr_t u_async_transact(uint32_t handle, const void *send, intptr_t send_len, void *recv,
			  intptr_t recv_len);
intptr_t u_async_complete(uint32_t handle);
intptr_t u_async_cancel(uint32_t handle);
intptr_t u_read(uint32_t handle, size_t offset, void *buf, intptr_t len);
intptr_t u_respond(uint32_t handle, const void *buf, intptr_t len);
intptr_t u_set_peer_user(uint32_t handle, bool set);

/* object_wait: status, and on OK the user_data and signals. */
struct u_wait {
	pwk_status_t status;
	pwk_word_t user_data;
	uint32_t signals;
};
struct u_wait u_wait(uint32_t handle, uint32_t mask, pwk_instant_t deadline);

intptr_t u_interrupt_ack(uint32_t handle, uint32_t mask);
intptr_t u_wg_add(uint32_t group, uint32_t object, uint32_t mask, pwk_word_t user_data);
intptr_t u_wg_remove(uint32_t group, uint32_t object);

/* Tasks. */
struct u_join {
	pwk_status_t status;
	pwk_word_t tag;
	pwk_word_t payload;
};
struct u_join u_join(uint32_t handle);
intptr_t u_terminate(uint32_t handle);
intptr_t u_process_start(uint32_t handle);
intptr_t u_thread_start(uint32_t handle, void (*fn)(pwk_word_t, pwk_word_t, pwk_word_t),
			uintptr_t sp);
_Noreturn void u_thread_exit(uint32_t code);
_Noreturn void u_process_exit(uint32_t code);

/* Debug. */
intptr_t u_putc(pwk_word_t c);
intptr_t u_log(const void *buf, intptr_t len);
intptr_t u_nop(void);
intptr_t u_trigger(pwk_word_t irq);
pwk_instant_t u_now(void);
_Noreturn void u_shutdown(uint32_t code);

/* The status of a Result-encoded value from the wrappers above. */
static inline pwk_status_t u_status(intptr_t value)
{
	return value < 0 ? (pwk_status_t)-value : PWK_OK;
}

/* The active signals of `handle` (a poll with every valid bit; 0 if none). */
static inline uint32_t u_signals(uint32_t handle)
{
	struct u_wait w = u_wait(handle, PWK_SIGNAL_VALID, 0);
	return w.status == PWK_OK ? w.signals : 0;
}

/* Sleeps on `handle` (mask 0) until `deadline`. */
static inline pwk_status_t u_sleep_until(uint32_t handle, pwk_instant_t deadline)
{
	return u_wait(handle, 0, deadline).status;
}

#endif /* FAKE_USER_H */
