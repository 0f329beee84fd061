/*
 * test_fastpath.c — the IPC fast path (kernel-core/src/fastpath.c) changes
 * nothing a user can observe: every scenario below, for several seeds and
 * both isolation modes, ends the same way with the same trace digest,
 * virtual end time, syscall and basic-block counts, faults and console,
 * whether the kernel tries the fast path (the default) or takes the full
 * path for every syscall (PWK_BOOT_FULL_PATH). The scenarios cover the
 * fast path's common case (uppercase, the pw_kernel IPC ports: transacts
 * that switch straight to the handler) and what makes it fall back:
 * deadlines, wait groups, async transacts, bad arguments, faults, kills
 * and injected delays. In a build without the fast path (-Dfastpath=false)
 * both runs take the full path and the test still holds.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "run.h"
#include "scenario.h"
#include "sim_scenarios.h"

static const char *const scenarios[] = {
	"scenarios/uppercase/scenario.json5",
	"scenarios/spin/scenario.json5",
	"scenarios/lost_update/scenario.json5",
	"scenarios/pw_kernel/ipc/scenario.json5",
	"scenarios/pw_kernel/async_ipc/scenario.json5",
	"scenarios/pw_kernel/stress_ipc/scenario.json5",
	"scenarios/pw_kernel/wait_group/scenario.json5",
	"scenarios/pw_kernel/clock/scenario.json5",
	"scenarios/pw_kernel/interrupts/scenario.json5",
	"scenarios/pw_kernel/thread_termination/scenario.json5",
	"scenarios/pw_kernel/process_termination/scenario.json5",
	"tests/sim/faults/starve_handler.json5",
	"tests/sim/faults/delay_respond.json5",
	"tests/sim/faults/drop_once.json5",
	"tests/sim/faults/kill_handler.json5",
	"tests/sim/faults/fault_handler.json5",
	"tests/sim/faults/never_responds.json5",
	"tests/sim/hostile/wild_write.json5",
	"tests/sim/hostile/illegal.json5",
};

static const uint64_t seeds[] = {0, 1, 7, 42};

struct observed {
	struct run_result result;
	char *console;
};

static struct observed run(const struct scenario *s, host_isolation_t isolation, uint64_t seed,
			   FILE *report)
{
	const struct run_options o = {
		.override_isolation = true, .isolation = isolation, .seed = seed, .report = report};
	struct run_result r = sim_run(s, &o);
	return (struct observed){r, strdup(host_console_text())};
}

static void compare(const char *rel, host_isolation_t isolation)
{
	struct scenario s;
	sim_scenario_load(rel, &s);
	FILE *report = fopen("/dev/null", "w");
	const uint32_t options = s.kernel_options;
	for (size_t i = 0; i < sizeof(seeds) / sizeof(seeds[0]); i++) {
		s.kernel_options = options;
		struct observed fast = run(&s, isolation, seeds[i], report);
		s.kernel_options = options | PWK_BOOT_FULL_PATH;
		struct observed full = run(&s, isolation, seeds[i], report);
		const struct host_outcome *a = &fast.result.outcome, *b = &full.result.outcome;
		const unsigned long long seed = (unsigned long long)seeds[i];
		cr_assert(fast.result.ran && full.result.ran, "%s seed %llu did not run", rel,
			  seed);
		cr_assert_eq(a->trace_digest, b->trace_digest,
			     "%s seed %llu: digest %016llx with the fast path, %016llx without",
			     rel, seed, (unsigned long long)a->trace_digest,
			     (unsigned long long)b->trace_digest);
		cr_assert_eq(a->kind, b->kind, "%s seed %llu", rel, seed);
		cr_assert_eq(a->code, b->code, "%s seed %llu", rel, seed);
		cr_assert_eq(a->end_time, b->end_time, "%s seed %llu", rel, seed);
		cr_assert_eq(a->syscalls, b->syscalls, "%s seed %llu", rel, seed);
		cr_assert_eq(a->blocks, b->blocks, "%s seed %llu", rel, seed);
		cr_assert_eq(a->faults, b->faults, "%s seed %llu", rel, seed);
		cr_assert_str_eq(fast.console, full.console, "%s seed %llu", rel, seed);
		free(fast.console);
		free(full.console);
	}
	host_machine_release();
	fclose(report);
	scenario_free(&s);
}

SIM_TESTS_IN_EACH_ISOLATION(fastpath, changes_nothing_observable, scenarios, compare)

/* The scenario key `full_path: true` is the same boot option. */
Test(fastpath, the_scenario_key_full_path_runs_the_full_path_with_the_same_digest)
{
	struct scenario fast, full;
	sim_scenario_load("scenarios/uppercase/scenario.json5", &fast);
	sim_scenario_load("scenarios/uppercase/full_path.json5", &full);
	cr_assert_eq(fast.kernel_options & PWK_BOOT_FULL_PATH, 0);
	cr_assert_eq(full.kernel_options & PWK_BOOT_FULL_PATH, PWK_BOOT_FULL_PATH);
	FILE *report = fopen("/dev/null", "w");
	struct observed a = run(&fast, HOST_ISOLATION_NONE, 3, report);
	struct observed b = run(&full, HOST_ISOLATION_NONE, 3, report);
	cr_assert(a.result.ran && b.result.ran);
	cr_assert_eq(a.result.outcome.trace_digest, b.result.outcome.trace_digest);
	cr_assert_str_eq(a.console, b.console);
	free(a.console);
	free(b.console);
	host_machine_release();
	fclose(report);
	scenario_free(&fast);
	scenario_free(&full);
}
