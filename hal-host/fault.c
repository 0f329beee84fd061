/*
 * fault.c — user faults become process faults, never simulator crashes.
 *
 * A synchronous signal (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, or SIGSYS
 * for a raw host syscall refused by seccomp.c or syscall_dispatch.c) raised
 * while host_in_user is set came from process code (or from the gate
 * touching the user's stack for it). The handler, on its own signal stack,
 * reports the fault and rewrites the interrupted context so that returning
 * from the handler enters the kernel on the thread's kernel stack at
 * fault_entry — the host's version of a trap — which calls pwk_trap_fault().
 * Any other fault is a simulator bug: the default action is restored so it
 * crashes loudly (with ASan's report where it has one).
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ucontext.h>

#include <pwk/hal.h>
#include <pwk/kernel.h>

#include "cpu_state.h"
#include "machine.h"

volatile uint8_t host_in_user;

static const int fault_signals[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGSYS};
static uint8_t *alt_stack;
/* hal-host's handlers (these, fatal.c's, the watchdog's) stay installed
 * from one run to the next, until host_signals_forget(): thirteen
 * sigaction calls per run were a third of a rewind's syscalls. */
static bool installed;

static _Noreturn void fault_entry(void)
{
	host_pkeys_after_fault();
	(void)host_budget_collect(); /* faulting already, tampered or not */
	pwk_trap_fault();
}

_Noreturn void host_fault_current(const char *what)
{
	const struct pwk_thread_desc *td = &host.system->threads[host.current];
	host.outcome.faults++;
	fprintf(host.opts.fault_report != NULL ? host.opts.fault_report : stderr,
		"pwsim: fault: process '%s' thread '%s': %s, virtual time %llu ns; the kernel "
		"terminates the process\n",
		host.system->processes[td->process].name, td->name, what,
		(unsigned long long)host.now);
	pwk_trap_fault();
}

static const char *signal_name(int sig)
{
	switch (sig) {
	case SIGSEGV:
		return "SIGSEGV (bad memory access)";
	case SIGBUS:
		return "SIGBUS (bad memory access)";
	case SIGILL:
		return "SIGILL (illegal instruction)";
	case SIGFPE:
		return "SIGFPE (arithmetic fault)";
	case SIGTRAP:
		return "SIGTRAP (breakpoint)";
	default:
		return "signal";
	}
}

/* A general protection fault (a privileged instruction, a far jump or
 * return to a segment user code may not use, a non-canonical address):
 * Linux sends SIGSEGV with SI_KERNEL and no address, which is no memory
 * access at address 0. */
static bool general_protection(int sig, const siginfo_t *si)
{
	return sig == SIGSEGV && si->si_code == SI_KERNEL;
}

/* What the process tried, for its fault report. */
static void describe(int sig, const siginfo_t *si, const ucontext_t *uc, char *out, size_t cap)
{
	const struct host_region *r = &host.regions[host.threads[host.current].process];
	uintptr_t pc = (uintptr_t)uc->uc_mcontext.gregs[REG_RIP];
	if ((uc->uc_mcontext.gregs[REG_CSGSFS] & 0xffff) != host_cpu_kernel_cs) {
		snprintf(out, cap, "%s in 32-bit compatibility mode (code segment %#x)",
			 signal_name(sig), (unsigned)(uc->uc_mcontext.gregs[REG_CSGSFS] & 0xffff));
		return;
	}
	size_t len = 0;
	host_read_t read = sig == SIGSEGV && host_region_contains(r, pc) &&
					   pc + 3 <= r->user_base + r->flash_size
				   ? host_read_insn(host_region_kernel_ptr(r, pc), &len)
				   : HOST_READ_NONE;
	if (read == HOST_READ_TSC || read == HOST_READ_TSCP) {
		snprintf(out, cap, "read the host's time stamp counter (%s)",
			 read == HOST_READ_TSC ? "rdtsc" : "rdtscp");
		return;
	}
	if (read == HOST_READ_CPUID) {
		snprintf(out, cap, "read the host's CPU identity (cpuid)");
		return;
	}
	if (sig == SIGSYS) {
		/* seccomp.c refused a syscall instruction in process code, or
		 * syscall_dispatch.c one that process code jumped to. */
		snprintf(out, cap, "raw host syscall %d (only pwk syscalls are allowed)",
			 si->si_syscall);
		return;
	}
	if (general_protection(sig, si)) {
		snprintf(out, cap, "SIGSEGV (an instruction or segment user mode may not use)");
		return;
	}
	snprintf(out, cap, "%s", signal_name(sig));
}

/* Writes "process 'p' thread 't'" and where the address lies, relative to
 * the process's own region, so reports are the same in every run. */
/* "flash+0x…" or "ram+0x…": where in its region `addr` (inside it) lies. */
static void label_in_region(const struct host_region *r, uintptr_t addr, char *out, size_t cap)
{
	uintptr_t off = addr - r->user_base;
	snprintf(out, cap, "%s+%#lx", off < r->flash_size ? "flash" : "ram",
		 (unsigned long)(off < r->flash_size ? off : off - r->flash_size));
}

