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
	struct scenario *scenario; /* &loaded, or the caller's (fuzz_session_open_loaded) */
	struct scenario loaded;    /* what fuzz_session_open loaded */
	struct fuzz_target target;
	bool scenario_loaded;
};

/* How to set a session up beyond the scenario: each 0/NULL field takes the
 * scenario's fuzz key, else the default. */
struct fuzz_session_options {
	const char *target;       /* PROCESS/OBJECT */
	uint64_t response_budget; /* ns */
	const char *isolation;    /* "none", "mprotect" or "scenario" (its own) */
	bool coverage;            /* give the handler a coverage map */
	/* As pwsim run's options of the same names (struct run_options). */
	bool allow_uncounted;
	FILE *gdb_script;
};

/* Loads `scenario_path` (with `search`) set up as `o` says. Errors go to
 * `report` as file:line:col or one sentence; false then (close it anyway). */
bool fuzz_session_open(struct fuzz_session *fs, const char *scenario_path,
		       const struct scenario_search *search, const struct fuzz_session_options *o,
		       FILE *report);

/* The same for a scenario the caller loaded from `scenario_path` (changed
 * for fuzzing: free it only after fuzz_session_close). */
bool fuzz_session_open_loaded(struct fuzz_session *fs, struct scenario *s,
			      const char *scenario_path, const struct fuzz_session_options *o,
			      FILE *report);

void fuzz_session_close(struct fuzz_session *fs);

/* Reads a whole input file (at most PWK_FUZZ_INPUT_MAX bytes). NULL with
 * a sentence on `report`. */
uint8_t *fuzz_input_read(const char *path, size_t *len, FILE *report);

/* FNV-1a over `bytes`: how findings and corpus entries are named. */
uint64_t fuzz_bytes_hash(const uint8_t *bytes, size_t len);

#endif
