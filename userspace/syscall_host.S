/*
 * hal-host syscall stub. The simulator's gate takes the id in rax and
 * a0..a5 in rdi, rsi, rdx, rcx, r8, r9, on the caller's stack, and returns
 * a0/a1 in rax/rdx like a C function returning a two-word struct. 64-bit
 * words: no syscall needs a6. pwk_raw_syscall(id, a0..a6) arrives as a C
 * call (rdi = id, rsi..r9 = a0..a4, [rsp+8] = a5) and moves them there;
 * the typed wrappers enter through one stub per syscall instead
 * (syscall_host.c), with their arguments already in place.
 * The gate's address is read from the read-only link page (host_link.h)
 * at every call, so it is never copied into the process's RAM.
 */
#include "host_link.h"

	.text
	.globl	pwk_raw_syscall
	.hidden	pwk_raw_syscall
	.type	pwk_raw_syscall, @function
pwk_raw_syscall:
	movq	%rdi, %rax
	movq	%rsi, %rdi
	movq	%rdx, %rsi
	movq	%rcx, %rdx
	movq	%r8, %rcx
	movq	%r9, %r8
	movq	8(%rsp), %r9
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
