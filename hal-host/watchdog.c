/*
 * watchdog.c — the one place wall time is looked at, and only to stop a run
 * that can no longer make progress: one whose virtual clock stands still
 * for watchdog_seconds of wall time. Every kernel entry charges virtual
 * time (a syscall its cost, the budget hook the blocks run), and every
 * basic block of counted user code brings the next charge nearer, so a
 * well-formed run always moves; one stands still only when process code
 * runs without the basic-block counter, overwrites its budget, or enters
 * the kernel in a loop of its own assembly while syscall_cost_ns is 0 (or
 * both costs are 0). So the watchdog never changes a run whose clock moves.
 *
 * SIGALRM every wall second; the handler counts seconds without progress
 * and, past the limit and while user code runs, enters the kernel the way a
 * fault does and ends the run.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <ucontext.h>

#include <pwk/kernel.h>

#include "budget.h"
#include "cpu_state.h"
#include "machine.h"

/* Kernel entries so far: every syscall that got past its entry's charges
 * is counted in the outcome anyway, so the syscall gate counts nothing
 * more. */
static uint64_t kernel_entries(void)
{
	return host.preempt_entries + host.outcome.syscalls;
}

static _Noreturn void watchdog_entry(void)
{
	const struct pwk_thread_desc *td = &host.system->threads[host.current];
	const char *process = host.system->processes[host.threads[host.current].process].name;
	if (kernel_entries() == host.watch_entries) {
		fprintf(stderr,
			"pwsim: watchdog: process '%s' thread '%s' ran %u s of wall time without "
			"entering the kernel (code built without -fsanitize-coverage=trace-pc, or "
			"it overwrote its budget); ending the run\n",
			process, td->name, host.watch_stalled);
	} else {
		fprintf(stderr,
			"pwsim: watchdog: the virtual clock stood still for %u s of wall "
			"time while process '%s' thread '%s' entered the kernel %llu times "
			"(a loop of its own around the gates with syscall_cost_ns 0, or both "
			"costs 0: give syscall_cost_ns or block_cost_ns a value, or set "
			"watchdog_s: 0); ending the run\n",
			host.watch_stalled, process, td->name,
			(unsigned long long)(kernel_entries() - host.watch_entries));
	}
	host_end_run(HOST_OUTCOME_WATCHDOG, 0);
}

/* Whether the run moved since the last look: the virtual clock advanced,
 * or the running thread's budget counter fell below the lowest value seen
 * since then (blocks run, charged at its next entry). A counter process
 * code rewrote counts only when lower than ever, so rewriting it is no
 * progress; with block_cost 0 blocks move nothing. */
static bool run_moved(void)
{
	const int64_t *budget = host_in_user ? host_budget_counter() : NULL;
	int64_t left = budget != NULL ? *budget : INT64_MAX;
	if (host.now != host.watch_now) {
		host.watch_now = host.now;
		host.watch_budget_low = left;
		return true;
	}
	if (host.opts.block_cost != 0 && left < host.watch_budget_low) {
		host.watch_budget_low = left;
		return true;
	}
	return false;
}

static void watch_restart(void)
{
	host.watch_entries = kernel_entries();
	host.watch_now = host.now;
	host.watch_budget_low = INT64_MAX;
	host.watch_stalled = 0;
}

/* SIGALRM every `us` microseconds (0: none); async-signal-safe. */
static void set_timer_us(long us)
{
	struct itimerval it = {{us / 1000000, us % 1000000}, {us / 1000000, us % 1000000}};
	(void)setitimer(ITIMER_REAL, &it, NULL);
}

void host_alarm_handler(int sig, siginfo_t *si, void *ctx);

/* Entered through host_signal_alarm (signal_x86_64.S). */
void host_alarm_handler(int sig, siginfo_t *si, void *ctx)
{
	(void)sig;
	(void)si;
	ucontext_t *uc = ctx;
	if (run_moved()) {
		if (host.watch_stalled >= host.opts.watchdog_seconds) {
			set_timer_us(1000000); /* back from the quick looks below */
		}
		host.watch_entries = kernel_entries();
		host.watch_stalled = 0;
		return;
	}
	/* Counted up to the limit and kept there (the report says it). */
	if (host.watch_stalled < host.opts.watchdog_seconds &&
	    ++host.watch_stalled < host.opts.watchdog_seconds) {
		return;
	}
	if (!host_in_user || host.current == PWK_NONE) {
		/* Only user code can be left at any instruction. A run whose
		 * kernel entries stand still spends most of its time in the
		 * kernel: look again soon rather than in a second. */
		set_timer_us(1000);
		return;
	}
	host_in_user = 0;
	host_cpu_context_to_kernel(uc, watchdog_entry);
}

/* The SIGALRM handler stays installed between runs (fault.c's
 * host_signals_forget() clears this). */
static bool alarm_installed;

void host_watchdog_forget(void)
{
	alarm_installed = false;
}

void host_watchdog_start(void)
{
	if (host.opts.watchdog_seconds == 0) {
		return;
	}
	if (!alarm_installed) {
		struct sigaction sa;
		memset(&sa, 0, sizeof(sa));
		sa.sa_sigaction = host_signal_alarm;
		sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_RESTART;
		sigemptyset(&sa.sa_mask);
		sigaction(SIGALRM, &sa, NULL);
		alarm_installed = true;
	}
	watch_restart();
	set_timer_us(1000000);
}

void host_watchdog_stop(void)
{
	if (host.opts.watchdog_seconds != 0) {
		set_timer_us(0);
	}
}
