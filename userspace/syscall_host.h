/*
 * syscall_host.h — hal-host's way into the kernel for the typed wrappers:
 * one stub per syscall (syscall_host.S), pwk_host_sys_<name>(a0..a5), that
 * sets the id and jumps to the gate. The gate takes a0..a5 in the C
 * argument registers (syscall_host.S), so a wrapper whose arguments are the
 * syscall's, in order, calls its stub with nothing to move; through
 * pwk_raw_syscall the id would shift every argument by one register.
 */
#ifndef PWK_USERSPACE_SYSCALL_HOST_H
#define PWK_USERSPACE_SYSCALL_HOST_H

#include <pwk/syscall_args.h>

#include "syscall_raw.h"

#define PWK__HOST_SYS_DECLARE(ctx, NAME, name, id, RET)                                            \
	pwk_syscall_ret_t pwk_host_sys_##name(pwk_word_t a0, pwk_word_t a1, pwk_word_t a2,         \
					      pwk_word_t a3, pwk_word_t a4, pwk_word_t a5);
PWK_SYSCALL_TABLE(PWK__HOST_SYS_DECLARE, _)

#define PWK__HOST_SYS_CASE(c, NAME, name, id, RET)                                                 \
	case id:                                                                                   \
		return pwk_host_sys_##name(c.args[0], c.args[1], c.args[2], c.args[3], c.args[4],  \
					   c.args[5]);

/* `c` as the kernel takes it: its stub when the id is the table's (a
 * constant in every wrapper, so the switch folds to one call), else the
 * raw call. 64-bit words: no syscall fills args[6]. */
static inline pwk_syscall_ret_t pwk_host_sys(struct pwk_syscall_call c)
{
	switch (c.id) {
		PWK_SYSCALL_TABLE(PWK__HOST_SYS_CASE, c)
	default:
		return pwk_raw_syscall(c.id, c.args[0], c.args[1], c.args[2], c.args[3], c.args[4],
				       c.args[5], c.args[6]);
	}
}

#endif
