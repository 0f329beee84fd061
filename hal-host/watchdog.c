/*
 * watchdog.c — the one place wall time is looked at, and only to stop a run
 * that can no longer make progress: user code that runs for
 * watchdog_seconds of wall time without entering the kernel (built without
 * the basic-block counter, or it overwrote the budget in its link page).
 * A well-formed run enters the kernel at least every tick's worth of blocks,
 * so the watchdog never changes a run that could have ended by itself.
 *
 * SIGALRM every wall second; the handler counts seconds without kernel
 * entries and, past the limit and while user code runs, enters the kernel
 * the way a fault does and ends the run.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <ucontext.h>

#include <pwk/kernel.h>

#include "cpu_state.h"
#include "machine.h"

static _Noreturn void watchdog_entry(void)
{
	const struct pwk_thread_desc *td = &host.system->threads[host.current];
	fprintf(stderr,
		"pwsim: watchdog: process '%s' thread '%s' ran %u s of wall time without "
		"entering the kernel (code built without -fsanitize-coverage=trace-pc, or it "
		"overwrote its budget); ending the run\n",
		host.system->processes[host.threads[host.current].process].name, td->name,
		host.watch_stalled);
	host_end_run(HOST_OUTCOME_WATCHDOG, 0);
}

void host_alarm_handler(int sig, siginfo_t *si, void *ctx);

/* Entered through host_signal_alarm (signal_x86_64.S). */
void host_alarm_handler(int sig, siginfo_t *si, void *ctx)
{
	(void)sig;
	(void)si;
	ucontext_t *uc = ctx;
	if (host.entries != host.watch_entries) {
		host.watch_entries = host.entries;
		host.watch_stalled = 0;
		return;
	}
	host.watch_stalled++;
	if (host.watch_stalled < host.opts.watchdog_seconds || !host_in_user ||
	    host.current == PWK_NONE) {
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

static void set_timer(long seconds)
{
	struct itimerval it = {{seconds, 0}, {seconds, 0}};
	(void)setitimer(ITIMER_REAL, &it, NULL);
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
	host.watch_entries = host.entries;
	host.watch_stalled = 0;
	set_timer(1);
}

void host_watchdog_stop(void)
{
	if (host.opts.watchdog_seconds != 0) {
		set_timer(0);
	}
}
