/*
 * region_edges.c — the attacker's attempts on the edges of its own region
 * and on the simulator's pages inside it: the guard after RAM, the
 * read-only link page and the unmapped gap above it, the budget counter.
 * Also a checksum of its RAM, which must not depend on where the host put
 * anything. Built into attacker.elf.
 */
#include <pwk/user.h>

#include "escape.h"
#include "host_link.h"
#include "protocol.h"

extern struct pwk_host_link *__pwk_host_link;
extern int64_t *__pwk_host_budget;

/* Region layout (hal-host/region.h): link page, link gap, flash, RAM. */
static uintptr_t ram_start(void)
{
	return (uintptr_t)__pwk_host_link + 4096u + ESCAPE_LINK_GAP_BYTES + ESCAPE_FLASH_BYTES;
}

static void checksum_ram(void)
{
	const volatile uint64_t *p = (const volatile uint64_t *)ram_start();
	uint64_t sum = 0;
	for (size_t i = 0; i < ESCAPE_RAM_BYTES / 8; i++) {
		sum = (sum ^ p[i]) * 0x100000001b3ull;
	}
	pwk_log("attacker: ram checksum %x%x\n", (unsigned)(sum >> 32), (unsigned)sum);
}

/* The victim (process 0) where the kernel's view of regions used to be
 * (0x580000000000; hal-host/region.h now lets the host's mmap choose) and
 * its flash in the user view at 0x500000043000 (after a guard, the budget
 * and the link pages and the link gap). */
static void write_through_kernel_view(uintptr_t secret)
{
	uintptr_t view = 0x580000000000u + (secret - 0x500000043000u);
	*(volatile uint64_t *)view = 0;
	pwk_log("attacker: wrote the secret through the kernel's view\n");
}

/* Isolation pkeys: enters the link page's syscall stub at its wrpkru with
 * PKRU 0 (every key enabled) and the stack the stub's first instructions
 * would have made (a2, an unknown syscall id, the return address), so the
 * stub reads the gate's address and jumps there; then, back, it reads the
 * victim's secret before anything else (a syscall that switched processes
 * would set PKRU anyway). The gate must have put the process's own PKRU
 * back, so the read faults. (The red zone is stepped over.) */
static void stub_wrpkru_then_read(uintptr_t secret)
{
	const uintptr_t wrpkru = (uintptr_t)__pwk_host_link + ESCAPE_STUB_WRPKRU_AT;
	__asm__ volatile("subq $128, %%rsp\n\t"
			 "leaq 1f(%%rip), %%rax\n\t"
			 "pushq %%rax\n\t"
			 "pushq $0x7fff\n\t"
			 "pushq $0\n\t"
			 "xorl %%eax, %%eax\n\t"
			 "xorl %%ecx, %%ecx\n\t"
			 "xorl %%edx, %%edx\n\t"
			 "jmpq *%[wrpkru]\n"
			 "1:\n\t"
			 "addq $128, %%rsp"
			 :
			 : [wrpkru] "r"(wrpkru)
			 : "rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11", "memory");
	const uint64_t got = *(volatile uint64_t *)secret;
	pwk_log("attacker: back from the gate, read the victim's secret: %x\n", (unsigned)got);
}

void escape_region_edges(uint32_t command, uintptr_t secret)
{
	switch (command) {
	case ESCAPE_WRITE_PAST_RAM:
		*(volatile uint8_t *)(ram_start() + ESCAPE_RAM_BYTES) = 1;
		pwk_log("attacker: wrote past its ram\n");
		break;
	case ESCAPE_STUB_WRPKRU:
		stub_wrpkru_then_read(secret);
		break;
	case ESCAPE_READ_LINK_GAP:
		pwk_log("attacker: read %u above its link page\n",
			*(volatile uint8_t *)((uintptr_t)__pwk_host_link + 4096u));
		break;
	case ESCAPE_WRITE_LINK:
		*(void *volatile *)&__pwk_host_link->syscall_gate = 0;
		pwk_log("attacker: rewrote its link page\n");
		break;
	case ESCAPE_FORGE_BUDGET:
		*(volatile int64_t *)__pwk_host_budget = INT64_MAX / 2;
		(void)pwk_debug_nop();
		pwk_log("attacker: forged its budget\n");
		break;
	case ESCAPE_CHECKSUM_RAM:
		checksum_ram();
		break;
	case ESCAPE_READ_GATE: {
		uintptr_t gate = (uintptr_t)__pwk_host_link->syscall_gate;
		uintptr_t link = (uintptr_t)__pwk_host_link;
		pwk_log("attacker: the gate is %s its region\n",
			gate >= link && gate < link + 4096u ? "inside" : "outside");
		break;
	}
	case ESCAPE_KERNEL_VIEW:
		write_through_kernel_view(secret);
		break;
	default:
		break;
	}
}
