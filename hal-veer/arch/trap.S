/* SPDX-License-Identifier: Apache-2.0 */
/*
 * trap.S — trap entry and exit.
 *
 * mscratch holds the running thread's kernel stack top while it is in user
 * mode and 0 while the kernel runs, so one swap tells the two apart:
 *  - from user mode: the whole user context is saved as a struct veer_frame
 *    at the top of the thread's (empty) kernel stack, the kernel's gp is
 *    loaded and veer_trap(frame) runs; the exit path restores the frame
 *    and mrets to user mode with interrupts enabled there;
 *  - from machine mode: the kernel runs with interrupts off, so this is
 *    either a kernel fault (a panic) or an interrupt taken by the idle
 *    sleep (VeeR's mpmc enables interrupts as it halts): it returns with
 *    interrupts off again and the idle loop looks at what happened.
 */
#define FRAME 128

	.section .text.trap, "ax", @progbits
	.balign	4
	.globl	veer_trap_entry
	.type	veer_trap_entry, @function
veer_trap_entry:
	csrrw	sp, mscratch, sp
	beqz	sp, .Lfrom_machine
	addi	sp, sp, -FRAME
	sw	x1, 4(sp)
	sw	x3, 12(sp)
	sw	x4, 16(sp)
	sw	x5, 20(sp)
	sw	x6, 24(sp)
	sw	x7, 28(sp)
	sw	x8, 32(sp)
	sw	x9, 36(sp)
	sw	x10, 40(sp)
	sw	x11, 44(sp)
	sw	x12, 48(sp)
	sw	x13, 52(sp)
	sw	x14, 56(sp)
	sw	x15, 60(sp)
	sw	x16, 64(sp)
	sw	x17, 68(sp)
	sw	x18, 72(sp)
	sw	x19, 76(sp)
	sw	x20, 80(sp)
	sw	x21, 84(sp)
	sw	x22, 88(sp)
	sw	x23, 92(sp)
	sw	x24, 96(sp)
	sw	x25, 100(sp)
	sw	x26, 104(sp)
	sw	x27, 108(sp)
	sw	x28, 112(sp)
	sw	x29, 116(sp)
	sw	x30, 120(sp)
	sw	x31, 124(sp)
	csrr	t0, mscratch
	sw	t0, 8(sp)		/* the user sp */
	csrw	mscratch, zero
	csrr	t0, mepc
	sw	t0, 0(sp)
	.option push
	.option norelax
	la	gp, __global_pointer$
	.option pop
	mv	a0, sp
	call	veer_trap
	/* fall through */

/* sp = the frame at the top of the current thread's kernel stack. */
	.globl	veer_return_to_user
veer_return_to_user:
	lw	t0, 0(sp)
	csrw	mepc, t0
	li	t0, 0x1800
	csrc	mstatus, t0		/* MPP = user */
	li	t0, 0x80
	csrs	mstatus, t0		/* MPIE: interrupts on after mret */
	addi	t0, sp, FRAME
	csrw	mscratch, t0
	lw	x1, 4(sp)
	lw	x3, 12(sp)
	lw	x4, 16(sp)
	lw	x5, 20(sp)
	lw	x6, 24(sp)
	lw	x7, 28(sp)
	lw	x8, 32(sp)
	lw	x9, 36(sp)
	lw	x10, 40(sp)
	lw	x11, 44(sp)
	lw	x12, 48(sp)
	lw	x13, 52(sp)
	lw	x14, 56(sp)
	lw	x15, 60(sp)
	lw	x16, 64(sp)
	lw	x17, 68(sp)
	lw	x18, 72(sp)
	lw	x19, 76(sp)
	lw	x20, 80(sp)
	lw	x21, 84(sp)
	lw	x22, 88(sp)
	lw	x23, 92(sp)
	lw	x24, 96(sp)
	lw	x25, 100(sp)
	lw	x26, 104(sp)
	lw	x27, 108(sp)
	lw	x28, 112(sp)
	lw	x29, 116(sp)
	lw	x30, 120(sp)
	lw	x31, 124(sp)
	lw	sp, 8(sp)
	mret

.Lfrom_machine:
	csrrw	sp, mscratch, sp	/* kernel sp back, mscratch = 0 again */
	addi	sp, sp, -16
	sw	t0, 0(sp)
	sw	t1, 4(sp)
	csrr	t0, mcause
	bgez	t0, .Lmachine_fault
	li	t1, 0x80
	csrc	mstatus, t1		/* back to the idle loop, interrupts off */
	lw	t1, 4(sp)
	lw	t0, 0(sp)
	addi	sp, sp, 16
	mret
.Lmachine_fault:
	csrr	a0, mcause
	csrr	a1, mepc
	csrr	a2, mtval
	call	veer_machine_fault
	.size	veer_trap_entry, .-veer_trap_entry

/* A prepared thread's first kernel context (thread.c) resumes here, with
 * sp at its initial user frame. */
	.globl	veer_thread_first
	.type	veer_thread_first, @function
veer_thread_first:
	call	veer_timer_rearm
	j	veer_return_to_user
	.size	veer_thread_first, .-veer_thread_first
