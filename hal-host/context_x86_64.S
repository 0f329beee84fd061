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
 * Saves the callee-saved registers on the current stack, stores the stack
 * pointer in *save_sp, and resumes the context saved at load_sp. A fresh
 * context (host_ctx_frame in thread_ctx.c) has the same layout with a
 * return address of its entry function.
 *
 * MXCSR and the x87 control word (callee-saved too) are not switched: in
 * every kernel context they are the defaults. The gates install them
 * before any C code runs and keep the user's in the gate frame, the fault
 * path writes them into the context it redirects into the kernel
 * (cpu_state.c), host_machine_run() swaps them in for the run
 * (host_fp_control_swap) and its caller's back at the end, and nothing in
 * pwsim changes them.
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
	movq	%rsp, (%rdi)
	movq	%rsi, %rsp
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbx
	popq	%rbp
	retq
	.size	host_ctx_switch, .-host_ctx_switch

#define EFLAGS_UNTRUSTED 0x40500 /* TF | DF | AC: see cpu_state.h */
#define MXCSR_DEFAULT    0x1f80  /* all SSE exceptions masked, round to nearest */
#define FCW_DEFAULT      0x037f  /* the same for x87, 64-bit precision */

/*
 * Leaves nothing of the kernel or of another process in the vector
 * registers (AVX-512 mask registers included). They are caller-saved, so a
 * return from the gate (a call) may clear them; the kernel's C code (memcpy,
 * struct copies) leaves host data and addresses in them, so they are
 * cleared on every return to user mode: a few cycles of zero idioms.
 */
.macro CLEAR_VECTORS level
.if \level == 0
	pxor	%xmm0, %xmm0
	pxor	%xmm1, %xmm1
	pxor	%xmm2, %xmm2
	pxor	%xmm3, %xmm3
	pxor	%xmm4, %xmm4
	pxor	%xmm5, %xmm5
	pxor	%xmm6, %xmm6
	pxor	%xmm7, %xmm7
	pxor	%xmm8, %xmm8
	pxor	%xmm9, %xmm9
	pxor	%xmm10, %xmm10
	pxor	%xmm11, %xmm11
	pxor	%xmm12, %xmm12
	pxor	%xmm13, %xmm13
	pxor	%xmm14, %xmm14
	pxor	%xmm15, %xmm15
.else
	vzeroall
.if \level == 2
	vpxord	%xmm16, %xmm16, %xmm16
	vpxord	%xmm17, %xmm17, %xmm17
	vpxord	%xmm18, %xmm18, %xmm18
	vpxord	%xmm19, %xmm19, %xmm19
	vpxord	%xmm20, %xmm20, %xmm20
	vpxord	%xmm21, %xmm21, %xmm21
	vpxord	%xmm22, %xmm22, %xmm22
	vpxord	%xmm23, %xmm23, %xmm23
	vpxord	%xmm24, %xmm24, %xmm24
	vpxord	%xmm25, %xmm25, %xmm25
	vpxord	%xmm26, %xmm26, %xmm26
	vpxord	%xmm27, %xmm27, %xmm27
	vpxord	%xmm28, %xmm28, %xmm28
	vpxord	%xmm29, %xmm29, %xmm29
	vpxord	%xmm30, %xmm30, %xmm30
	vpxord	%xmm31, %xmm31, %xmm31
	kxorw	%k0, %k0, %k0
	kxorw	%k1, %k1, %k1
	kxorw	%k2, %k2, %k2
	kxorw	%k3, %k3, %k3
	kxorw	%k4, %k4, %k4
	kxorw	%k5, %k5, %k5
	kxorw	%k6, %k6, %k6
	kxorw	%k7, %k7, %k7
.endif
.endif
.endm

/*
 * The x87/MMX state: registers, status word (flags, stack top), tags and
 * the last-instruction/operand pointers. The kernel never uses x87, so
 * only user code (another process's, or the pointer into pwsim's code of
 * a libc routine that did) can have left anything there, and the ABI lets
 * a call (the gate) clobber all of it but the control word (given back by
 * the gate). Where the CPU tells (XGETBV with ECX=1: XINUSE), nothing is
 * done while the state is in its initial configuration, which is every
 * return to a process that does not use x87 or MMX (XGETBV: ~16 ns on
 * this AMD guest); otherwise one XRSTOR of the x87 component with
 * XSTATE_BV clear resets all of it to the initial configuration (~300
 * cycles here, as much as fninit alone). `how`:
 *   0  without XINUSE: the pxor/emms/fninit sequence when the returning
 *      thread is not the one whose user code ran last (tracked by its
 *      kernel stack top in host_user_last);
 *   1  XINUSE on every return;
 *   2  XINUSE when the returning thread is not that one: a thread that
 *      returns to its own user code finds its own x87 state, which the
 *      kernel did not touch.
 * Clobbers rcx, r8, r9, r11; keeps rax and rdx (the syscall's result).
 */
