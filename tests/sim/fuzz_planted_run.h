/*
 * fuzz_planted_run.h — the planted-bug test both fuzzing engines pass
 * (tests/sim/test_fuzz.c, test_fuzz_afl.c): pwsim fuzz finds the bug of
 * tests/sim/fuzz_planted/ from an empty corpus, and the replay command it
 * prints reproduces the same finding with the same trace digest; and the
 * clean run both engines' fixed variants must give.
 */
#ifndef PWK_TESTS_SIM_FUZZ_PLANTED_RUN_H
#define PWK_TESTS_SIM_FUZZ_PLANTED_RUN_H

#include "pwsim_child.h"

/* Runs `pwsim fuzz` on planted.json5 with `engine_args` (NULL-terminated,
 * at most 4; e.g. "--engine", "afl") into a fresh out directory whose path
 * has a space in it, and asserts the finding and its replay (twice: the
 * same digest). Returns the fuzz run's result for the caller's own checks
 * (pwsim_result_free it); the out directory is gone by then. */
struct pwsim_result fuzz_planted_found_and_replayed(const char *const *engine_args);

/* Runs `pwsim fuzz SCENARIO --target=TARGET --out OUT --max-time SECONDS`
 * with `extra` (NULL-terminated) into a fresh directory, named
 * in `out` (the caller removes it: temp_dir_remove), and asserts it ended
 * with status 0. Returns the result (pwsim_result_free it). */
struct pwsim_result fuzz_run_clean(const char *scenario, const char *target, const char *seconds,
				   const char *const *extra, char *out, size_t out_cap);

#endif
