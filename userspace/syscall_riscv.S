/* SPDX-License-Identifier: Apache-2.0 */
/*
 * hal-veer syscall stub: pwk_raw_syscall(id, a0..a6) arrives as a C call
 * (a0 = id, a1..a7 = arguments) and traps with the id in t0 and the
 * arguments in a0..a6; the kernel returns the two result words in a0/a1,
 * as a C function returning a two-word struct.
 */
	.text
	.globl	pwk_raw_syscall
	.hidden	pwk_raw_syscall
	.type	pwk_raw_syscall, @function
pwk_raw_syscall:
	mv	t0, a0
	mv	a0, a1
	mv	a1, a2
	mv	a2, a3
	mv	a3, a4
	mv	a4, a5
	mv	a5, a6
	mv	a6, a7
	ecall
	ret
	.size	pwk_raw_syscall, .-pwk_raw_syscall