.macro CLEAR_X87_XINUSE
	movq	%rax, %r8
	movq	%rdx, %r9
	movl	$1, %ecx
	xgetbv
	testb	$1, %al
	jz	.Linit\@
	movl	$1, %eax
	xorl	%edx, %edx
	xrstor	host_x87_initial(%rip)
.Linit\@:
	movq	%r8, %rax
	movq	%r9, %rdx
.endm
.macro CLEAR_X87 how
.if \how == 1
	CLEAR_X87_XINUSE
.else
	movq	host_kernel_sp(%rip), %r11
	cmpq	%r11, host_user_last(%rip)
	je	.Lsame\@
	movq	%r11, host_user_last(%rip)
.if \how == 2
	CLEAR_X87_XINUSE
.else
	pxor	%mm0, %mm0
	pxor	%mm1, %mm1
	pxor	%mm2, %mm2
	pxor	%mm3, %mm3
	pxor	%mm4, %mm4
	pxor	%mm5, %mm5
	pxor	%mm6, %mm6
	pxor	%mm7, %mm7
	emms
	fninit
.endif
.Lsame\@:
.endif
.endm

/*
 * Both of the above with one XGETBV (ECX=1: XINUSE), on a CPU with AVX
 * whose XINUSE works (mode 4, below). A state component whose XINUSE bit
 * is 0 is in its initial configuration, all zero, so it needs no clearing:
 *   bit 0 x87, bit 1 SSE (xmm0-15), bit 2 AVX (ymm0-15 upper halves),
 *   bit 5 opmask (k0-7), bit 6 ZMM_Hi256 (zmm0-15 upper halves),
 *   bit 7 Hi16_ZMM (zmm16-31).
 * SSE/AVX in use: VZEROALL (the kernel's C code uses xmm on most entries).
 * x87, opmask, ZMM_Hi256 or Hi16_ZMM in use: one XRSTOR of just those
 * components from a header with XSTATE_BV = 0, which zeroes them *and*
 * returns them to their initial configuration (zero idioms would leave
 * them "in use", so every later return would have to clear them again).
 * The kernel's IPC path touches none of the AVX-512 components (glibc's
 * EVEX string functions would: pwk_copy is its own loop), so after the
 * first return they stay initial and a return costs the XGETBV and a few
 * tests instead of 16 vpxord and 8 kxorw; a process that uses AVX-512 or
 * x87 pays one XRSTOR (~27 ns here) on each return to user mode after it
 * used them (docs/containment.md).
 * Without XINUSE or AVX: CLEAR_VECTORS and CLEAR_X87 (modes 0-3).
 * Clobbers rcx, r8, r9, r11; keeps rax and rdx (the syscall's result).
 */
#define XINUSE_VZEROALL 0x06 /* SSE, AVX */
#define XINUSE_XRSTOR   0xe1 /* x87, opmask, ZMM_Hi256, Hi16_ZMM */
.macro CLEAR_XINUSE
	movq	%rax, %r8
	movq	%rdx, %r9
	movl	$1, %ecx
	xgetbv
	testb	$XINUSE_VZEROALL, %al
	jz	.Lno_sse\@
	vzeroall
.Lno_sse\@:
	andl	$XINUSE_XRSTOR, %eax
	jz	.Lall_initial\@
	xorl	%edx, %edx
	xrstor	host_x87_initial(%rip)
.Lall_initial\@:
	movq	%r8, %rax
	movq	%r9, %rdx
.endm

/*
 * The clearing of one mode (cpu_state.h's host_cpu_clear_mode): 0 SSE
 * and x87 by thread, 1 SSE and x87 by XINUSE, 2 AVX and x87 by thread,
 * 3 AVX-512 and x87 by thread, 4 CLEAR_XINUSE, 5 AVX and x87 by XINUSE on
 * a change of thread (a CPU with XINUSE and no AVX-512: there the only
 * state the kernel leaves is SSE's and AVX's, which VZEROALL clears, and
 * an XGETBV per return would cost more than the rest of the gate's
 * clearing). Each gate is assembled once per mode (the variants below),
 * so a return to user mode tests no CPU feature; host_enter_user, once
 * per thread start, picks the mode at run time (CLEAR_USER_STATE).
 */
