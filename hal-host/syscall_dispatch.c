/*
 * syscall_dispatch.c — no host syscall while process code runs, wherever
 * the `syscall` instruction is.
 *
 * seccomp.c refuses syscall instructions that lie in process regions, but
 * process code can jump to one that lies in pwsim or libc (every `0f 05`
 * in executable host memory is one) with the registers it likes; the
 * filter would see a pwsim instruction pointer and let it through. Linux's
 * Syscall User Dispatch (PR_SET_SYSCALL_USER_DISPATCH, 5.11+) closes that:
 * during a run the machine's host thread has it on, and the kernel reads
 * one selector byte (host_sud_selector) at every syscall entry. The gate
 * and host_enter_user (context_x86_64.S) set it to BLOCK as their last
 * store before user code runs and back to ALLOW as their first on entry;
 * a syscall while it says BLOCK is not executed but becomes SIGSYS, which
 * fault.c reports as the process's raw host syscall. Every signal
 * trampoline (signal_x86_64.S) sets ALLOW first (handlers, and libc's
 * rt_sigreturn, make syscalls) and, when the handler lets interrupted user
 * code resume, routes the resumption through host_sud_resume, which sets
 * BLOCK again without touching a register or flag.
 *
 * The machine's host thread turns dispatch on at its first run and keeps
 * it on (selector ALLOW between runs): pwsim fuzz and the sweep workers
 * start thousands of runs a second, and two prctl calls per run were a
 * tenth of a rewind's syscalls. Linux does not pass the setting to threads
 * or processes the host thread creates (clone, fork), so nothing else
 * ever runs under it.
 *
 * Cost: two byte stores per kernel entry, and a byte read by the host
 * kernel on each of pwsim's own host syscalls after its first run.
 */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <ucontext.h>
#include <valgrind/valgrind.h>

#include <pwk/hal.h>

#include "machine.h"

#ifndef PR_SET_SYSCALL_USER_DISPATCH
#define PR_SET_SYSCALL_USER_DISPATCH 59
#define PR_SYS_DISPATCH_ON           1
#endif

/* signal_x86_64.S reads the interrupted pc at this offset of ucontext_t. */
_Static_assert(offsetof(ucontext_t, uc_mcontext.gregs) + REG_RIP * sizeof(greg_t) == 168,
	       "signal_x86_64.S: UC_RIP");

/* SYSCALL_DISPATCH_FILTER_ALLOW (0) while pwsim's code runs, _BLOCK (1)
 * while process code does. */
volatile uint8_t host_sud_selector;

/* Per host thread: the prctl is the calling thread's. */
static _Thread_local bool dispatching;

void host_syscall_dispatch_start(void)
{
	host_sud_selector = 0;
	if (dispatching) {
		return;
	}
	/* Under valgrind (callgrind counts in bench/) every syscall is
	 * valgrind's own, made from its code on the process code's behalf:
	 * blocking them would kill valgrind, and neither this nor seccomp.c
	 * sees process code's syscalls there. */
	if (RUNNING_ON_VALGRIND) {
		return;
	}
	/* The always-allowed range is the user span: seccomp.c decides there
	 * (it lets only the hidden gates' one call through, hidden_gate.c), and
	 * the selector decides for every syscall instruction elsewhere. */
	if (prctl(PR_SET_SYSCALL_USER_DISPATCH, PR_SYS_DISPATCH_ON, HOST_REGION_USER_BASE,
		  HOST_PROCESSES_MAX * HOST_REGION_STRIDE, (void *)&host_sud_selector) != 0) {
		fprintf(stderr,
			"pwsim: cannot turn on syscall user dispatch (%s; Linux 5.11 or later is "
			"needed): process code could make host syscalls through pwsim's code\n",
			strerror(errno));
		hal_panic(__FILE__, __LINE__, "syscall user dispatch refused");
	}
	dispatching = true;
}

void host_syscall_dispatch_stop(void)
{
	host_sud_selector = 0; /* ALLOW: dispatch stays on (see the top) */
}
