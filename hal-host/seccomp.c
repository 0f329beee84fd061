/*
 * seccomp.c — only the simulator's own code may make host syscalls.
 *
 * Process code runs inside the host process, so without this filter a
 * `syscall` instruction in a process image reaches Linux directly: it can
 * write past the console capture, exit pwsim with status 0, fork, remap
 * another process's region or block the watchdog's signal. The filter looks
 * at where the instruction is: the process regions (user views) lie in a
 * fixed span of addresses that holds nothing of pwsim, so a syscall made
 * from inside it (or from the kernel half: the vsyscall page) is refused
 * with SIGSYS
 * (SECCOMP_RET_TRAP) and fault.c turns it into that process's fault, as an
 * illegal instruction would be on hardware. Syscalls from pwsim, libc and
 * the sanitizer runtimes lie outside the span and pass untouched. The one
 * call the span may make is the hidden gates' (hidden_gate.c): the syscall
 * instruction at a fixed offset of a link page, which only the kernel
 * writes, asking prctl(PR_GET_TIMERSLACK). A jump
 * to a syscall instruction in pwsim's or libc's code is syscall_dispatch.c's
 * to refuse.
 *
 * The filter is installed once per host process, by the first machine run
 * (the process that runs machines, never a sweep's parent), and cannot be
 * removed: filters are inherited by fork and execve.
 */
#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>

#include <pwk/hal.h>

#include "machine.h"

/* The span of the user views, in units of 4 GiB: the high 32 bits of an
 * instruction pointer. pwsim's own PIE image (0x55.., 0x56..) lies above
 * it, and the kernel views are not executable. */
#define USER_FIRST ((uint32_t)(HOST_REGION_USER_BASE >> 32))
#define USER_END                                                                                   \
	((uint32_t)((HOST_REGION_USER_BASE + HOST_PROCESSES_MAX * HOST_REGION_STRIDE) >> 32))
/* The kernel half, where the legacy vsyscall page (0xffffffffff600000) is:
 * calling it from process code makes the host kernel emulate
 * gettimeofday/time/getcpu (the host's wall clock) with that page's
 * address as the instruction pointer. Neither glibc nor pwsim use it. */
#define KERNEL_HALF_FIRST 0xffff8000u

_Static_assert(HOST_REGION_USER_BASE % (UINT64_C(1) << 32) == 0, "span starts on 4 GiB");
_Static_assert(HOST_REGION_STRIDE % (UINT64_C(1) << 32) == 0, "regions are 4 GiB apart");
_Static_assert(HOST_REGION_USER_BASE + HOST_PROCESSES_MAX * HOST_REGION_STRIDE <=
		       UINT64_C(0x550000000000),
	       "user views end below pwsim's own image");

/* seccomp_data.instruction_pointer's words and the first argument's low
 * word (x86-64 is little-endian). */
#define IP_LOW   offsetof(struct seccomp_data, instruction_pointer)
#define IP_HIGH  (offsetof(struct seccomp_data, instruction_pointer) + 4)
#define ARG0_LOW offsetof(struct seccomp_data, args)

static bool installed;

void host_seccomp_install(void)
{
	if (installed) {
		return;
	}
	/* jt/jf count instructions skipped. From the user span only the
	 * hidden gates' one call passes (hidden_gate.c): at either stub's
	 * syscall in a link page (the same offset in every 4 GiB slot),
	 * prctl(PR_GET_TIMERSLACK), whatever the other arguments. */
	struct sock_filter code[] = {
		/* 0 */ BPF_STMT(BPF_LD | BPF_W | BPF_ABS, IP_HIGH),
		/* 1 */ BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, KERNEL_HALF_FIRST, 14, 0),
		/* 2 */ BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, USER_END, 1, 0),
		/* 3 */ BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, USER_FIRST, 1, 0),
		/* 4 */ BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
		/* 5 */ BPF_STMT(BPF_LD | BPF_W | BPF_ABS, IP_LOW),
		/* 6 */ BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, HOST_GATE_SYSCALL_IP_IN_SLOT, 1, 0),
		/* 7 */ BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, HOST_GATE_PREEMPT_IP_IN_SLOT, 0, 8),
		/* 8 */ BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
		/* 9 */ BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 0, 6),
		/* 10 */ BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
		/* 11 */ BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_prctl, 0, 4),
		/* 12 */ BPF_STMT(BPF_LD | BPF_W | BPF_ABS, ARG0_LOW),
		/* 13 */ BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, PR_GET_TIMERSLACK, 0, 2),
		/* 14 */ BPF_STMT(BPF_LD | BPF_W | BPF_ABS, ARG0_LOW + 4),
		/* 15 */ BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 0, 1, 0),
		/* 16 */ BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRAP),
		/* 17 */ BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = {.len = sizeof(code) / sizeof(code[0]), .filter = code};
	/* Unprivileged filters need no_new_privs; pwsim never execs a setuid
	 * program after a run, so nothing it needs is lost. */
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 ||
	    prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog) != 0) {
		fprintf(stderr, "pwsim: cannot install the host syscall filter: %s\n",
			strerror(errno));
		hal_panic(__FILE__, __LINE__, "seccomp filter refused");
	}
	installed = true;
}
