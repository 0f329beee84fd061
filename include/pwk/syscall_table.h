/* SPDX-License-Identifier: Apache-2.0 */
/*
 * pwk/syscall_table.h — the one description of every syscall: its id
 * (pw_kernel's syscall_defs.rs numbering), its name, its arguments in order
 * (kind and name) and how its result is encoded. Everything else is derived
 * from it: the id enum (pwk/abi.h), the argument words (pwk/syscall_args.h),
 * the kernel's decoders and its one dispatch switch (kernel-core/src/
 * syscall.h), the userspace wrappers, and the names sim and hal-host print.
 *
 * PWK_SYSCALL_TABLE(X, ctx) calls X(ctx, NAME, name, id, RET) once per
 * syscall, in id order: NAME is the upper-case suffix of PWK_SYSCALL_<NAME>,
 * name the lower-case name (pw_kernel's, and the scenario files'), RET one of
 * PWK_RET_<RET>. `ctx` is passed through untouched, so a consumer can pass
 * a macro of its own on (see PWK_SYSCALL_LIST in pwk/abi.h).
 *
 * PWK_SYSCALL_ARGS_<name>(A, s) calls A(s, KIND, arg) once per argument, in
 * argument order: KIND is one of PWK_ARG_<KIND>, arg the argument's name.
 * `s` is passed through untouched.
 *
 * Freestanding: only <stdint.h> and <stddef.h>.
 */
#ifndef PWK_SYSCALL_TABLE_H
#define PWK_SYSCALL_TABLE_H

/* The tables are for assembly too (userspace/syscall_host.S). */
#ifndef __ASSEMBLER__
#include <stddef.h>
#include <stdint.h>

/* What an argument is. It decides how many words it takes (an INSTANT two
 * where words are 32 bits, everything else one) and how a trace shows it. */
typedef enum {
	PWK_ARG_HANDLE,  /* index into the caller's object table */
	PWK_ARG_WORD,    /* a plain value (code, offset, flag, user_data, irq) */
	PWK_ARG_PTR,     /* a user address (a buffer's start when a LEN follows) */
	PWK_ARG_LEN,     /* a buffer length; < 0: -len iovec entries at the PTR */
	PWK_ARG_MASK,    /* a signal mask */
	PWK_ARG_INSTANT, /* a 64-bit absolute deadline in ticks */
} pwk_syscall_arg_kind_t;

/* How the two result words a0/a1 are encoded (pw_kernel §1.2; pwk/abi.h
 * pwk_syscall_ret_t). */
typedef enum {
	PWK_RET_UNIT,     /* Result<()>: a0 = 0 or -status */
	PWK_RET_COUNT,    /* Result<count>: a0 = count or -status */
	PWK_RET_WAIT,     /* WaitReturn: (user_data, signals) or (+status, RESERVED) */
	PWK_RET_EXIT,     /* ExitStatus: (tag, payload) or as Result */
	PWK_RET_INSTANT,  /* an instant: one word, or low/high words on 32 bits */
	PWK_RET_NORETURN, /* never returns to the caller */
} pwk_syscall_ret_kind_t;
#endif

/* Syscall ids are 16 bits; 0x0000, 0x0012, 0xF000 and 0xF007 are bounds,
 * not syscalls. */
#define PWK_SYSCALL_TABLE(X, ctx)                                                                  \
	X(ctx, CHANNEL_ASYNC_CANCEL, channel_async_cancel, 0x0001, UNIT)                           \
	X(ctx, CHANNEL_ASYNC_TRANSACT, channel_async_transact, 0x0002, UNIT)                       \
	X(ctx, CHANNEL_ASYNC_TRANSACT_COMPLETE, channel_async_transact_complete, 0x0003, COUNT)    \
	X(ctx, CHANNEL_READ, channel_read, 0x0004, COUNT)                                          \
	X(ctx, CHANNEL_RESPOND, channel_respond, 0x0005, UNIT)                                     \
	X(ctx, CHANNEL_TRANSACT, channel_transact, 0x0006, COUNT)                                  \
	X(ctx, INTERRUPT_ACK, interrupt_ack, 0x0007, UNIT)                                         \
	X(ctx, OBJECT_WAIT, object_wait, 0x0008, WAIT)                                             \
	X(ctx, PROCESS_EXIT, process_exit, 0x0009, NORETURN)                                       \
	X(ctx, PROCESS_START, process_start, 0x000a, UNIT)                                         \
	X(ctx, OBJECT_SET_PEER_USER_SIGNAL, object_set_peer_user_signal, 0x000b, UNIT)             \
	X(ctx, TASK_JOIN, task_join, 0x000c, EXIT)                                                 \
	X(ctx, TASK_TERMINATE, task_terminate, 0x000d, UNIT)                                       \
	X(ctx, THREAD_EXIT, thread_exit, 0x000e, NORETURN)                                         \
	X(ctx, THREAD_START, thread_start, 0x000f, UNIT)                                           \
	X(ctx, WAIT_GROUP_ADD, wait_group_add, 0x0010, UNIT)                                       \
	X(ctx, WAIT_GROUP_REMOVE, wait_group_remove, 0x0011, UNIT)                                 \
	X(ctx, DEBUG_PUTC, debug_putc, 0xf001, COUNT)                                              \
	X(ctx, DEBUG_SHUTDOWN, debug_shutdown, 0xf002, NORETURN)                                   \
	X(ctx, DEBUG_LOG, debug_log, 0xf003, UNIT)                                                 \
	X(ctx, DEBUG_NOP, debug_nop, 0xf004, UNIT)                                                 \
	X(ctx, DEBUG_TRIGGER_INTERRUPT, debug_trigger_interrupt, 0xf005, UNIT)                     \
	X(ctx, DEBUG_CLOCK_NOW, debug_clock_now, 0xf006, INSTANT)

