/* SPDX-License-Identifier: Apache-2.0 */
/*
 * syscall.h — shared by the two halves of the syscall layer: syscall.c
 * (trap entry, the one dispatch switch, encodings, IPC and waiting
 * decoders) and syscall_task.c (process, thread and debug decoders).
 */
#ifndef PWK_SYSCALL_H
#define PWK_SYSCALL_H

#include <pwk/syscall_args.h>

#include "object.h"
#include "thread.h"
#include "trace.h"

/* What a syscall returns besides its status, by result kind. */
struct pwk_syscall_out {
	size_t count;
	struct pwk_wait_result wait;
	pwk_exit_tag_t exit_tag;
	pwk_word_t exit_payload;
	pwk_instant_t instant;
};

/* The result words of a syscall that returned `status` (and, if it is OK,
 * `count` / `result`), as the ABI lays them out (pwk/abi.h). Inline for
 * the fast path, which builds its results itself. */
static inline pwk_syscall_ret_t pwk__ret_status(pwk_status_t status)
{
	return status == PWK_OK
		       ? (pwk_syscall_ret_t){0, 0}
		       : (pwk_syscall_ret_t){(pwk_word_t)0 - (pwk_word_t)status, ~(pwk_word_t)0};
}

static inline pwk_syscall_ret_t pwk__ret_count(pwk_status_t status, size_t count)
{
	return status == PWK_OK ? (pwk_syscall_ret_t){count, 0} : pwk__ret_status(status);
}

/* The wait return flags errors with RESERVED and a positive code. */
static inline pwk_syscall_ret_t pwk__ret_wait(pwk_status_t status,
					      const struct pwk_wait_result *result)
{
	return status == PWK_OK ? (pwk_syscall_ret_t){result->user_data, result->signals}
				: (pwk_syscall_ret_t){(pwk_word_t)status, PWK_SIGNAL_RESERVED};
}

/* Every syscall's end, full path or fast: the exit record, then a caller
 * asked to exit does so (and does not return). */
static inline void pwk__syscall_end(struct pwk_thread *caller, uint32_t id, pwk_status_t status)
{
	pwk__trace_syscall_exit(caller->index, id, status);
	if (caller->terminating) {
		pwk__thread_exit_if_terminating();
	}
}

/* Syscall `id` (16 bits) of `caller`, the current thread, with its
 * argument words, by the one dispatch switch: the entry record, the
 * decoder, pwk__syscall_end(); returns the result words. The full path of
 * pwk_trap_syscall (fastpath.c), in its own frame (the switch inlines
 * every decoder it can). */
pwk_syscall_ret_t pwk__syscall_full_path(struct pwk_thread *caller, uint32_t id,
					 const pwk_word_t *args);

/* The process of the calling thread. */
uint32_t pwk__caller_process(void);

/* INVALID_ARGUMENT for a mask with bits outside PWK_SIGNAL_MASK_VALID. */
pwk_status_t pwk__check_mask(pwk_word_t mask);

/* `handle` in the caller's table: OUT_OF_RANGE if absent. */
pwk_status_t pwk__lookup(pwk_word_t handle, struct pwk_object **obj, uint32_t *index);

/* UNIMPLEMENTED unless `obj` is of `type`. */
pwk_status_t pwk__expect_type(const struct pwk_object *obj, pwk_object_type_t type);

/* pwk__lookup then pwk__expect_type. */
pwk_status_t pwk__lookup_typed(pwk_word_t handle, pwk_object_type_t type, struct pwk_object **obj);

/* Argument `arg` of syscall NAME in the trap's words `a`, at this build's
 * word size (the layout comes from pwk/syscall_table.h). */
#define PWK__ARG(a, NAME, arg)         PWK_SYSCALL_GET_WORD(a, PWK_WORD_BITS, NAME, arg)
#define PWK__ARG_INSTANT(a, NAME, arg) PWK_SYSCALL_GET_INSTANT(a, PWK_WORD_BITS, NAME, arg)

/* One decoder per syscall of the table, pwk__decode_<name>(): it reads its
 * arguments from the trap's words, checks them in pw_kernel's order, then
 * performs the call. Its signature follows the syscall's result kind, so a
 * decoder that disagrees with the table does not compile. syscall.c holds
 * the IPC and waiting decoders, syscall_task.c the task and debug ones. */
#define PWK__DECODER_UNIT(name)  pwk_status_t pwk__decode_##name(const pwk_word_t *a)
#define PWK__DECODER_COUNT(name) pwk_status_t pwk__decode_##name(const pwk_word_t *a, size_t *count)
#define PWK__DECODER_WAIT(name)                                                                    \
	pwk_status_t pwk__decode_##name(const pwk_word_t *a, struct pwk_wait_result *result)
#define PWK__DECODER_EXIT(name)                                                                    \
	pwk_status_t pwk__decode_##name(const pwk_word_t *a, pwk_exit_tag_t *tag,                  \
					pwk_word_t *payload)
#define PWK__DECODER_INSTANT(name)                                                                 \
	pwk_status_t pwk__decode_##name(const pwk_word_t *a, pwk_instant_t *instant)
#define PWK__DECODER_NORETURN(name) _Noreturn void pwk__decode_##name(const pwk_word_t *a)

#define PWK__DECODER_PROTOTYPE(ctx, NAME, name, value, RET) PWK__DECODER_##RET(name);
PWK_SYSCALL_TABLE(PWK__DECODER_PROTOTYPE, ~)
#undef PWK__DECODER_PROTOTYPE

#endif /* PWK_SYSCALL_H */
