/*
 * fuzz_progress.c — see fuzz_progress.h.
 */
#include "fuzz_progress.h"

#include <stdio.h>
#include <time.h>

double fuzz_now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void fuzz_progress_print(struct fuzz_progress *p, bool final)
{
	double elapsed = fuzz_now_s() - p->started;
	if (p->rate <= 0 && elapsed > 0) {
		p->rate = (long)((double)p->execs / elapsed); /* -fork lines lack exec/s */
	}
	fprintf(stderr,
		"%spwsim fuzz: %ld execs, %ld/s, coverage %ld features, corpus %ld, findings %ld, "
		"%.0f s%s",
		p->tty ? "\r" : "", p->execs, p->rate, p->features, p->corpus, p->crashes, elapsed,
		p->tty && !final ? "   " : "\n");
	p->printed = fuzz_now_s();
}
