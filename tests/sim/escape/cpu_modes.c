/*
 * cpu_modes.c — the attacker leaves the 64-bit ABI behind: a far return
 * into 32-bit compatibility mode (the fault report must not send pwsim's
 * own code back in that mode), the syscall gate entered with no stack, the
 * host's CPU identity through cpuid (it names the CPU the host thread runs
 * on: it differs from run to run), an iretq that sets every flag user mode
 * may, a non-canonical stack pointer, the 32-bit sysenter entry, a bogus
 * GS base and an x87 exception left pending; and random instruction
 * sequences of such things (soup.py). Each faults the attacker or has
 * no effect. Built into attacker.elf.
 */
#include <pwk/user.h>

#include "escape.h"
#include "far_return.h"
#include "host_link.h"
#include "protocol.h"

extern struct pwk_host_link *__pwk_host_link;

static void far_return_to_compat_mode(void)
{
	escape_far_return_to_compat_mode();
	pwk_log("attacker: still in 64-bit mode after lretq\n");
}

/* The gate with rsp = 0: it must not trust the stack it returns on. */
static void gate_with_no_stack(void)
{
	void (*gate)(void) = __pwk_host_link->syscall_gate;
	__asm__ volatile("movq %%rsp, %%rbx\n\t"
			 "xorl %%esp, %%esp\n\t"
			 "movl $0x0000, %%edi\n\t" /* id 0: debug_putc, say */
			 "jmpq *%0" ::"r"(gate)
			 : "rbx", "rdi", "memory");
}

static void read_cpuid(void)
{
	uint32_t a = 1, b = 0, c = 0, d = 0;
	__asm__ volatile("cpuid" : "+a"(a), "=b"(b), "+c"(c), "=d"(d));
	pwk_log("attacker: cpuid leaf 1 says apic id %u\n", (unsigned)(b >> 24));
}

/* iretq to the next instruction with TF clear but DF, AC, NT and the
 * arithmetic flags set (IOPL and IF cannot change in user mode), then a
 * syscall. */
static void iret_with_flags(void)
{
	__asm__ volatile("movq %%rsp, %%rax\n\t"
			 "movq %%ss, %%rcx\n\t"
			 "pushq %%rcx\n\t"
			 "pushq %%rax\n\t"
			 "pushq $0x44cd5\n\t" /* AC NT OF DF SF ZF AF PF CF */
			 "movq %%cs, %%rax\n\t"
			 "pushq %%rax\n\t"
			 "leaq 1f(%%rip), %%rax\n\t"
			 "pushq %%rax\n\t"
			 "iretq\n"
			 "1:\n\t"
			 "cld\n\t"
			 "pushfq\n\t"
			 "andq $~0x40000, (%%rsp)\n\t" /* AC off for the C below */
			 "popfq" ::
				 : "rax", "memory", "cc");
	static const char note[] = "attacker: syscall after iretq\n";
	__asm__ volatile("pushfq; orq $0x44000, (%%rsp); popfq" ::: "memory", "cc");
	(void)pwk_debug_log(note, sizeof(note) - 1);
	pwk_log("attacker: iretq flags had no effect on pwsim\n");
}

static void noncanonical_stack(void)
{
	__asm__ volatile("movq %%rsp, %%rbx\n\t"
			 "movabsq $0x8000000000000000, %%rax\n\t"
			 "movq %%rax, %%rsp\n\t"
			 "pushq %%rax\n\t"
			 "movq %%rbx, %%rsp" ::
				 : "rax", "rbx", "memory");
	pwk_log("attacker: pushed through a non-canonical stack pointer\n");
}

/* Intel CPUs take sysenter in 64-bit mode: Linux treats it as a 32-bit
 * syscall (eax = 1: exit). */
static void sysenter_exit(void)
{
	__asm__ volatile("movl $1, %%eax\n\t"
			 "xorl %%ebx, %%ebx\n\t"
			 "sysenter" ::
				 : "rax", "rbx", "rcx", "rdx", "memory");
	pwk_log("attacker: sysenter returned\n");
}

static void tamper_gs(void)
{
	uintptr_t bogus = 0xdead0000u, seen = 0;
	__asm__ volatile("wrgsbase %0" ::"r"(bogus) : "memory");
	static const char note[] = "attacker: syscall with a bogus gs base\n";
	(void)pwk_debug_log(note, sizeof(note) - 1);
	__asm__ volatile("rdgsbase %0" : "=r"(seen));
	pwk_log("attacker: gs base %s across a syscall\n", seen == bogus ? "kept" : "changed");
	__builtin_trap(); /* and a fault with it still set */
}

/* 1/0 with the x87 divide-by-zero exception unmasked: the exception is
 * pending until the next waiting x87 instruction, which must not be one
 * of the gate's. */
