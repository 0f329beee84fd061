/*
 * test_reset.c — a system rewound in place (sim_system_run after the first
 * run: host_machine_rewind) runs exactly as a freshly loaded one: for
 * several scenarios, seeds and both isolation modes, N runs through one
 * loaded system give the same outcome, trace digest and console as N fresh
 * loads, in any seed order.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "run.h"
#include "scenario.h"
#include "sim_scenarios.h"

static const char *const scenarios[] = {
	"scenarios/uppercase/scenario.json5",   "scenarios/spin/scenario.json5",
	"scenarios/lost_update/scenario.json5", "tests/sim/faults/starve_handler.json5",
	"tests/sim/hostile/wild_write.json5",
};

static const uint64_t seeds[] = {0, 3, 1, 7, 0, 42};
#define SEEDS (sizeof(seeds) / sizeof(seeds[0]))

struct observed {
	struct run_result result;
	char *console;
};

static struct run_options options(host_isolation_t isolation, uint64_t seed, FILE *report)
{
	return (struct run_options){
		.override_isolation = true, .isolation = isolation, .seed = seed, .report = report};
}

static struct observed observe(struct run_result r)
{
	return (struct observed){r, strdup(host_console_text())};
}

static void assert_same(const struct observed *fresh, const struct observed *rewound,
			const char *what, uint64_t seed)
{
	const struct host_outcome *a = &fresh->result.outcome, *b = &rewound->result.outcome;
	cr_assert(fresh->result.ran && rewound->result.ran, "%s seed %llu did not run", what,
		  (unsigned long long)seed);
	cr_assert_eq(a->trace_digest, b->trace_digest, "%s seed %llu: digest differs", what,
		     (unsigned long long)seed);
	cr_assert_eq(a->kind, b->kind);
	cr_assert_eq(a->code, b->code);
	cr_assert_eq(a->end_time, b->end_time);
	cr_assert_eq(a->syscalls, b->syscalls);
	cr_assert_eq(a->blocks, b->blocks);
	cr_assert_eq(a->faults, b->faults);
	cr_assert_str_eq(fresh->console, rewound->console, "%s seed %llu", what,
			 (unsigned long long)seed);
}

static void compare(const char *rel, host_isolation_t isolation)
{
	struct scenario s;
	sim_scenario_load(rel, &s);
	FILE *report = fopen("/dev/null", "w");
	struct observed fresh[SEEDS];
	for (size_t i = 0; i < SEEDS; i++) {
		struct run_options o = options(isolation, seeds[i], report);
		fresh[i] = observe(sim_run(&s, &o));
	}
	struct sim_system sys;
	/* Loaded with a seed no run uses: each run's own options count. */
	struct run_options loading = options(isolation, 99, report);
	cr_assert(sim_system_load(&sys, &s, &loading));
	for (size_t i = 0; i < SEEDS; i++) {
		struct run_options o = options(isolation, seeds[i], report);
		struct observed rewound = observe(sim_system_run(&sys, &o));
		assert_same(&fresh[i], &rewound, rel, seeds[i]);
		free(rewound.console);
		free(fresh[i].console);
	}
	sim_system_free(&sys);
	host_machine_release();
	fclose(report);
	scenario_free(&s);
}

SIM_TESTS_IN_EACH_ISOLATION(reset, rewound_runs_equal_fresh_runs, scenarios, compare)

/* A system loaded in one isolation and run in another runs as one loaded
 * in the run's: each run sets up the views its isolation needs (the key
 * gate's page, protection keys, mprotect's revokes). Isolation pkeys
 * allocates its keys when the regions are made, so it is only left here. */
static void cross(host_isolation_t loaded_in, host_isolation_t run_in)
{
	const char *rel = "scenarios/uppercase/scenario.json5";
	struct scenario s;
	sim_scenario_load(rel, &s);
	FILE *report = fopen("/dev/null", "w");
	struct run_options o = options(run_in, 0, report);
	struct observed fresh = observe(sim_run(&s, &o));
	struct sim_system sys;
	struct run_options loading = options(loaded_in, 0, report);
	cr_assert(sim_system_load(&sys, &s, &loading));
	struct observed rewound = observe(sim_system_run(&sys, &o));
	char what[96];
	snprintf(what, sizeof(what), "%s loaded in %s, run in %s", rel,
		 host_isolation_name(loaded_in), host_isolation_name(run_in));
	assert_same(&fresh, &rewound, what, 0);
	free(rewound.console);
	free(fresh.console);
	sim_system_free(&sys);
	host_machine_release();
	fclose(report);
	scenario_free(&s);
}

Test(reset, a_run_in_another_isolation_than_the_load_runs_as_in_its_own)
{
	const host_isolation_t modes[] = {HOST_ISOLATION_NONE, HOST_ISOLATION_MPROTECT,
					  HOST_ISOLATION_TRUSTED};
	for (size_t a = 0; a < 3; a++) {
		for (size_t b = 0; b < 3; b++) {
			if (a != b) {
				cross(modes[a], modes[b]);
			}
		}
	}
}
