/*
 * signal_x86_64.S — entry trampolines for the signal handlers that may
 * interrupt user code (fault.c's, watchdog.c's, fatal.c's: every handler pwsim
 * installs goes through one). Linux runs a handler with
 * the interrupted FS base and only DF/TF cleared, so user code that moved
 * FS (wrfsbase) or set AC would break the C handler's first TLS access or
 * unaligned load. The trampoline installs the kernel's FS/GS and flags,
 * calls the handler, and gives back the interrupted FS/GS only if the
 * handler let user code resume (host_in_user still 1); a handler that
 * redirected the context into the kernel keeps the kernel's.
 *
 * The syscall user dispatch selector (syscall_dispatch.c) is set to ALLOW
 * first: the handler's syscalls and libc's rt_sigreturn must run. If it
 * said BLOCK when the signal came (process code, or the gate's first or
 * last instructions) and the handler resumes the interrupted pc as it was,
 * the context is resumed through host_sud_resume, which sets BLOCK again;
 * a handler that moved the pc went into pwsim's code, which runs with
 * ALLOW.
 */
#define EFLAGS_UNTRUSTED 0x40500 /* TF | DF | AC */
#define UC_RIP           168     /* ucontext_t's uc_mcontext.gregs[REG_RIP] */

	.text
.macro SIGNAL_TRAMPOLINE name, handler
	.globl	\name
	.hidden	\name
	.type	\name, @function
\name:
	pushq	%rbx
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	movzbl	host_sud_selector(%rip), %r13d
	movb	$0, host_sud_selector(%rip)
	movq	%rdx, %r14
	movq	UC_RIP(%rdx), %r15
	cmpb	$0, host_cpu_fsgsbase(%rip)
	je	1f
	rdfsbase %rbx
	rdgsbase %r12
	movq	host_cpu_kernel_fs(%rip), %rax
	wrfsbase %rax
	xorl	%eax, %eax
	wrgsbase %rax
1:
	pushfq
	andq	$~EFLAGS_UNTRUSTED, (%rsp)
	popfq
	callq	\handler
	cmpb	$0, host_cpu_fsgsbase(%rip)
	je	2f
	cmpb	$0, host_in_user(%rip)
	je	2f
	wrfsbase %rbx
	wrgsbase %r12
2:
	testl	%r13d, %r13d
	jz	3f
	cmpq	%r15, UC_RIP(%r14)
	jne	3f
	call	host_sud_resume_from
3:
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbx
	retq
	.size	\name, .-\name
.endm

	SIGNAL_TRAMPOLINE host_signal_fault, host_fault_handler
	SIGNAL_TRAMPOLINE host_signal_alarm, host_alarm_handler
	SIGNAL_TRAMPOLINE host_signal_fatal, host_fatal_handler

/*
 * host_sud_resume_from: r14 = the ucontext, r15 = its pc, which is to
 * resume with the selector at BLOCK. The pc goes to host_sud_resume_pc and
 * the context to host_sud_resume, unless it was already inside
 * host_sud_resume (a signal between its two instructions): then it starts
 * that again, host_sud_resume_pc still right.
 */
	.type	host_sud_resume_from, @function
host_sud_resume_from:
	leaq	host_sud_resume(%rip), %rax
	cmpq	%rax, %r15
	jb	4f
	leaq	host_sud_resume_end(%rip), %rcx
	cmpq	%rcx, %r15
	jb	5f
4:
	movq	%r15, host_sud_resume_pc(%rip)
5:
	movq	%rax, UC_RIP(%r14)
	retq
	.size	host_sud_resume_from, .-host_sud_resume_from

/* Resumes interrupted code at host_sud_resume_pc with the selector at
 * BLOCK; neither instruction changes a register or a flag. Process code
 * that jumps here only blocks its own syscalls and lands on a pc it ran. */
	.globl	host_sud_resume
	.hidden	host_sud_resume
	.type	host_sud_resume, @function
host_sud_resume:
	movb	$1, host_sud_selector(%rip)
	jmpq	*host_sud_resume_pc(%rip)
host_sud_resume_end:
	.size	host_sud_resume, .-host_sud_resume

	.bss
	.balign	8
host_sud_resume_pc:
	.quad	0

	.section .note.GNU-stack,"",@progbits
