/*
 * escape.c — the attacker's attempts to get around the kernel altogether:
 * raw host syscalls, CPU state the simulator might trust, registers another
 * process left behind, the host's clock and thread pointer. Each either
 * faults the attacker (what hardware would do) or has no effect; none may
 * reach pwsim. Built into attacker.elf.
 */
#include <pwk/user.h>

#include "escape.h"
#include "protocol.h"

static const char note[] = "attacker: syscall after tampering\n";

/* A Linux syscall straight from process code, as a hostile image would. */
static long host_syscall3(long nr, long a, long b, long c)
{
	long ret;
	__asm__ volatile("syscall"
			 : "=a"(ret)
			 : "a"(nr), "D"(a), "S"(b), "d"(c)
			 : "rcx", "r11", "memory");
	return ret;
}

static void raw_syscalls(uint32_t command)
{
	static const char text[] = "escaped past the console\n";
	uint64_t block_alarm = 1u << (14 - 1); /* SIGALRM */
	long got = 0;
	switch (command) {
	case ESCAPE_RAW_WRITE:
		got = host_syscall3(1, 1, (long)(uintptr_t)text, sizeof(text) - 1);
		break;
	case ESCAPE_RAW_EXIT:
		got = host_syscall3(231, 0, 0, 0);
		break;
	case ESCAPE_RAW_SIGPROCMASK:
		got = host_syscall3(14, 0, (long)(uintptr_t)&block_alarm, 0);
		break;
	case ESCAPE_RAW_INT80:
		__asm__ volatile("int $0x80" : "=a"(got) : "a"(1L), "b"(0L) : "memory");
		break;
	default:
		return;
	}
	pwk_log("attacker: raw host syscall returned %ld\n", got);
}

static void tamper_flags(uint32_t command)
{
	switch (command) {
	case ESCAPE_SET_DF:
		__asm__ volatile("std" ::: "memory");
		break;
	case ESCAPE_SET_AC:
		__asm__ volatile("pushfq; orq $0x40000, (%%rsp); popfq" ::: "memory", "cc");
		break;
	case ESCAPE_SET_TF:
		__asm__ volatile("pushfq; orq $0x100, (%%rsp); popfq; nop" ::: "memory", "cc");
		break;
	default:
		return;
	}
	(void)pwk_debug_log(note, sizeof(note) - 1);
	pwk_log("attacker: flags tampered, still alive\n");
}

static void tamper_fs(void)
{
	uintptr_t bogus = 0xdead0000u, seen = 0;
	__asm__ volatile("wrfsbase %0" ::"r"(bogus) : "memory");
	(void)pwk_debug_log(note, sizeof(note) - 1);
	__asm__ volatile("rdfsbase %0" : "=r"(seen));
	pwk_log("attacker: fs base %s across a syscall\n", seen == bogus ? "kept" : "changed");
	__builtin_trap(); /* and a fault with it still set */
}

static void tamper_fpu(void)
{
	uint32_t mxcsr = 0;    /* every SSE exception unmasked */
	uint16_t fcw = 0x0340; /* every x87 exception unmasked */
	__asm__ volatile("ldmxcsr %0; fldcw %1" ::"m"(mxcsr), "m"(fcw) : "memory");
	(void)pwk_debug_log(note, sizeof(note) - 1);
	uint32_t after = 0;
	__asm__ volatile("stmxcsr %0" : "=m"(after));
	pwk_log("attacker: mxcsr %x after a syscall\n", (unsigned)after);
}

static void read_tsc(void)
{
	uint32_t lo = 0, hi = 0;
	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	pwk_log("attacker: read the host's tsc %x%x\n", (unsigned)hi, (unsigned)lo);
}

static void read_tls(void)
{
	uintptr_t tp = 0;
	__asm__ volatile("movq %%fs:0, %0" : "=r"(tp));
	pwk_log("attacker: read the host's thread pointer %lx\n", (unsigned long)tp);
}

void escape_read_vectors(void)
{
	/* The x87 environment first (the MMX reads below rewrite it): the
	 * victim's exception flags and where its last x87 instruction was. */
	struct {
		uint32_t control, status, tags, ip, ip_selector_opcode, dp, dp_selector;
	} env;
	__asm__ volatile("fnstenv %0; fldcw %0" : "=m"(env) : : "memory");
	pwk_log("attacker: x87 status flags %x, last x87 instruction at %x\n",
		(unsigned)(env.status & 0x3f), (unsigned)env.ip);
	uint64_t seen[16];
	__asm__ volatile("movq %%xmm8, 0(%0); movq %%xmm9, 8(%0); movq %%xmm10, 16(%0);"
			 "movq %%xmm11, 24(%0); movq %%xmm12, 32(%0); movq %%xmm13, 40(%0);"
			 "movq %%xmm14, 48(%0); movq %%xmm15, 56(%0);"
			 "movq %%mm0, 64(%0); movq %%mm1, 72(%0); movq %%mm2, 80(%0);"
			 "movq %%mm3, 88(%0); movq %%mm4, 96(%0); movq %%mm5, 104(%0);"
			 "movq %%mm6, 112(%0); movq %%mm7, 120(%0); emms" ::"r"(seen)
			 : "memory");
	unsigned leaked = 0;
	for (unsigned i = 0; i < 16; i++) {
		leaked += seen[i] == ESCAPE_SECRET;
	}
	pwk_log("attacker: %u registers hold the victim's secret\n", leaked);
}

void escape_plant_vectors(void)
{
	/* 1/0: the divide-by-zero flag in the x87 status word, and this
	 * code's address in the last-instruction pointer. */
	__asm__ volatile("fld1; fldz; fdivrp; fstp %%st(0)" ::: "memory");
	uint64_t s = ESCAPE_SECRET;
	__asm__ volatile("movq %0, %%xmm8; movq %0, %%xmm9; movq %0, %%xmm10; movq %0, %%xmm11;"
			 "movq %0, %%xmm12; movq %0, %%xmm13; movq %0, %%xmm14; movq %0, %%xmm15;"
			 "movq %0, %%mm0; movq %0, %%mm1; movq %0, %%mm2; movq %0, %%mm3;"
			 "movq %0, %%mm4; movq %0, %%mm5; movq %0, %%mm6; movq %0, %%mm7" ::"r"(s)
			 : "xmm8", "xmm9", "xmm10", "xmm11", "xmm12", "xmm13", "xmm14", "xmm15");
}

void escape_attempt(uint32_t command)
{
	raw_syscalls(command);
	tamper_flags(command);
	switch (command) {
	case ESCAPE_WRFSBASE:
		tamper_fs();
		break;
	case ESCAPE_FPU_CONTROL:
		tamper_fpu();
		break;
	case ESCAPE_RDTSC:
		read_tsc();
		break;
	case ESCAPE_READ_TLS:
		read_tls();
		break;
	default:
		break;
	}
}
