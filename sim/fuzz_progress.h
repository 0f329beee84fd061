/*
 * fuzz_progress.h — `pwsim fuzz`'s one progress line and its figures, the
 * same for both engines (libFuzzer's status lines in fuzz_cli.c, AFL++'s
 * fuzzer_stats in fuzz_afl.c fill them).
 */
#ifndef PWK_SIM_FUZZ_PROGRESS_H
#define PWK_SIM_FUZZ_PROGRESS_H

#include <stdbool.h>

struct fuzz_progress {
	long execs, features, corpus, rate, crashes;
	double started, printed;
	bool tty;
};

/* Monotonic seconds (wall time: progress only, never a simulated run's). */
double fuzz_now_s(void);

/* Prints the line (redrawn on a terminal; `final` ends it). */
void fuzz_progress_print(struct fuzz_progress *p, bool final);

#endif
