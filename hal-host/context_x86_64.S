/*
 * context_x86_64.S — the host's "hardware": kernel context switch, entry into
 * user mode, and the syscall gate (the host's ecall).
 *
 * Mode tracking: host_in_user is 1 exactly while user instructions may
 * execute, including the gate instructions that touch the user stack on the
 * user's behalf. A synchronous signal while it is 1 is a process fault (see
 * fault.c); otherwise it is a simulator bug.
 */
	.text

/*
 * void host_ctx_switch(void **save_sp, void *load_sp)
 * Saves callee-saved registers, MXCSR and the x87 control word on the
 * current stack, stores the stack pointer in *save_sp, and resumes the
 * context saved at load_sp. A fresh context (host_ctx_init in thread_ctx.c)
 * has the same layout with a return address of its entry function.
 */
	.globl	host_ctx_switch
	.hidden	host_ctx_switch
	.type	host_ctx_switch, @function
host_ctx_switch:
	pushq	%rbp
	pushq	%rbx
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	subq	$8, %rsp
	stmxcsr	(%rsp)
	fnstcw	4(%rsp)
	movq	%rsp, (%rdi)
	movq	%rsi, %rsp
	ldmxcsr	(%rsp)
	fldcw	4(%rsp)
	addq	$8, %rsp
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbx
	popq	%rbp
	retq
	.size	host_ctx_switch, .-host_ctx_switch

/*
 * _Noreturn void host_enter_user(uintptr_t pc, uintptr_t sp,
 *                                uintptr_t a0, uintptr_t a1, uintptr_t a2)
 * Starts user code at pc on stack sp (16-byte aligned by the caller) as if
 * pc had been called with (a0, a1, a2), with a zero return address so that
 * returning from the entry function faults. Registers that could leak
 * kernel values are cleared.
 */
	.globl	host_enter_user
	.hidden	host_enter_user
	.type	host_enter_user, @function
host_enter_user:
	movq	%rdi, %rax
	movq	%rdx, %rdi
	movq	%rsi, %r10
	movq	%rcx, %rsi
	movq	%r8, %rdx
	xorl	%ecx, %ecx
	xorl	%r8d, %r8d
	xorl	%r9d, %r9d
	xorl	%r11d, %r11d
	xorl	%ebx, %ebx
	xorl	%ebp, %ebp
	xorl	%r12d, %r12d
	xorl	%r13d, %r13d
	xorl	%r14d, %r14d
	xorl	%r15d, %r15d
	movb	$1, host_in_user(%rip)
	movq	%r10, %rsp
	pushq	$0
	xorl	%r10d, %r10d
	jmpq	*%rax
	.size	host_enter_user, .-host_enter_user

/*
 * The syscall gate, entered by a jump from the process's pwk_raw_syscall:
 *   rdi = id, rsi, rdx, rcx, r8, r9 = a0..a4, rax = a5,
 *   rsp = the user stack with the return address on top.
 * Switches to the current thread's kernel stack (host_kernel_sp, the top of
 * an empty kernel stack, like RISC-V's mscratch), calls
 *   pwk_syscall_ret_t host_syscall(id, a0, a1, a2, a3, a4, a5)
 * and returns its two words in rax/rdx on the user stack. Callee-saved
 * registers are preserved by host_syscall itself (it is a C function).
 */
	.globl	host_syscall_gate
	.hidden	host_syscall_gate
	.type	host_syscall_gate, @function
host_syscall_gate:
	movb	$0, host_in_user(%rip)
	movq	%rsp, %r10
	movq	host_kernel_sp(%rip), %rsp
	pushq	%r10
	pushq	%rax
	callq	host_syscall
	addq	$8, %rsp
	popq	%r10
	movb	$1, host_in_user(%rip)
	movq	%r10, %rsp
	xorl	%ecx, %ecx
	xorl	%esi, %esi
	xorl	%edi, %edi
	xorl	%r8d, %r8d
	xorl	%r9d, %r9d
	xorl	%r10d, %r10d
	xorl	%r11d, %r11d
	retq
	.size	host_syscall_gate, .-host_syscall_gate

	.section .note.GNU-stack,"",@progbits