/* --- arguments, one list per syscall (docs/syscall-reference.md) ---------- */

#define PWK_SYSCALL_ARGS_channel_async_cancel(A, s) A(s, HANDLE, handle)

#define PWK_SYSCALL_ARGS_channel_async_transact(A, s)                                              \
	A(s, HANDLE, handle)                                                                       \
	A(s, PTR, send_ptr) A(s, LEN, send_len) A(s, PTR, recv_ptr) A(s, LEN, recv_len)

#define PWK_SYSCALL_ARGS_channel_async_transact_complete(A, s) A(s, HANDLE, handle)

#define PWK_SYSCALL_ARGS_channel_read(A, s)                                                        \
	A(s, HANDLE, handle) A(s, WORD, offset) A(s, PTR, buf_ptr) A(s, LEN, buf_len)

#define PWK_SYSCALL_ARGS_channel_respond(A, s)                                                     \
	A(s, HANDLE, handle) A(s, PTR, buf_ptr) A(s, LEN, buf_len)

#define PWK_SYSCALL_ARGS_channel_transact(A, s)                                                    \
	A(s, HANDLE, handle)                                                                       \
	A(s, PTR, send_ptr)                                                                        \
	A(s, LEN, send_len) A(s, PTR, recv_ptr) A(s, LEN, recv_len) A(s, INSTANT, deadline)

#define PWK_SYSCALL_ARGS_interrupt_ack(A, s) A(s, HANDLE, handle) A(s, MASK, mask)

#define PWK_SYSCALL_ARGS_object_wait(A, s)                                                         \
	A(s, HANDLE, handle) A(s, MASK, mask) A(s, INSTANT, deadline)

#define PWK_SYSCALL_ARGS_process_exit(A, s) A(s, WORD, code)

#define PWK_SYSCALL_ARGS_process_start(A, s) A(s, HANDLE, handle)

#define PWK_SYSCALL_ARGS_object_set_peer_user_signal(A, s) A(s, HANDLE, handle) A(s, WORD, set)

#define PWK_SYSCALL_ARGS_task_join(A, s) A(s, HANDLE, handle)

#define PWK_SYSCALL_ARGS_task_terminate(A, s) A(s, HANDLE, handle)

#define PWK_SYSCALL_ARGS_thread_exit(A, s) A(s, WORD, code)

#define PWK_SYSCALL_ARGS_thread_start(A, s) A(s, HANDLE, handle) A(s, PTR, pc) A(s, PTR, sp)

#define PWK_SYSCALL_ARGS_wait_group_add(A, s)                                                      \
	A(s, HANDLE, group) A(s, HANDLE, object) A(s, MASK, mask) A(s, WORD, user_data)

#define PWK_SYSCALL_ARGS_wait_group_remove(A, s) A(s, HANDLE, group) A(s, HANDLE, object)

#define PWK_SYSCALL_ARGS_debug_putc(A, s) A(s, WORD, c)

#define PWK_SYSCALL_ARGS_debug_shutdown(A, s) A(s, WORD, code)

#define PWK_SYSCALL_ARGS_debug_log(A, s) A(s, PTR, buf_ptr) A(s, LEN, buf_len)

#define PWK_SYSCALL_ARGS_debug_nop(A, s)

#define PWK_SYSCALL_ARGS_debug_trigger_interrupt(A, s) A(s, WORD, irq)

#define PWK_SYSCALL_ARGS_debug_clock_now(A, s)

/* --- names ---------------------------------------------------------------- */

#ifndef __ASSEMBLER__
/* The lower-case name of syscall `id` ("channel_respond"), or NULL when `id`
 * names no syscall. Only the low 16 bits of a trapped id count; pass those. */
static inline const char *pwk_syscall_name(uint32_t id)
{
	switch (id) {
#define PWK__SYSCALL_NAME_CASE(ctx, NAME, name, value, RET)                                        \
	case value:                                                                                \
		return #name;
		PWK_SYSCALL_TABLE(PWK__SYSCALL_NAME_CASE, ~)
#undef PWK__SYSCALL_NAME_CASE
	default:
		return NULL;
	}
}
#endif

#endif /* PWK_SYSCALL_TABLE_H */
