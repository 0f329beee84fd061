/*
 * budget_host.S — the basic-block hook (budget_host.c says what it is for):
 * GCC calls __sanitizer_cov_trace_pc at every basic block of process code,
 * so its common case (budget left) is four instructions, written here
 * rather than left to the compiler, which tested the pointer and kept the
 * decrement in a register. The counter is the budget, or with a coverage
 * map a word that is never above 0 (crt0_host.c), so that the map costs
 * nothing when absent: the slow way tells the two apart. The loader always
 * sets the pointers (crt0_host.c, from the link page) before process code
 * runs; a process that overwrites them faults on its own bad pointer here,
 * as it would on any.
 */
	.text
	.globl	__sanitizer_cov_trace_pc
	.hidden	__sanitizer_cov_trace_pc
	.type	__sanitizer_cov_trace_pc, @function
__sanitizer_cov_trace_pc:
	movq	__pwk_host_block_counter(%rip), %rax
	subq	$1, (%rax)
	jle	1f
	ret
1:	cmpq	$0, __pwk_host_coverage(%rip)
	jne	pwk_host_covered_block /* budget_host.c: the edge, then the count */
	jmp	pwk_host_preempt /* spent: enter hal-host, which returns to the block */
	.size	__sanitizer_cov_trace_pc, .-__sanitizer_cov_trace_pc

	.section .note.GNU-stack,"",@progbits
