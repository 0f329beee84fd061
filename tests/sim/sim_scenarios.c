/*
 * sim_scenarios.c — see sim_scenarios.h.
 */
#include "sim_scenarios.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "diag.h"

void sim_scenario_load(const char *rel, struct scenario *s)
{
	static const char *const build_tree[] = {PWK_BUILD_ROOT};
	struct scenario_search search = {build_tree, 1};
	char path[512];
	snprintf(path, sizeof(path), "%s/%s", PWK_SOURCE_ROOT, rel);
	struct diag d;
	diag_init(&d, path, stderr);
	cr_assert(scenario_load(path, &search, s, &d), "%s does not load", rel);
}

#define ESCAPE "tests/sim/escape/"

void sim_for_each_scenario(const char *const *rels, size_t n, host_isolation_t isolation,
			   sim_scenario_check_fn check)
{
	for (size_t i = 0; i < n; i++) {
		/* The escape attacker's instruction soup holds xrstor, so
		 * isolation pkeys refuses its image (test_pkeys.c checks that). */
		if (isolation == HOST_ISOLATION_PKEYS &&
		    strncmp(rels[i], ESCAPE, strlen(ESCAPE)) == 0) {
			continue;
		}
		check(rels[i], isolation);
	}
}
