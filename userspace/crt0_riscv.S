/* SPDX-License-Identifier: Apache-2.0 */
/*
 * crt0_riscv.S — process entry on hal-veer. PROCESS.ld puts .text.entry
 * first, so _start is the process's flash start (its thread entry). The
 * kernel starts the main thread here with sp = the top of the process's
 * RAM and a0 = the process's index in its app. Every start (and restart)
 * copies .data from flash and zeroes .bss, so a restarted process begins
 * from its initial RAM. Threads started with thread_start() enter their
 * own functions, never here.
 */
	.section .text.entry, "ax", @progbits
	.globl	_start
	.type	_start, @function
_start:
	.option push
	.option norelax
	la	gp, __global_pointer$
	.option pop
	mv	s0, a0
	la	a0, __data_start
	la	a1, __data_end
	la	a2, __data_load
1:	bgeu	a0, a1, 2f
	lw	t0, 0(a2)
	sw	t0, 0(a0)
	addi	a0, a0, 4
	addi	a2, a2, 4
	j	1b
2:	la	a0, __bss_start
	la	a1, __bss_end
3:	bgeu	a0, a1, 4f
	sw	zero, 0(a0)
	addi	a0, a0, 4
	j	3b
4:	mv	a0, s0
	call	pwk_main
	call	pwk_process_exit
5:	j	5b
	.size	_start, .-_start
