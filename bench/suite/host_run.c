/*
 * host_run.c — one measurement of benchmark runs in the simulator:
 *   bench-host-run [--cold] ISOLATION SCENARIO...
 * loads each scenario (untimed: regions, ELF loading), runs it once to warm
 * the caches and the host's page tables (untimed; a loaded system rewinds,
 * so the second run is the same run; --cold leaves this out, for
 * callgrind, which counts every run), then times a second run and prints
 *   SCENARIO wall_ns cpu_ns virtual_ns syscalls trace_digest
 * wall_ns is CLOCK_MONOTONIC around the run, cpu_ns this thread's CPU time
 * (what the machine's other load does not inflate, except through caches).
 * A run that does not shut down with status 0 is an error (exit 1): a
 * figure of a broken run is no figure. run_suite.py subtracts the runs of
 * one benchmark's counts; this program knows nothing of benchmarks.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "run.h"
#include "scenario.h"

static uint64_t clock_ns(clockid_t id)
{
	struct timespec ts;
	clock_gettime(id, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static int measure(const char *path, host_isolation_t isolation, bool warm_up)
{
	struct diag d;
	diag_init(&d, path, stderr);
	struct scenario s;
	struct scenario_search search = {NULL, 0};
	if (!scenario_load(path, &search, &s, &d)) {
		scenario_free(&s);
		return 1;
	}
	struct run_options o = {
		.override_isolation = true, .isolation = isolation, .report = stderr};
	struct sim_system sys;
	int code = 1;
	if (sim_system_load(&sys, &s, &o)) {
		if (warm_up) {
			(void)sim_system_run(&sys, &o);
		}
		uint64_t wall0 = clock_ns(CLOCK_MONOTONIC);
		uint64_t cpu0 = clock_ns(CLOCK_THREAD_CPUTIME_ID);
		struct run_result r = sim_system_run(&sys, &o);
		uint64_t cpu1 = clock_ns(CLOCK_THREAD_CPUTIME_ID);
		uint64_t wall1 = clock_ns(CLOCK_MONOTONIC);
		if (r.ran && r.outcome.kind == HOST_OUTCOME_SHUTDOWN && r.outcome.code == 0) {
			printf("%s %llu %llu %llu %llu %016llx\n", path,
			       (unsigned long long)(wall1 - wall0),
			       (unsigned long long)(cpu1 - cpu0),
			       (unsigned long long)r.outcome.end_time,
			       (unsigned long long)r.outcome.syscalls,
			       (unsigned long long)r.outcome.trace_digest);
			code = 0;
		} else {
			fprintf(stderr, "bench-host-run: %s did not shut down with status 0\n",
				path);
		}
	}
	sim_system_free(&sys);
	host_machine_release();
	scenario_free(&s);
	return code;
}

int main(int argc, char **argv)
{
	bool cold = argc > 1 && strcmp(argv[1], "--cold") == 0;
	int first = cold ? 2 : 1;
	host_isolation_t isolation;
	if (argc < first + 2 || !host_isolation_parse(argv[first], &isolation)) {
		fprintf(stderr, "usage: bench-host-run [--cold] none|mprotect SCENARIO...\n");
		return 2;
	}
	for (int i = first + 1; i < argc; i++) {
		if (measure(argv[i], isolation, !cold) != 0) {
			return 1;
		}
		fflush(stdout);
	}
	return 0;
}
