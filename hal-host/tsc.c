/*
 * tsc.c — the time stamp counter is out of process code's reach.
 *
 * rdtsc reads the host's clock without a syscall: a process using it would
 * see a value that differs from run to run. During a run the machine's host
 * thread runs with PR_TSC_SIGSEGV, so rdtsc/rdtscp in process code fault
 * (fault.c reports "read the host's time stamp counter"). pwsim's own code
 * still needs the counter where the vDSO's clock_gettime reads it: such a
 * fault outside user code is emulated here, by reading the counter with it
 * briefly enabled (two prctl calls: only the rare clock read in pwsim pays).
 */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <sys/prctl.h>
#include <ucontext.h>

#include "machine.h"

/* Length of the rdtsc (0f 31) or rdtscp (0f 01 f9) at `pc`, else 0. */
size_t host_tsc_insn_len(const uint8_t *pc)
{
	if (pc[0] == 0x0f && pc[1] == 0x31) {
		return 2;
	}
	if (pc[0] == 0x0f && pc[1] == 0x01 && pc[2] == 0xf9) {
		return 3;
	}
	return 0;
}

void host_tsc_trap_start(void)
{
	(void)prctl(PR_SET_TSC, PR_TSC_SIGSEGV, 0, 0, 0);
}

void host_tsc_trap_stop(void)
{
	(void)prctl(PR_SET_TSC, PR_TSC_ENABLE, 0, 0, 0);
}

bool host_tsc_emulate(ucontext_t *uc)
{
	greg_t *g = uc->uc_mcontext.gregs;
	const uint8_t *pc = (const uint8_t *)(uintptr_t)g[REG_RIP];
	size_t len = host_tsc_insn_len(pc);
	if (len == 0) {
		return false;
	}
	uint32_t lo, hi, aux = 0;
	host_tsc_trap_stop();
	if (len == 3) {
		__asm__ volatile("rdtscp" : "=a"(lo), "=d"(hi), "=c"(aux));
		g[REG_RCX] = (greg_t)aux;
	} else {
		__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	}
	host_tsc_trap_start();
	g[REG_RAX] = (greg_t)lo;
	g[REG_RDX] = (greg_t)hi;
	g[REG_RIP] += (greg_t)len;
	return true;
}
