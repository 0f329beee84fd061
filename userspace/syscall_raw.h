/*
 * syscall_raw.h — the one machine-specific call of the userspace runtime:
 * trap into the kernel with syscall `id` and up to seven argument words.
 * hal-host: syscall_host.S jumps into the simulator's gate; VeeR: ecall
 * with the id in t0 and the arguments in a0..a6.
 */
#ifndef PWK_USERSPACE_SYSCALL_RAW_H
#define PWK_USERSPACE_SYSCALL_RAW_H

#include <pwk/abi.h>

pwk_syscall_ret_t pwk_raw_syscall(pwk_word_t id, pwk_word_t a0, pwk_word_t a1, pwk_word_t a2,
				  pwk_word_t a3, pwk_word_t a4, pwk_word_t a5, pwk_word_t a6);

#endif
