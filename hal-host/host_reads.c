/*
 * host_reads.c — instructions that read the host are out of process code's
 * reach.
 *
 * rdtsc/rdtscp read the host's clock and cpuid names the host's CPU (leaf
 * 1's and 0xb's APIC id is the CPU the host thread happens to run on)
 * without a syscall: a process using them would see values that differ
 * from run to run, or from machine to machine. During a run the machine's
 * host thread runs with PR_TSC_SIGSEGV and, where the CPU can fault cpuid
 * (ARCH_SET_CPUID: Intel's CPUID faulting, which Linux offers on most VMs
 * and Ivy Bridge and later), with cpuid faulting, so in process code they
 * fault (fault.c reports what was tried). pwsim's own code may still need
 * one (the vDSO's clock_gettime reads the counter): such a fault outside
 * user code is emulated here, the instruction run with its trap briefly
 * off (two syscalls: only pwsim's rare reads pay).
 */
#include <asm/prctl.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <ucontext.h>
#include <unistd.h>

#include "machine.h"

#ifndef ARCH_SET_CPUID
#define ARCH_SET_CPUID 0x1012
#endif

/* Whether cpuid faults during runs on this host (learnt at the first run). */
static bool cpuid_traps;

host_read_t host_read_insn(const uint8_t *pc, size_t *len)
{
	if (pc[0] == 0x0f && pc[1] == 0x31) {
		*len = 2;
		return HOST_READ_TSC;
	}
	if (pc[0] == 0x0f && pc[1] == 0x01 && pc[2] == 0xf9) {
		*len = 3;
		return HOST_READ_TSCP;
	}
	if (pc[0] == 0x0f && pc[1] == 0xa2) {
		*len = 2;
		return HOST_READ_CPUID;
	}
	*len = 0;
	return HOST_READ_NONE;
}

static void cpuid_trap(bool on)
{
	cpuid_traps = syscall(SYS_arch_prctl, ARCH_SET_CPUID, on ? 0 : 1) == 0 && on;
}

void host_reads_trap_start(void)
{
	(void)prctl(PR_SET_TSC, PR_TSC_SIGSEGV, 0, 0, 0);
	cpuid_trap(true);
}

void host_reads_trap_stop(void)
{
	(void)prctl(PR_SET_TSC, PR_TSC_ENABLE, 0, 0, 0);
	if (cpuid_traps) {
		cpuid_trap(false);
	}
}

bool host_reads_cpuid_traps(void)
{
	return cpuid_traps;
}

bool host_reads_emulate(ucontext_t *uc)
{
	greg_t *g = uc->uc_mcontext.gregs;
	size_t len;
	uint32_t a = (uint32_t)g[REG_RAX], b = 0, c = (uint32_t)g[REG_RCX], d = 0;
	switch (host_read_insn((const uint8_t *)(uintptr_t)g[REG_RIP], &len)) {
	case HOST_READ_TSC:
		(void)prctl(PR_SET_TSC, PR_TSC_ENABLE, 0, 0, 0);
		__asm__ volatile("rdtsc" : "=a"(a), "=d"(d));
		(void)prctl(PR_SET_TSC, PR_TSC_SIGSEGV, 0, 0, 0);
		break;
	case HOST_READ_TSCP:
		(void)prctl(PR_SET_TSC, PR_TSC_ENABLE, 0, 0, 0);
		__asm__ volatile("rdtscp" : "=a"(a), "=d"(d), "=c"(c));
		(void)prctl(PR_SET_TSC, PR_TSC_SIGSEGV, 0, 0, 0);
		g[REG_RCX] = (greg_t)c;
		break;
	case HOST_READ_CPUID:
		if (!cpuid_traps) {
			return false;
		}
		cpuid_trap(false);
		__asm__ volatile("cpuid" : "+a"(a), "=b"(b), "+c"(c), "=d"(d));
		cpuid_trap(true);
		g[REG_RBX] = (greg_t)b;
		g[REG_RCX] = (greg_t)c;
		break;
	default:
		return false;
	}
	g[REG_RAX] = (greg_t)a;
	g[REG_RDX] = (greg_t)d;
	g[REG_RIP] += (greg_t)len;
	return true;
}
