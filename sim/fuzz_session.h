/*
 * fuzz_session.h — a scenario loaded and set up for fuzzing one target,
 * from a scenario path and a target name: what `pwsim fuzz`, the libFuzzer
 * entry point and `pwsim run` of a scenario with a `fuzz` key all start
 * from, so each sets the system up the same way.
 */
#ifndef PWK_SIM_FUZZ_SESSION_H
#define PWK_SIM_FUZZ_SESSION_H

#include "fuzz_target.h"

struct fuzz_session {
	struct scenario scenario;
	struct fuzz_target target;
	bool scenario_loaded;
};

/* Loads `scenario_path` (with `search`), fuzzing `target_spec` (NULL: the
 * scenario's own fuzz.target). `response_budget` 0: the scenario's
 * fuzz.response_budget_ms, else the default. Errors go to `report` as
 * file:line:col or one sentence; false then (close it anyway). */
bool fuzz_session_open(struct fuzz_session *fs, const char *scenario_path, const char *target_spec,
		       const struct scenario_search *search, uint64_t response_budget,
		       bool coverage, FILE *report);
void fuzz_session_close(struct fuzz_session *fs);

/* Reads a whole input file (at most PWK_FUZZ_INPUT_MAX bytes). NULL with
 * a sentence on `report`. */
uint8_t *fuzz_input_read(const char *path, size_t *len, FILE *report);

#endif
