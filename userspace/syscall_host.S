/*
 * hal-host syscall stub. Arguments arrive as a C call:
 *   rdi = id, rsi..r9 = a0..a4, [rsp+8] = a5, [rsp+16] = a6.
 * The simulator's gate takes id and a0..a4 in the same registers and a5 in
 * rax, on the caller's stack, and returns a0/a1 in rax/rdx like a C
 * function returning a two-word struct. 64-bit words: no syscall needs a6.
 * The gate's address is read from the read-only link page (host_link.h)
 * at every call, so it is never copied into the process's RAM.
 */
#include "host_link.h"

	.text
	.globl	pwk_raw_syscall
	.hidden	pwk_raw_syscall
	.type	pwk_raw_syscall, @function
pwk_raw_syscall:
	movq	8(%rsp), %rax
	movq	__pwk_host_link(%rip), %r11
	jmpq	*PWK_HOST_LINK_SYSCALL_GATE(%r11)
	.size	pwk_raw_syscall, .-pwk_raw_syscall

/* void pwk_host_preempt(void): the budget hook's way into hal-host. */
	.globl	pwk_host_preempt
	.hidden	pwk_host_preempt
	.type	pwk_host_preempt, @function
pwk_host_preempt:
	movq	__pwk_host_link(%rip), %r11
	jmpq	*PWK_HOST_LINK_PREEMPT_GATE(%r11)
	.size	pwk_host_preempt, .-pwk_host_preempt

	.section .note.GNU-stack,"",@progbits
