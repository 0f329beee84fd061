/*
 * fuzz_findings.h — what `pwsim fuzz` does with an input libFuzzer saved as
 * a crash: judge it again, minimise it (keeping the same verdict), and write
 * it as an input file plus a finding scenario that `pwsim run` replays
 * (fuzz_replay.h).
 */
#ifndef PWK_SIM_FUZZ_FINDINGS_H
#define PWK_SIM_FUZZ_FINDINGS_H

#include <stdint.h>
#include <stdio.h>

#include "scenario.h"

struct fuzz_finding_job {
	const char *scenario_path; /* absolute */
	const char *target;
	const struct scenario_search *search;
	uint64_t response_budget; /* ns; 0: default */
	const char *crash_path;   /* libFuzzer's crash-<sha1> */
	const char *out_dir;
	const char *replay_args; /* "--image-dir X" ..., shell-quoted, for the printed command */
	double minimize_seconds;
	const char *isolation; /* "none" or "mprotect", as fuzzed */
};

/* Handles one crash file, in a child process (a kernel panic aborts it:
 * that finding is written unminimised). Prints the finding and its replay
 * command to `out`. Returns true when a finding was written. */
bool fuzz_finding_process(const struct fuzz_finding_job *job, FILE *out);

#endif
