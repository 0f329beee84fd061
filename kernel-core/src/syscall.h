/* SPDX-License-Identifier: Apache-2.0 */
/*
 * syscall.h — shared by the two halves of the syscall layer: syscall.c
 * (trap entry, encodings, IPC and waiting syscalls) and syscall_task.c
 * (process, thread and debug syscalls).
 */
#ifndef PWK_SYSCALL_H
#define PWK_SYSCALL_H

#include <pwk/abi.h>

#include "object.h"

/* How the two result words are encoded (pw_kernel §1.2). */
enum pwk_ret_kind {
	PWK_RET_UNIT,    /* Result<()> */
	PWK_RET_COUNT,   /* Result<count> */
	PWK_RET_WAIT,    /* WaitReturn */
	PWK_RET_EXIT,    /* ExitStatus */
	PWK_RET_INSTANT, /* debug_clock_now */
};

/* What a syscall returns besides its status. */
struct pwk_syscall_out {
	size_t count;
	struct pwk_wait_result wait;
	pwk_exit_tag_t exit_tag;
	pwk_word_t exit_payload;
	pwk_instant_t instant;
};

/* The process of the calling thread. */
uint32_t pwk__caller_process(void);

/* The 64-bit argument starting at word `i`: one word on 64-bit machines, two
 * (low first) on 32-bit ones. */
pwk_instant_t pwk__arg_instant(const pwk_word_t args[PWK_SYSCALL_ARGS_MAX], uint32_t i);

/* INVALID_ARGUMENT for a mask with bits outside PWK_SIGNAL_VALID. */
pwk_status_t pwk__check_mask(pwk_word_t mask);

/* `handle` in the caller's table: OUT_OF_RANGE if absent. */
pwk_status_t pwk__lookup(pwk_word_t handle, struct pwk_object **obj, uint32_t *index);

/* UNIMPLEMENTED unless `obj` is of `type`. */
pwk_status_t pwk__expect_type(const struct pwk_object *obj, pwk_object_type_t type);

/* pwk__lookup then pwk__expect_type. */
pwk_status_t pwk__lookup_typed(pwk_word_t handle, pwk_object_type_t type, struct pwk_object **obj);

/* Decodes and performs the process, thread and debug syscalls; `id` is any
 * id the IPC half does not know (INVALID_ARGUMENT if nobody does). */
pwk_status_t pwk__dispatch_task(uint32_t id, const pwk_word_t args[PWK_SYSCALL_ARGS_MAX],
				struct pwk_syscall_out *out, enum pwk_ret_kind *kind);

#endif /* PWK_SYSCALL_H */