static void x87_exception_pending(void)
{
	uint16_t fcw = 0x037b; /* the default with ZM clear */
	__asm__ volatile("fldcw %0; fld1; fldz; fdivrp" ::"m"(fcw) : "memory");
	static const char note[] = "attacker: syscall with an x87 exception pending\n";
	(void)pwk_debug_log(note, sizeof(note) - 1);
	pwk_log("attacker: the pending x87 exception did not reach pwsim\n");
}

extern int64_t *__pwk_host_budget;

/* Whether `v` could be a host address (pwsim's image, heap, stacks, libc,
 * the vDSO): not a small number, not one of the process's own addresses. */
static bool looks_like_host_address(uint64_t v)
{
	return v > 0xffffu && !(v >= 0x500000000000u && v < 0x504000000000u) &&
	       (v % 0x1111u != 0 || v > 0x6666u);
}

/* Enters the syscall gate (debug_nop) and the preemption gate (with the
 * budget spent, as the hook does) with marked registers and looks at every
 * caller-saved register they give back. */
static void gate_registers(void)
{
	static const char *const names[] = {"rax", "rcx", "rdx", "rsi", "rdi",
					    "r8",  "r9",  "r10", "r11"};
	uint64_t after[2][9];
	__asm__ volatile("movq $0x1111, %%rdi; movq $0x2222, %%rsi; movq $0x3333, %%rdx\n\t"
			 "movq $0x4444, %%rcx; movq $0x5555, %%r8; movq $0x6666, %%r9\n\t"
			 "movl $0xf004, %%eax; movq __pwk_host_link(%%rip), %%r11\n\t"
			 "callq *8(%%r11)\n\t"
			 "movq %%rax, 0(%0); movq %%rcx, 8(%0); movq %%rdx, 16(%0)\n\t"
			 "movq %%rsi, 24(%0); movq %%rdi, 32(%0); movq %%r8, 40(%0)\n\t"
			 "movq %%r9, 48(%0); movq %%r10, 56(%0); movq %%r11, 64(%0)" ::"b"(after[0])
			 : "rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11", "memory");
	*__pwk_host_budget = 0;
	__asm__ volatile("movq __pwk_host_link(%%rip), %%r11; callq *16(%%r11)\n\t"
			 "movq %%rax, 0(%0); movq %%rcx, 8(%0); movq %%rdx, 16(%0)\n\t"
			 "movq %%rsi, 24(%0); movq %%rdi, 32(%0); movq %%r8, 40(%0)\n\t"
			 "movq %%r9, 48(%0); movq %%r10, 56(%0); movq %%r11, 64(%0)" ::"b"(after[1])
			 : "rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11", "memory");
	unsigned found = 0;
	for (unsigned g = 0; g < 2; g++) {
		for (unsigned i = 0; i < 9; i++) {
			if (looks_like_host_address(after[g][i])) {
				pwk_log("attacker: the %s gate gave back a host address in %s\n",
					g == 0 ? "syscall" : "preemption", names[i]);
				found++;
			}
		}
	}
	if (found == 0) {
		pwk_log("attacker: no host address in the registers the gates give back\n");
	}
}

/* soup.S (soup.py): random instruction sequence k. Not in
 * attacker_no_soup.elf: the soup runs xrstor, for which isolation pkeys
 * refuses an image (test_escape.c runs the rest there with that one). */
void escape_soup_run(uint32_t k);

void escape_cpu_modes(uint32_t command)
{
	if (command >= ESCAPE_SOUP_FIRST) {
#ifdef ESCAPE_NO_SOUP
		pwk_log("attacker: this image has no instruction soup\n");
		return;
#endif
		escape_soup_run(command - ESCAPE_SOUP_FIRST);
		pwk_log("attacker: instruction sequence %u ran to its end\n",
			(unsigned)(command - ESCAPE_SOUP_FIRST));
		return;
	}
	switch (command) {
	case ESCAPE_COMPAT_MODE:
		far_return_to_compat_mode();
		break;
	case ESCAPE_GATE_BAD_SP:
		gate_with_no_stack();
		break;
	case ESCAPE_CPUID:
		read_cpuid();
		break;
	case ESCAPE_IRET_FLAGS:
		iret_with_flags();
		break;
	case ESCAPE_NONCANONICAL:
		noncanonical_stack();
		break;
	case ESCAPE_SYSENTER:
		sysenter_exit();
		break;
	case ESCAPE_WRGSBASE:
		tamper_gs();
		break;
	case ESCAPE_X87_PENDING:
		x87_exception_pending();
		break;
	case ESCAPE_GATE_REGISTERS:
		gate_registers();
		break;
	default:
		break;
	}
}
