/* escape/protocol.h — victim -> attacker request: which escape to try and
 * the address of the victim's secret. Host-only (x86-64 attempts). */
#ifndef ESCAPE_PROTOCOL_H
#define ESCAPE_PROTOCOL_H

#include <stdint.h>

enum escape_command {
	/* raw host syscalls (hal-host/seccomp.c makes each a fault) */
	ESCAPE_RAW_WRITE = 5,       /* write(1, ...) past the console capture */
	ESCAPE_RAW_EXIT = 6,        /* exit_group(0): end pwsim "successfully" */
	ESCAPE_RAW_SIGPROCMASK = 7, /* block SIGALRM: defeat the watchdog */
	ESCAPE_RAW_INT80 = 8,       /* exit through the 32-bit entry */
	/* CPU state the gate and the fault path must not trust */
	ESCAPE_SET_DF = 9,        /* direction flag set, then syscalls */
	ESCAPE_SET_AC = 10,       /* alignment check set, then syscalls */
	ESCAPE_SET_TF = 11,       /* trap flag set: single-step traps */
	ESCAPE_WRFSBASE = 12,     /* a bogus FS base, syscalls, then a fault */
	ESCAPE_FPU_CONTROL = 13,  /* every FP exception unmasked, then syscalls */
	ESCAPE_READ_VECTORS = 14, /* look for the victim's secret in its registers */
	ESCAPE_READ_TLS = 15,     /* read through %fs: the host's thread pointer */
	/* the region's edges and the simulator's pages in it */
	ESCAPE_WRITE_PAST_RAM = 16, /* write the first byte after its RAM */
	ESCAPE_WRITE_LINK = 17,     /* overwrite the gate address in the link page */
	ESCAPE_FORGE_BUDGET = 18,   /* give itself more budget, then a syscall */
	ESCAPE_CHECKSUM_RAM = 19,   /* log a checksum of its whole RAM */
	ESCAPE_KERNEL_VIEW = 20,    /* write the secret through the kernel's view */
	ESCAPE_THREAD_BAD_SP = 21,  /* start a thread on a stack outside its RAM */
	ESCAPE_THREAD_BAD_PC = 22,  /* start a thread outside its code */
	ESCAPE_RDTSC = 23,          /* read the host's time stamp counter */
	ESCAPE_READ_GATE = 24,      /* where does the link page's gate point? */
	/* host syscall instructions outside its code (host_code.c) */
	ESCAPE_LIBC_SYSCALL = 25, /* find libc's syscall instruction, call it */
	ESCAPE_VSYSCALL = 26,     /* the vsyscall page's gettimeofday */
	/* CPU modes and instructions outside the ABI (cpu_modes.c) */
	ESCAPE_COMPAT_MODE = 27,     /* far return into 32-bit compatibility mode */
	ESCAPE_GATE_BAD_SP = 28,     /* enter the gate with a stack pointer of 0 */
	ESCAPE_CPUID = 29,           /* read the host's CPU identity */
	ESCAPE_IRET_FLAGS = 30,      /* iretq with every flag it may set */
	ESCAPE_NONCANONICAL = 31,    /* a non-canonical stack pointer, then a push */
	ESCAPE_SYSENTER = 32,        /* exit_group through the 32-bit sysenter entry */
	ESCAPE_WRGSBASE = 33,        /* a bogus GS base, a syscall, then a fault */
	ESCAPE_X87_PENDING = 34,     /* an unmasked x87 exception pending at a syscall */
	ESCAPE_READ_VECTORS512 = 35, /* the same as 14 in the AVX-512 registers */
	ESCAPE_GATE_REGISTERS = 36,  /* what both gates leave in the registers */
	ESCAPE_READ_LINK_GAP = 37,   /* read the unmapped gap above the link page */
	ESCAPE_STUB_WRPKRU = 38,     /* pkeys: the link page stub's wrpkru with PKRU 0 */
	ESCAPE_SOUP_FIRST = 100,     /* 100+k: random instruction sequence k (soup.py) */
};

struct escape_request {
	uint32_t command;
	uint32_t pad;
	uint64_t secret_address;
};

#define ESCAPE_SECRET 0x5ec7e75ec7e75ec7ull

/* system.json5's sizes, for the attacks on the region's edges */
#define ESCAPE_FLASH_BYTES 65536u
#define ESCAPE_RAM_BYTES   16384u

/* hal-host/region.h's HOST_REGION_LINK_GAP: unmapped, between the link
 * page and flash (process code cannot include region.h; test_escape.c
 * checks that the two agree) */
#define ESCAPE_LINK_GAP_BYTES (64u * 4096u)

/* Isolation pkeys: where the link page's syscall stub has its wrpkru
 * (hal-host/pkeys.c: the stub at 64, the wrpkru 14 bytes into it). */
#define ESCAPE_STUB_WRPKRU_AT (64u + 14u)

#endif
