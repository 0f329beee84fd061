/* SPDX-License-Identifier: Apache-2.0 */
/*
 * start.S — reset: the boot stack, the kernel's gp, .data from flash, a
 * zeroed .bss, the trap vector, then veer_boot() (pwk_boot + pwk_run).
 * Every board resets into _start (kernel.ld puts .text.start first).
 */
	.section .text.start, "ax", @progbits
	.globl	_start
	.type	_start, @function
_start:
	csrw	mie, zero
	csrw	mstatus, zero		/* M-mode, interrupts off */
	.option push
	.option norelax
	la	gp, __global_pointer$
	.option pop
	la	sp, __kernel_stack_top

	la	a0, __kernel_data_start
	la	a1, __kernel_data_end
	la	a2, __kernel_data_load
1:	bgeu	a0, a1, 2f
	lw	t0, 0(a2)
	sw	t0, 0(a0)
	addi	a0, a0, 4
	addi	a2, a2, 4
	j	1b
2:	la	a0, __kernel_bss_start
	la	a1, __kernel_bss_end
3:	bgeu	a0, a1, 4f
	sw	zero, 0(a0)
	addi	a0, a0, 4
	j	3b

	/* Direct mode (every cause at one entry): QEMU and VeeR both accept
	 * it, and the entry tells user from machine traps by mscratch. */
4:	la	t0, veer_trap_entry
	csrw	mtvec, t0
	csrw	mscratch, zero		/* 0 = "trapped from machine mode" */
	call	veer_boot
5:	j	5b
	.size	_start, .-_start
