/*
 * sim_scenarios.h — for the in-process simulator tests that hold a property
 * over a list of scenarios in each isolation mode (test_fastpath.c,
 * test_reset.c): a scenario loaded by its source-relative path, and the
 * loop that checks each scenario of a list in one mode.
 */
#ifndef PWK_TESTS_SIM_SCENARIOS_H
#define PWK_TESTS_SIM_SCENARIOS_H

#include <stddef.h>

#include "scenario.h"

#define SIM_SCENARIO_COUNT(list) (sizeof(list) / sizeof((list)[0]))

/* Loads `rel` (relative to the source tree; images from the build tree);
 * a test assertion fails if it does not load. */
void sim_scenario_load(const char *rel, struct scenario *s);

typedef void (*sim_scenario_check_fn)(const char *rel, host_isolation_t isolation);

/* `check(rels[i], isolation)` for each of the `n` scenarios, in order. */
void sim_for_each_scenario(const char *const *rels, size_t n, host_isolation_t isolation,
			   sim_scenario_check_fn check);

#endif