static void report(int sig, const siginfo_t *si, const ucontext_t *uc)
{
	uint32_t thread = host.current;
	const struct pwk_thread_desc *td = &host.system->threads[thread];
	const struct host_region *r = &host.regions[td->process];
	uintptr_t addr = (uintptr_t)si->si_addr;
	uintptr_t pc = (uintptr_t)uc->uc_mcontext.gregs[REG_RIP];
	uintptr_t ram_end = r->user_base + r->flash_size + r->ram_size;
	uintptr_t budget = r->link_page - HOST_REGION_PAGE;
	char where[96] = "outside the process's memory";
	if (host_region_contains(r, addr)) {
		label_in_region(r, addr, where, sizeof(where));
	} else if (addr + HOST_REGION_GUARD >= budget && addr < budget) {
		snprintf(where, sizeof(where),
			 r->gate_page ? "in the simulator's gate page below the region"
				      : "in the guard page below the region");
	} else if (addr >= r->link_page && addr < r->link_page + HOST_REGION_PAGE) {
		snprintf(where, sizeof(where),
			 "in the simulator's read-only link page below flash");
	} else if (addr >= r->link_page + HOST_REGION_PAGE && addr < r->user_base) {
		snprintf(where, sizeof(where),
			 "in the unmapped gap between the link page and flash");
	} else if (addr >= ram_end && addr < ram_end + HOST_REGION_GUARD) {
		snprintf(where, sizeof(where), "in the guard page above ram");
	}
	/* A syscall instruction outside the region (syscall_dispatch.c caught
	 * a jump into pwsim's or libc's code) lies at a randomised host
	 * address: named, not printed, so that reports are the same in every
	 * run. */
	char addr_text[48];
	snprintf(addr_text, sizeof(addr_text), "address %#lx", (unsigned long)addr);
	if (sig == SIGSYS && addr >= UINT64_C(0xffff800000000000)) {
		snprintf(where, sizeof(where), "in the host kernel's vsyscall page");
	} else if (sig == SIGSYS && !host_region_contains(r, addr) &&
		   !(addr >= r->link_page && addr < r->link_page + HOST_REGION_PAGE)) {
		snprintf(addr_text, sizeof(addr_text), "a host address");
		snprintf(where, sizeof(where), "in the simulator's own code");
	} else if ((uc->uc_mcontext.gregs[REG_CSGSFS] & 0xffff) != host_cpu_kernel_cs) {
		/* After sysenter, Linux resumes 32-bit code at its own landing
		 * pad (an address derived from the randomised vDSO): not
		 * printed either. */
		snprintf(addr_text, sizeof(addr_text), "a 32-bit address");
	} else if (general_protection(sig, si)) {
		snprintf(addr_text, sizeof(addr_text), "no memory address");
		snprintf(where, sizeof(where), "a general protection fault, not a memory access");
	}
	char what[80];
	describe(sig, si, uc, what, sizeof(what));
	/* A pc in RAM (a jump into data) is labelled like an address in RAM. */
	char at[64] = "outside its code";
	if (host_region_contains(r, pc)) {
		label_in_region(r, pc, at, sizeof(at));
	}
	fprintf(host.opts.fault_report != NULL ? host.opts.fault_report : stderr,
		"pwsim: fault: process '%s' thread '%s': %s at %s (%s), pc %s, "
		"virtual time %llu ns; the kernel terminates the process\n",
		host.system->processes[td->process].name, td->name, what, addr_text, where, at,
		(unsigned long long)host.now);
}

void host_fault_handler(int sig, siginfo_t *si, void *ctx);

/* Entered through host_signal_fault (signal_x86_64.S), with the kernel's
 * FS base whatever user code did to it. */
void host_fault_handler(int sig, siginfo_t *si, void *ctx)
{
	ucontext_t *uc = ctx;
	if (!host_in_user && sig == SIGSEGV && host_reads_emulate(uc)) {
		return; /* pwsim's own clock or cpuid read (host_reads.c) */
	}
	if (host_in_user && sig == SIGSYS && host_gate_trap_enter(uc)) {
		return; /* a syscall through the link page's stub (hidden_gate.c) */
	}
	if (!host_in_user || host.current == PWK_NONE || host.system == NULL) {
		host_fatal_report(sig); /* a simulator bug: say so before dying */
		host_signals_forget();
		signal(sig, SIG_DFL);
		return; /* re-executes the faulting instruction: default action */
	}
	host_in_user = 0;
	host.outcome.faults++;
	report(sig, si, uc);
	/* Enter the kernel as a trap would: on the empty kernel stack. */
	host_cpu_context_to_kernel(uc, fault_entry);
}

void host_signals_forget(void)
{
	installed = false;
	host_watchdog_forget();
}

void host_faults_install(void)
{
	if (installed) {
		return;
	}
	installed = true;
	host_fatal_install();
	if (alt_stack == NULL) {
		size_t size = 64u * 1024u;
		alt_stack = malloc(size);
		stack_t ss = {.ss_sp = alt_stack, .ss_size = size, .ss_flags = 0};
		if (alt_stack == NULL || sigaltstack(&ss, NULL) != 0) {
			hal_panic(__FILE__, __LINE__, "cannot install the fault signal stack");
		}
	}
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = host_signal_fault;
	sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof(fault_signals) / sizeof(fault_signals[0]); i++) {
		sigaction(fault_signals[i], &sa, NULL);
	}
}
