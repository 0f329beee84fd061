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
 */
#define EFLAGS_UNTRUSTED 0x40500 /* TF | DF | AC */

	.text
.macro SIGNAL_TRAMPOLINE name, handler
	.globl	\name
	.hidden	\name
	.type	\name, @function
\name:
	pushq	%rbx
	pushq	%r12
	subq	$8, %rsp
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
	addq	$8, %rsp
	popq	%r12
	popq	%rbx
	retq
	.size	\name, .-\name
.endm

	SIGNAL_TRAMPOLINE host_signal_fault, host_fault_handler
	SIGNAL_TRAMPOLINE host_signal_alarm, host_alarm_handler
	SIGNAL_TRAMPOLINE host_signal_fatal, host_fatal_handler

	.section .note.GNU-stack,"",@progbits
