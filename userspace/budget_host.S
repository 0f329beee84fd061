/*
 * budget_host.S — the basic-block hook (budget_host.c says what it is for):
 * GCC calls __sanitizer_cov_trace_pc at every basic block of process code,
 * so its common case (no coverage map, budget left) is six instructions,
 * written here rather than left to the compiler, which tested the budget
 * pointer and kept the decrement in a register. The loader always sets
 * __pwk_host_budget (crt0_host.c, from the link page) before process code
 * runs; a process that overwrites it faults on its own bad pointer here,
 * as it would on any.
 */
	.text
	.globl	__sanitizer_cov_trace_pc
	.hidden	__sanitizer_cov_trace_pc
	.type	__sanitizer_cov_trace_pc, @function
__sanitizer_cov_trace_pc:
	cmpq	$0, __pwk_host_coverage(%rip)
	jne	pwk_host_covered_block /* budget_host.c: the edge, then the count */
	movq	__pwk_host_budget(%rip), %rax
	subq	$1, (%rax)
	jle	pwk_host_preempt /* spent: enter hal-host, which returns to the block */
	ret
	.size	__sanitizer_cov_trace_pc, .-__sanitizer_cov_trace_pc

	.section .note.GNU-stack,"",@progbits
