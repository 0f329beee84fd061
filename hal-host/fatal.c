/*
 * fatal.c — when pwsim itself dies by a signal (a simulator bug, abort(),
 * or a SIGTERM/SIGINT from outside), the console lines gathered so far are
 * written out and one line says what happened, at which virtual time and
 * with which seed, before the signal's default action ends the process.
 * Best effort: stdio is not async-signal-safe, but the process is ending
 * anyway and a lost report is what this file exists to avoid. Nothing here
 * allocates (the signal may have interrupted malloc, whose lock is not
 * recursive as stdio's is), so partial console lines are printed unkept.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "cpu_state.h"
#include "machine.h"

static const int fatal_signals[] = {SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGABRT, SIGXCPU};
static volatile sig_atomic_t reporting;

void host_fatal_report(int sig)
{
	if (reporting) {
		return;
	}
	reporting = 1;
	host_console_flush_for_exit();
	fflush(stdout);
	const char *abbrev = sigabbrev_np(sig);
	fprintf(stderr,
		"pwsim: ended by signal %d (SIG%s) at virtual time %llu ns, seed %llu; the "
		"console above is complete up to here\n",
		sig, abbrev != NULL ? abbrev : "?", (unsigned long long)host.now,
		(unsigned long long)host.opts.seed);
	fflush(stderr);
}

void host_fatal_handler(int sig, siginfo_t *si, void *ctx);

/* Entered through host_signal_fatal (signal_x86_64.S): the signal may
 * arrive while user code runs with its own FS base. */
void host_fatal_handler(int sig, siginfo_t *si, void *ctx)
{
	(void)si;
	(void)ctx;
	host_fatal_report(sig);
	host_signals_forget();
	signal(sig, SIG_DFL);
	raise(sig);
}

void host_fatal_install(void)
{
	for (size_t i = 0; i < sizeof(fatal_signals) / sizeof(fatal_signals[0]); i++) {
		struct sigaction sa;
		memset(&sa, 0, sizeof(sa));
		sa.sa_sigaction = host_signal_fatal;
		sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_RESETHAND;
		sigemptyset(&sa.sa_mask);
		sigaction(fatal_signals[i], &sa, NULL);
	}
	reporting = 0;
}
