/*
 * pwk/user.h — the only API process code sees. The same process source
 * builds for hal-host (a PIE image loaded into a simulated region) and for
 * VeeR (ecall). No libc: this header and the generated per-process handle
 * header are all a process includes.
 */
#ifndef PWK_USER_H
#define PWK_USER_H

#include <pwk/abi.h>

/* A user-level buffer slice for the vectored (iovec) forms. Layout matches
 * pwk_abi_iovec_t: {pointer, length}. */
typedef struct {
	const void *ptr;
	size_t len;
} pwk_iovec_t;

/* Result of object_wait. */
typedef struct {
	pwk_status_t status; /* OK, or why the wait failed */
	uintptr_t user_data; /* wait groups: the member's user_data; else 0 */
	uint32_t pending_signals;
} pwk_wait_result_t;

/* A syscall that returns a count: status OK and `value` = the count. */
typedef struct {
	pwk_status_t status;
	size_t value;
} pwk_count_result_t;

typedef struct {
	pwk_status_t status; /* OK when joined */
	pwk_exit_tag_t tag;
	uint32_t payload;
} pwk_join_result_t;

/* The process entry point every process defines. `index_in_app` is a0. Its
 * return value becomes the process_exit code. */
int pwk_main(uint32_t index_in_app);

/* --- channels ---------------------------------------------------------- */
pwk_count_result_t pwk_channel_transact(uint32_t handle, const void *send, size_t send_len,
					void *recv, size_t recv_len, pwk_instant_t deadline);
pwk_count_result_t pwk_channel_transactv(uint32_t handle, const pwk_iovec_t *send,
					 size_t send_count, const pwk_iovec_t *recv,
					 size_t recv_count, pwk_instant_t deadline);
pwk_status_t pwk_channel_async_transact(uint32_t handle, const void *send, size_t send_len,
					void *recv, size_t recv_len);
pwk_count_result_t pwk_channel_async_transact_complete(uint32_t handle);
pwk_status_t pwk_channel_async_cancel(uint32_t handle);
pwk_count_result_t pwk_channel_read(uint32_t handle, size_t offset, void *buf, size_t len);
pwk_status_t pwk_channel_respond(uint32_t handle, const void *buf, size_t len);
pwk_status_t pwk_channel_respondv(uint32_t handle, const pwk_iovec_t *buf, size_t count);
pwk_status_t pwk_object_set_peer_user_signal(uint32_t handle, bool set);

/* --- waiting ------------------------------------------------------------- */
pwk_wait_result_t pwk_object_wait(uint32_t handle, uint32_t signal_mask, pwk_instant_t deadline);
pwk_status_t pwk_wait_group_add(uint32_t group, uint32_t object, uint32_t signal_mask,
				uintptr_t user_data);
pwk_status_t pwk_wait_group_remove(uint32_t group, uint32_t object);
pwk_status_t pwk_interrupt_ack(uint32_t handle, uint32_t signal_mask);

/* --- threads and processes -------------------------------------------------- */
_Noreturn void pwk_process_exit(uint32_t code);
_Noreturn void pwk_thread_exit(uint32_t code);
pwk_status_t pwk_process_start(uint32_t handle);
pwk_status_t pwk_thread_start(uint32_t handle, void (*entry)(void), void *stack_top);
pwk_status_t pwk_task_terminate(uint32_t handle);
pwk_join_result_t pwk_task_join(uint32_t handle);

/* --- debug and time --------------------------------------------------------- */
pwk_instant_t pwk_now(void);
pwk_status_t pwk_debug_log(const char *bytes, size_t len);
pwk_status_t pwk_debug_putc(uint32_t c);
pwk_status_t pwk_debug_nop(void);
pwk_status_t pwk_debug_trigger_interrupt(uint32_t irq);
_Noreturn void pwk_debug_shutdown(uint32_t code);

/* Ticks per second of the clock behind pwk_now() and deadlines. hal-host's
 * virtual clock counts nanoseconds; a VeeR board build defines its mtime rate. */
#ifndef PWK_CLOCK_HZ
#define PWK_CLOCK_HZ 1000000000u
#endif

/* Deadline `ms` milliseconds from now (saturating at PWK_INSTANT_MAX). */
pwk_instant_t pwk_deadline_after_ms(uint64_t ms);

/* --- tiny logger over debug_log (no libc) ---------------------------------- */
/* pwk_log("Sent %c, received (%c,%c)\n", ...): printf's conversions
 * d i u x X o c s p %, flags '-' and '0', width, precision ("%.*s"), and the
 * length modifiers hh h l ll z j t (%lu, %llx, %zu...). Checked by the
 * compiler like printf (-Wformat, which `pkg-config --cflags` turns on);
 * output longer than PWK_LOG_LINE_MAX is truncated. */
#define PWK_LOG_LINE_MAX 160
void pwk_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Freestanding memory primitives the compiler may call. */
void *memcpy(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
void *memmove(void *dst, const void *src, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t pwk_strlen(const char *s);

#endif /* PWK_USER_H */
