/*
 * cpu_state.c — see cpu_state.h. Detection runs once per pwsim;
 * nothing here is on the IPC path (the assembly reads the three flags).
 */
#include "cpu_state.h"

#include <asm/prctl.h>
#include <cpuid.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <pwk/hal.h>

#include "machine.h"

#ifndef HWCAP2_FSGSBASE
#define HWCAP2_FSGSBASE (1u << 1)
#endif

/* The flags user code can set that would break the kernel's C code: trap
 * (single step), direction (string ops backwards), alignment check. */
#define EFLAGS_UNTRUSTED (0x100u | 0x400u | 0x40000u)

uint8_t host_cpu_fsgsbase;
uint64_t host_cpu_kernel_fs;
uint8_t host_cpu_clear_mode;
uint16_t host_cpu_kernel_cs;

/* XGETBV with ECX=1 (XINUSE) works: the OS enabled XSAVE (CPUID.1:ECX
 * bit 27) and the CPU has XGETBV1 (CPUID.(0Dh,1):EAX bit 2). */
static bool cpu_reports_x87_in_use(void)
{
	unsigned a, b, c, d;
	if (!__get_cpuid(1, &a, &b, &c, &d) || (c & (1u << 27)) == 0) {
		return false;
	}
	return __get_cpuid_count(0xd, 1, &a, &b, &c, &d) && (a & (1u << 2)) != 0;
}

/* The CPU's features are read once per pwsim: CPUID exits to the
 * hypervisor on a VM (~10 µs each here), and pwsim fuzz and the sweep
 * workers start thousands of runs a second. */
static void detect(void)
{
	static bool detected;
	if (detected) {
		return;
	}
	/* Linux enables FSGSBASE for user mode where the CPU has it (5.9+):
	 * then user code can move FS, and the gate must move it back. */
	host_cpu_fsgsbase = (getauxval(AT_HWCAP2) & HWCAP2_FSGSBASE) != 0;
	__builtin_cpu_init();
	/* 0: SSE, 1: AVX, 2: AVX-512 registers. */
	const uint8_t vectors = __builtin_cpu_supports("avx512f") ? 2
				: __builtin_cpu_supports("avx")   ? 1
								  : 0;
	/* XGETBV(1) tells whether the x87 state is initial. */
	const bool x87_inuse = cpu_reports_x87_in_use();
	/* The gate's one-XGETBV clearing (CLEAR_XINUSE) needs VZEROALL;
	 * without AVX it clears register by register, and so it does when
	 * the environment asks (cpu_state.h). */
	const char *no_xinuse = getenv("PWSIM_GATE_NO_XINUSE");
	const bool xinuse =
		x87_inuse && vectors >= 1 && !(no_xinuse != NULL && strcmp(no_xinuse, "1") == 0);
	/* CLEAR_MODE's numbering (context_x86_64.S): with XINUSE, one XGETBV
	 * per return where AVX-512 state (which the kernel's libc may leave)
	 * is there to be told apart, else one per change of thread. */
	host_cpu_clear_mode = xinuse         ? (vectors == 2 ? 4 : 5)
			      : vectors == 0 ? (uint8_t)x87_inuse
					     : (uint8_t)(vectors + 1);
	__asm__("movw %%cs, %0" : "=r"(host_cpu_kernel_cs));
	detected = true;
}

unsigned host_cpu_gate_variant(void)
{
	detect();
	return host_cpu_fsgsbase * HOST_CLEAR_MODES + host_cpu_clear_mode;
}

void host_cpu_init(void)
{
	detect();
	/* A host thread's FS base (its TLS) is fixed for its life: read once
	 * per host thread, not per run. */
	static _Thread_local unsigned long fs;
	if (fs == 0 && syscall(SYS_arch_prctl, ARCH_GET_FS, &fs) != 0) {
		/* The gate would restore FS = 0 and the first TLS access crash. */
		hal_panic(__FILE__, __LINE__, "cannot read the kernel's FS base");
	}
	host_cpu_kernel_fs = fs;
}

struct host_fp_control host_fp_control_swap(struct host_fp_control next)
{
	struct host_fp_control before;
	__asm__ volatile("stmxcsr %0" : "=m"(before.mxcsr));
	__asm__ volatile("fnstcw %0" : "=m"(before.fcw));
	__asm__ volatile("ldmxcsr %0" : : "m"(next.mxcsr));
	/* fldcw only on a change, as it marks the x87 state in use; fnclex
	 * first, since fldcw would deliver a pending exception the new word
	 * unmasks. */
	if (before.fcw != next.fcw) {
		__asm__ volatile("fnclex\n\tfldcw %0" : : "m"(next.fcw));
	}
	return before;
}

void host_cpu_context_to_kernel(ucontext_t *uc, void (*entry)(void))
{
	mcontext_t *m = &uc->uc_mcontext;
	m->gregs[REG_RSP] = (greg_t)(host_thread_kernel_top(host.current) - 8);
	m->gregs[REG_RIP] = (greg_t)(uintptr_t)entry;
	m->gregs[REG_EFL] &= ~(greg_t)EFLAGS_UNTRUSTED;
	/* sigreturn reloads CS from here: user code may have left 64-bit
	 * mode (a far return to Linux's 32-bit code segment), and the kernel
	 * must not run in compatibility mode. */
	m->gregs[REG_CSGSFS] = (m->gregs[REG_CSGSFS] & ~(greg_t)0xffff) | host_cpu_kernel_cs;
	if (m->fpregs != NULL) {
		/* sigreturn reloads these: drop unmasked exceptions and any
		 * pending x87 exception the user left. */
		m->fpregs->mxcsr = HOST_FP_CONTROL_DEFAULT.mxcsr;
		m->fpregs->cwd = HOST_FP_CONTROL_DEFAULT.fcw;
		m->fpregs->swd = 0;
	}
}
