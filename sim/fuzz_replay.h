/*
 * fuzz_replay.h — `pwsim run` of a scenario with a fuzz key (a finding file
 * pwsim fuzz wrote, or one of the user's): one run of fuzz.input with the
 * fuzz driver in place of the initiator, judged as pwsim fuzz judged it.
 */
#ifndef PWK_SIM_FUZZ_REPLAY_H
#define PWK_SIM_FUZZ_REPLAY_H

#include "run.h"
#include "scenario.h"

/* Runs the loaded scenario `s` (read from `scenario_path`; changed for the
 * run, still the caller's to free) with pwsim run's options `o`: its
 * isolation override, seed, trace sink, console, allow_uncounted and gdb
 * script. `result` gets the run's end. Returns the exit status (0 clean,
 * 1 a finding reproduced, 2 bad input). */
int fuzz_replay(const char *scenario_path, struct scenario *s, const struct run_options *o,
		struct run_result *result);

#endif
