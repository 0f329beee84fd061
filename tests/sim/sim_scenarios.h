/*
 * sim_scenarios.h — for the in-process simulator tests that hold a property
 * over a list of scenarios in each isolation mode (test_fastpath.c,
 * test_reset.c): a scenario loaded by its source-relative path, the loop
 * that checks each scenario of a list in one mode, and the pair of tests
 * that runs it in both modes.
 */
#ifndef PWK_TESTS_SIM_SCENARIOS_H
#define PWK_TESTS_SIM_SCENARIOS_H

#include <criterion/criterion.h>
#include <stddef.h>

#include "host_pkeys.h"
#include "scenario.h"

#define SIM_SCENARIO_COUNT(list) (sizeof(list) / sizeof((list)[0]))

/* Loads `rel` (relative to the source tree; images from the build tree);
 * a test assertion fails if it does not load. */
void sim_scenario_load(const char *rel, struct scenario *s);

typedef void (*sim_scenario_check_fn)(const char *rel, host_isolation_t isolation);

/* `check(rels[i], isolation)` for each of the `n` scenarios, in order
 * (in isolation pkeys, each but the escape attempts: their attacker's
 * image is refused there). */
void sim_for_each_scenario(const char *const *rels, size_t n, host_isolation_t isolation,
			   sim_scenario_check_fn check);

/* Three Criterion tests, SUITE/NAME_in_isolation_none, _mprotect and
 * _pkeys: each checks every scenario of the array `list` in that mode with
 * `check` (pkeys skipped, saying so, on a host without protection keys). */
#define SIM_TESTS_IN_EACH_ISOLATION(suite, name, list, check)                                      \
	Test(suite, name##_in_isolation_none)                                                      \
	{                                                                                          \
		sim_for_each_scenario(list, SIM_SCENARIO_COUNT(list), HOST_ISOLATION_NONE, check); \
	}                                                                                          \
	Test(suite, name##_in_isolation_mprotect)                                                  \
	{                                                                                          \
		sim_for_each_scenario(list, SIM_SCENARIO_COUNT(list), HOST_ISOLATION_MPROTECT,     \
				      check);                                                      \
	}                                                                                          \
	Test(suite, name##_in_isolation_pkeys)                                                     \
	{                                                                                          \
		if (!host_has_pkeys()) {                                                           \
			cr_skip_test(HOST_PKEYS_NONE_HERE);                                        \
		}                                                                                  \
		sim_for_each_scenario(list, SIM_SCENARIO_COUNT(list), HOST_ISOLATION_PKEYS,        \
				      check);                                                      \
	}

#endif
