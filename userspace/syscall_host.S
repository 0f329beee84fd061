/*
 * hal-host's gate entries in assembly. The simulator's gate takes the id in
 * rax and a0..a5 in rdi, rsi, rdx, rcx, r8, r9, on the caller's stack, and
 * returns a0/a1 in rax/rdx like a C function returning a two-word struct.
 * 64-bit words: no syscall needs a6. The typed wrappers call it inline
 * (syscall_host.h); here:
 *   pwk_raw_syscall(id, a0..a6) arrives as a C call (rdi = id, rsi..r9 =
 *     a0..a4, [rsp+8] = a5) and moves them there;
 *   pwk_host_preempt(), the budget hook's way in.
 * The gate's address is read from the read-only link page (host_link.h)
 * at every call, so it is never copied into the process's RAM.
 */
#include "host_link.h"

/* The jump to the gate whose address is at `offset` in the link page. */
.macro GATE_JUMP offset
	movq	__pwk_host_link(%rip), %r11
	jmpq	*\offset(%r11)
.endm

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
	GATE_JUMP PWK_HOST_LINK_SYSCALL_GATE
	.size	pwk_raw_syscall, .-pwk_raw_syscall

/* void pwk_host_preempt(void): the budget hook's way into hal-host. */
	.globl	pwk_host_preempt
	.hidden	pwk_host_preempt
	.type	pwk_host_preempt, @function
pwk_host_preempt:
	GATE_JUMP PWK_HOST_LINK_PREEMPT_GATE
	.size	pwk_host_preempt, .-pwk_host_preempt

	.section .note.GNU-stack,"",@progbits
