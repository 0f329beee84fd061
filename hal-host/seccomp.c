/*
 * seccomp.c — only the simulator's own code may make host syscalls.
 *
 * Process code runs inside the host process, so without this filter a
 * `syscall` instruction in a process image reaches Linux directly: it can
 * write past the console capture, exit pwsim with status 0, fork, remap
 * another process's region or block the watchdog's signal. The filter looks
 * at where the instruction is: every process region (user view) and every
 * kernel view lies in one fixed span of addresses that holds nothing of
 * pwsim, so a syscall made from inside that span is refused with SIGSYS
 * (SECCOMP_RET_TRAP) and fault.c turns it into that process's fault, as an
 * illegal instruction would be on hardware. Syscalls from pwsim, libc and
 * the sanitizer runtimes lie outside the span and pass untouched.
 *
 * The filter is installed once per host process, by the first machine run
 * (the process that runs machines, never a sweep's parent), and cannot be
 * removed: filters are inherited by fork and execve.
 */
#include <errno.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>

#include <pwk/hal.h>

#include "machine.h"

/* The span in units of 4 GiB: the high 32 bits of an instruction pointer. */
#define SPAN_FIRST ((uint32_t)(HOST_REGION_USER_BASE >> 32))
#define SPAN_END                                                                                   \
	((uint32_t)((HOST_REGION_KERNEL_BASE + HOST_PROCESSES_MAX * HOST_REGION_STRIDE) >> 32))

_Static_assert(HOST_REGION_USER_BASE % (UINT64_C(1) << 32) == 0, "span starts on 4 GiB");
_Static_assert(HOST_REGION_STRIDE % (UINT64_C(1) << 32) == 0, "regions are 4 GiB apart");
_Static_assert(HOST_REGION_USER_BASE + HOST_PROCESSES_MAX * HOST_REGION_STRIDE <=
		       HOST_REGION_KERNEL_BASE,
	       "user views end below the kernel views");

/* seccomp_data.instruction_pointer's high word (x86-64 is little-endian). */
#define IP_HIGH (offsetof(struct seccomp_data, instruction_pointer) + 4)

static bool installed;

void host_seccomp_install(void)
{
	if (installed) {
		return;
	}
	struct sock_filter code[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, IP_HIGH),
		BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, SPAN_FIRST, 0, 2),
		BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, SPAN_END, 1, 0),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRAP),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
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