.macro CLEAR_MODE mode
.if \mode == 4
	CLEAR_XINUSE
.elseif \mode == 5
	CLEAR_VECTORS 1
	CLEAR_X87 2
.elseif \mode == 0 || \mode == 1
	CLEAR_VECTORS 0
	CLEAR_X87 \mode
.else
	CLEAR_VECTORS (\mode-1)
	CLEAR_X87 0
.endif
.endm

.macro CLEAR_USER_STATE
.irp mode, 5, 4, 3, 2, 1
	cmpb	$\mode, host_cpu_clear_mode(%rip)
	jne	.Lnot\@_\mode
	CLEAR_MODE \mode
	jmp	.Lcleared\@
.Lnot\@_\mode:
.endr
	CLEAR_MODE 0
.Lcleared\@:
.endm

/*
 * _Noreturn void host_enter_user(uintptr_t pc, uintptr_t sp,
 *                                uintptr_t a0, uintptr_t a1, uintptr_t a2)
 * Starts user code at pc on stack sp (16-byte aligned by the caller) as if
 * pc had been called with (a0, a1, a2), with a zero return address so that
 * returning from the entry function faults. Registers that could leak
 * kernel values are cleared; FS and GS start at 0 where user code can see
 * them (the kernel's FS is glibc's thread pointer: a host address).
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
	movq	$0, host_user_last(%rip)
	CLEAR_USER_STATE
	ldmxcsr	host_mxcsr_default(%rip)
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
	cmpb	$0, host_cpu_fsgsbase(%rip)
	je	1f
	wrfsbase %r11
	wrgsbase %r11
1:
	movq	%r10, %rsp
	pushq	$0
	xorl	%r10d, %r10d
	movb	$1, host_sud_selector(%rip) /* BLOCK: see syscall_dispatch.c */
	jmpq	*%rax
	.size	host_enter_user, .-host_enter_user

/*
 * The syscall gate, entered by a jump from the process's pwk_raw_syscall
 * (and, as the preemption gate calling host_preempt, from its budget hook
 * when the budget runs out: an entry of its own that no syscall id names):
 *   rax = id, rdi, rsi, rdx, rcx, r8, r9 = a0..a5 (the C argument
 *   registers, so that a typed wrapper's arguments are already in place:
 *   userspace/syscall_host.S),
 *   rsp = the user stack with the return address on top.
 * Switches to the current thread's kernel stack (host_kernel_sp, the top of
 * an empty kernel stack, like RISC-V's mscratch), calls
 *   pwk_syscall_ret_t host_syscall(id, const pwk_word_t args[8])
 * with a0..a5 and two zero words pushed as the array (`args` 1; the
 * preemption gate's host_preempt(void) gets none), and returns its two
 * words in rax/rdx on the user stack. Callee-saved
 * registers are preserved by host_syscall itself (it is a C function).
 *
 * Nothing of the user's CPU state is trusted: untrusted flags are cleared
 * and the kernel's FS/GS, MXCSR and x87 control word installed before any
 * C code runs. The user's FS/GS and control words (callee-saved by the
 * ABI) are kept in the gate's frame on this thread's kernel stack and given
 * back on return. host_in_user stays 1 until FS is the kernel's, so a trap
 * before that (a single-step trap after the first instruction) is the
 * process's fault, and a signal handler sees host_in_user == 0 only with
 * the kernel's FS in place.
 *
 * Frame below the kernel stack top: the flags word (kept pushed), then
 * [0] user MXCSR, [4] user x87 CW, [8] user FS base, [16] user GS base,
 * [24..40) pad; then the user sp, 8 pad bytes and (syscall gate) the
 * argument array.
 */
.macro KERNEL_GATE name, target, args, fsgs, mode
	.type	\name, @function
\name:
	movb	$0, host_sud_selector(%rip) /* ALLOW: see syscall_dispatch.c */
	movq	%rsp, %r10
	movq	host_kernel_sp(%rip), %rsp
	pushfq
	testl	$EFLAGS_UNTRUSTED, (%rsp)
	jnz	.Lflags_untrusted\@
.Lflags_clean\@:
	subq	$40, %rsp
.if \fsgs
	rdfsbase %r11
	movq	%r11, 8(%rsp)
	movq	host_cpu_kernel_fs(%rip), %r11
	wrfsbase %r11
	rdgsbase %r11
	movq	%r11, 16(%rsp)
	testq	%r11, %r11
	jnz	.Lgs_untrusted\@
