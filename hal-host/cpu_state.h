/*
 * cpu_state.h — the CPU state user code may change and the simulator must
 * not trust: flags, the FS/GS bases, the SSE/x87 control words, and the
 * vector and x87 registers that could carry one process's data to the next.
 * context_x86_64.S sanitises them at every kernel entry and clears them on
 * every return to user mode; signal_x86_64.S does the same around the
 * fault and watchdog handlers. See docs/containment.md.
 */
#ifndef PWK_HAL_HOST_CPU_STATE_H
#define PWK_HAL_HOST_CPU_STATE_H

#include <signal.h>
#include <stdint.h>
#include <ucontext.h>

/* Read by the assembly; set by host_cpu_init(). */
extern uint8_t host_cpu_fsgsbase;   /* user code can change FS/GS (wrfsbase) */
extern uint64_t host_cpu_kernel_fs; /* glibc's thread pointer for the kernel */
extern uint8_t host_cpu_clear_mode; /* context_x86_64.S's CLEAR_MODE for this CPU, 0..5 */
extern uint16_t host_cpu_kernel_cs; /* pwsim's (64-bit) code segment selector */

/* Learns what the CPU lets user code change and the kernel's FS base.
 * Called on the host thread that runs the machine, before it boots. */
void host_cpu_init(void);

/* context_x86_64.S assembles every gate once per variant: FS/GS handled
 * or not (host_cpu_fsgsbase), times the six clearing modes. This CPU's
 * row of host_gate_tables and host_direct_gates (the CPU is read first if
 * it was not yet). With PWSIM_GATE_NO_XINUSE=1 in the environment the
 * gates clear register by register even where XGETBV(1) would tell what
 * is in use: as sure a clearing, slower, there so that tests reach the
 * other modes' code on such a CPU (docs/containment.md). */
#define HOST_CLEAR_MODES   6u
#define HOST_GATE_VARIANTS (2u * HOST_CLEAR_MODES)
unsigned host_cpu_gate_variant(void);

/* context_x86_64.S: each variant's gates, one row per variant: the hidden
 * gate's entries, through which the link page's stubs jump, and the
 * direct ones. */
extern void *const host_gate_tables[HOST_GATE_VARIANTS][2];          /* slack entry, preempt gate */
extern void (*const host_direct_gates[HOST_GATE_VARIANTS][2])(void); /* syscall, preempt */
extern void *const host_pkeys_gates[HOST_GATE_VARIANTS][2];          /* isolation pkeys' entries */
extern uint32_t host_pkru_running;                                   /* pkeys.c */

/* The MXCSR and x87 control word of the running host context. Kernel
 * contexts run with HOST_FP_CONTROL_DEFAULT, which host_ctx_switch does
 * not switch (context_x86_64.S): host_machine_run() swaps it in for the
 * run and its caller's back at the end. */
struct host_fp_control {
	uint32_t mxcsr;
	uint16_t fcw;
};
/* All SSE and x87 exceptions masked, round to nearest, x87 at 64 bits (as
 * the ABI starts a program; context_x86_64.S's MXCSR_DEFAULT too). */
#define HOST_FP_CONTROL_DEFAULT ((struct host_fp_control){0x1f80u, 0x037fu})
/* Installs `next`; returns what was installed before. */
struct host_fp_control host_fp_control_swap(struct host_fp_control next);

/* Rewrites an interrupted user context so that returning from the signal
 * handler enters `entry` on the current thread's empty kernel stack, with
 * flags and FP control words the kernel can trust. */
void host_cpu_context_to_kernel(ucontext_t *uc, void (*entry)(void));

/* signal_x86_64.S: sa_sigaction trampolines that give fault.c's and
 * watchdog.c's handlers the kernel's FS base and clean flags. */
void host_signal_fault(int sig, siginfo_t *si, void *ctx);
void host_signal_alarm(int sig, siginfo_t *si, void *ctx);
void host_signal_fatal(int sig, siginfo_t *si, void *ctx);

#endif
