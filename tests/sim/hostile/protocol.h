/* hostile/protocol.h — victim -> attacker request: a command and the
 * address of the victim's secret. */
#ifndef HOSTILE_PROTOCOL_H
#define HOSTILE_PROTOCOL_H

#include <stdint.h>

enum hostile_command {
	HOSTILE_PROBE_ONLY = 0,     /* kernel probes, then respond */
	HOSTILE_WILD_WRITE = 1,     /* write the secret directly */
	HOSTILE_ILLEGAL = 2,        /* execute an illegal instruction */
	HOSTILE_STACK_OVERFLOW = 3, /* recurse until the stack runs out */
	HOSTILE_WRITE_FLASH = 4,    /* write to its own code */
	/* raw host syscalls (hal-host/seccomp.c makes each a fault) */
	HOSTILE_RAW_WRITE = 5,       /* write(1, ...) past the console capture */
	HOSTILE_RAW_EXIT = 6,        /* exit_group(0): end pwsim "successfully" */
	HOSTILE_RAW_SIGPROCMASK = 7, /* block SIGALRM: defeat the watchdog */
	HOSTILE_RAW_INT80 = 8,       /* exit through the 32-bit entry */
	/* CPU state the gate and the fault path must not trust */
	HOSTILE_SET_DF = 9,        /* direction flag set, then syscalls */
	HOSTILE_SET_AC = 10,       /* alignment check set, then syscalls */
	HOSTILE_SET_TF = 11,       /* trap flag set: single-step traps */
	HOSTILE_WRFSBASE = 12,     /* a bogus FS base, syscalls, then a fault */
	HOSTILE_FPU_CONTROL = 13,  /* every FP exception unmasked, then syscalls */
	HOSTILE_READ_VECTORS = 14, /* look for the victim's secret in its registers */
	HOSTILE_READ_TLS = 15,     /* read through %fs: the host's thread pointer */
	/* the region's edges and the simulator's pages in it */
	HOSTILE_WRITE_PAST_RAM = 16, /* write the first byte after its RAM */
	HOSTILE_WRITE_LINK = 17,     /* overwrite the gate address in the link page */
	HOSTILE_FORGE_BUDGET = 18,   /* give itself more budget, then a syscall */
	HOSTILE_CHECKSUM_RAM = 19,   /* log a checksum of its whole RAM */
	HOSTILE_KERNEL_VIEW = 20,    /* write the secret through the kernel's view */
	HOSTILE_THREAD_BAD_SP = 21,  /* start a thread on a stack outside its RAM */
	HOSTILE_THREAD_BAD_PC = 22,  /* start a thread outside its code */
	HOSTILE_RDTSC = 23,          /* read the host's time stamp counter */
	HOSTILE_READ_GATE = 24,      /* where does the link page's gate point? */
};

struct hostile_request {
	uint32_t command;
	uint32_t pad;
	uint64_t secret_address;
};

#define HOSTILE_SECRET 0x5ec7e75ec7e75ec7ull

/* system.json5's sizes, for the attacks on the region's edges */
#define HOSTILE_FLASH_BYTES 65536u
#define HOSTILE_RAM_BYTES   16384u

#endif