.endif
1:
	movb	$0, host_in_user(%rip)
	stmxcsr	(%rsp)
	fnstcw	4(%rsp)
	cmpl	$MXCSR_DEFAULT, (%rsp)
	jne	.Lmxcsr_untrusted\@
.Lmxcsr_clean\@:
	cmpw	$FCW_DEFAULT, 4(%rsp)
	jne	.Lfcw_untrusted\@
.Lfcw_clean\@:
	pushq	%r10
	/* 8 pad bytes keep the call 16-byte aligned. */
	subq	$8, %rsp
.if \args
	/* The argument words as the kernel takes them (a0..a5 and two zero
	 * words, PWK_SYSCALL_ARGS_MAX), built here from the registers so
	 * that the C side need not copy them (the syscall gate only: the
	 * budget hook's entry takes none). */
	pushq	$0
	pushq	$0
	pushq	%r9
	pushq	%r8
	pushq	%rcx
	pushq	%rdx
	pushq	%rsi
	pushq	%rdi
	movq	%rsp, %rsi
	movq	%rax, %rdi
	callq	\target
	addq	$72, %rsp
.else
	callq	\target
	addq	$8, %rsp
	/* A void entry's rax and rdx hold whatever the C code left there,
	 * host addresses included: the syscall gate's are its two result
	 * words, this one gives back zeros. */
	xorl	%eax, %eax
	xorl	%edx, %edx
.endif
	popq	%r10
	CLEAR_MODE \mode
	cmpl	$MXCSR_DEFAULT, (%rsp)
	jne	.Lmxcsr_restore\@
.Lmxcsr_restored\@:
	cmpw	$FCW_DEFAULT, 4(%rsp)
	jne	.Lfcw_restore\@
.Lfcw_restored\@:
	movb	$1, host_in_user(%rip)
.if \fsgs
	movq	8(%rsp), %r11
	wrfsbase %r11
	movq	16(%rsp), %r11
	testq	%r11, %r11
	jnz	.Lgs_restore\@
.endif
2:
	movq	%r10, %rsp
	xorl	%ecx, %ecx
	xorl	%esi, %esi
	xorl	%edi, %edi
	xorl	%r8d, %r8d
	xorl	%r9d, %r9d
	xorl	%r10d, %r10d
	xorl	%r11d, %r11d
	movb	$1, host_sud_selector(%rip) /* BLOCK */
	retq
/* Out of line: what only a process that changed its CPU state needs
 * (popfq alone costs ~20 cycles, fldcw ~12). */
.Lflags_untrusted\@:
	andq	$~EFLAGS_UNTRUSTED, (%rsp)
	popfq
	pushfq
	jmp	.Lflags_clean\@
.if \fsgs
.Lgs_untrusted\@:
	xorl	%r11d, %r11d
	wrgsbase %r11
	jmp	1b
.endif
.Lmxcsr_untrusted\@:
	ldmxcsr	host_mxcsr_default(%rip)
	jmp	.Lmxcsr_clean\@
.Lfcw_untrusted\@:
	/* With exceptions unmasked, an x87 exception the process raised is
	 * pending, and fldcw (a waiting instruction) would deliver it here,
	 * in the kernel, as SIGFPE. The status word is caller-saved. */
	fnclex
	fldcw	host_fcw_default(%rip)
	jmp	.Lfcw_clean\@
.Lmxcsr_restore\@:
	ldmxcsr	(%rsp)
	jmp	.Lmxcsr_restored\@
.Lfcw_restore\@:
	fldcw	4(%rsp)
	jmp	.Lfcw_restored\@
.if \fsgs
.Lgs_restore\@:
	wrgsbase %r11
	jmp	2b
.endif
	.size	\name, .-\name
.endm

/*
 * The gates of one variant: fsgs 1 where user code can move FS and GS
 * (host_cpu_fsgsbase), and the clearing of `mode` (CLEAR_MODE). Their
 * addresses are in host_gate_tables and host_direct_gates, one row per
 * variant (row fsgs * HOST_CLEAR_MODES + mode, host_cpu_gate_variant()):
 * each machine runs one row, chosen once, so that no kernel entry or
 * return tests a CPU feature.
 *
 * The hidden syscall gate's entry (hidden_gate.c) comes first: the link
 * page's stub has pushed the id and a0 on the user stack, moved a3 to r10
 * (the syscall instruction overwrote rcx) and jumped here through the
 * row. Still user mode as far as faults go (host_in_user is 1): a bad
 * user stack is the process's fault.
 */
