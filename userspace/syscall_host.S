/*
 * hal-host syscall stub. Arguments arrive as a C call:
 *   rdi = id, rsi..r9 = a0..a4, [rsp+8] = a5, [rsp+16] = a6.
 * The simulator's gate takes id and a0..a4 in the same registers and a5 in
 * rax, on the caller's stack, and returns a0/a1 in rax/rdx like a C
 * function returning a two-word struct. 64-bit words: no syscall needs a6.
 */
	.text
	.globl	pwk_raw_syscall
	.hidden	pwk_raw_syscall
	.type	pwk_raw_syscall, @function
pwk_raw_syscall:
	movq	8(%rsp), %rax
	jmpq	*__pwk_host_gate(%rip)
	.size	pwk_raw_syscall, .-pwk_raw_syscall

	.section .note.GNU-stack,"",@progbits
