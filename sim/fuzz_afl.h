/*
 * fuzz_afl.h — `pwsim fuzz --engine afl` (docs/fuzzing.md): runs afl-fuzz
 * (Debian's afl++) over pwsim-fuzz-afl, one instance per --jobs, with the
 * environment AFL++ needs on a shared machine, and turns the instances'
 * fuzzer_stats into pwsim fuzz's progress line. The crashes afl-fuzz saves
 * are then findings like libFuzzer's (fuzz_cli.c, fuzz_findings.c).
 */
#ifndef PWK_SIM_FUZZ_AFL_H
#define PWK_SIM_FUZZ_AFL_H

#include <stddef.h>

#include "fuzz_progress.h"

struct fuzz_afl_job {
	const char *engine;  /* pwsim-fuzz-afl */
	const char *corpus;  /* seeds in, new queue entries copied back */
	const char *out_dir; /* pwsim fuzz's --out: afl-fuzz works in OUT/afl */
	const char *dict;    /* or NULL */
	unsigned max_time;   /* 0: until the first finding */
	unsigned jobs;
};

/* afl-fuzz is on PATH and the job count is one it runs; else says why. */
bool fuzz_afl_usable(const struct fuzz_afl_job *job);

/* Runs the instances to their end. Returns false when afl-fuzz is missing
 * or could not start fuzzing (the reason printed on stderr). */
bool fuzz_afl_run(const struct fuzz_afl_job *job, struct fuzz_progress *p);

/* OUT/afl/default/crashes (one job) or OUT/afl/jobN/crashes: where
 * instance N saves its crashes. */
void fuzz_afl_crash_dir(const struct fuzz_afl_job *job, unsigned instance, char *out, size_t cap);

#endif