/* PKRU as the running process has it (host_pkru_running, pkeys.c keeps
 * it); clobbers eax, ecx and edx. */
.macro PKRU_RUNNING
	movl	host_pkru_running(%rip), %eax
	xorl	%ecx, %ecx
	xorl	%edx, %edx
	wrpkru
.endm

.macro GATE_VARIANT fsgs, mode
	.text
	.type	host_syscall_slack_entry_\fsgs\()_\mode, @function
host_syscall_slack_entry_\fsgs\()_\mode:
	movq	(%rsp), %rdi
	movq	8(%rsp), %rax
	movq	%r10, %rcx
	addq	$16, %rsp
	/* falls into the syscall gate */
	.size	host_syscall_slack_entry_\fsgs\()_\mode, .-host_syscall_slack_entry_\fsgs\()_\mode

	KERNEL_GATE host_syscall_gate_\fsgs\()_\mode, host_syscall, 1, \fsgs, \mode
	KERNEL_GATE host_preempt_gate_\fsgs\()_\mode, host_preempt, 0, \fsgs, \mode

	/* The key gate's entries (pkeys.c): the link page's stub enabled
	 * the gate page's key with WRPKRU to read their address there, so
	 * the first thing is the running process's PKRU back, which whoever
	 * jumped to that WRPKRU cannot choose. The syscall stub pushed the
	 * id and a2 (WRPKRU takes eax, ecx and edx) and moved a3 to r10. */
	.type	host_syscall_pkeys_entry_\fsgs\()_\mode, @function
host_syscall_pkeys_entry_\fsgs\()_\mode:
	PKRU_RUNNING
	movq	(%rsp), %rdx
	movq	8(%rsp), %rax
	movq	%r10, %rcx
	addq	$16, %rsp
	jmp	host_syscall_gate_\fsgs\()_\mode
	.size	host_syscall_pkeys_entry_\fsgs\()_\mode, .-host_syscall_pkeys_entry_\fsgs\()_\mode
	.type	host_preempt_pkeys_entry_\fsgs\()_\mode, @function
host_preempt_pkeys_entry_\fsgs\()_\mode:
	PKRU_RUNNING
	jmp	host_preempt_gate_\fsgs\()_\mode
	.size	host_preempt_pkeys_entry_\fsgs\()_\mode, .-host_preempt_pkeys_entry_\fsgs\()_\mode
.endm

.irp fsgs, 0, 1
.irp mode, 0, 1, 2, 3, 4, 5
	GATE_VARIANT \fsgs, \mode
.endr
.endr

/* A table of one row per variant, in host_cpu_gate_variant()'s order:
 * the variant's `entry`, then its `preempt` entry. */
.macro GATE_ROW entry, preempt, fsgs, mode
	.quad	\entry\()_\fsgs\()_\mode
	.quad	\preempt\()_\fsgs\()_\mode
.endm
.macro GATE_TABLE name, entry, preempt=host_preempt_gate
	.globl	\name
	.hidden	\name
\name:
.irp fsgs, 0, 1
.irp mode, 0, 1, 2, 3, 4, 5
	GATE_ROW \entry, \preempt, \fsgs, \mode
.endr
.endr
	.size	\name, .-\name
.endm

/* Where the link page's stubs jump (hidden_gate.c): the address of one row
 * is the machine thread's timer slack during a run, and no process learns
 * it. Then the direct gates (isolation trusted, and the trap stubs). */
	.section .data.rel.ro, "aw"
	.balign	16
	GATE_TABLE host_gate_tables, host_syscall_slack_entry
	GATE_TABLE host_direct_gates, host_syscall_gate
	GATE_TABLE host_pkeys_gates, host_syscall_pkeys_entry, host_preempt_pkeys_entry


	.section .rodata
/* An XSAVE area whose header (XSTATE_BV = 0) makes XRSTOR put every
 * requested component in its initial configuration (CLEAR_X87,
 * CLEAR_USER_STATE). */
	.balign	64
host_x87_initial:
	.zero	576
	.balign	4
host_mxcsr_default:
	.long	MXCSR_DEFAULT
host_fcw_default:
	.word	FCW_DEFAULT

/* Kernel stack top of the thread whose user code ran last (see
 * CLEAR_X87); 0 forces a clear. */
	.bss
	.balign	8
host_user_last:
	.quad	0

/* PKRU while the running process runs (pkeys.c writes it with PKRU). */
	.globl	host_pkru_running
	.hidden	host_pkru_running
	.balign	4
host_pkru_running:
	.long	0

	.section .note.GNU-stack,"",@progbits
