/*
 * sim_throughput.c — how fast the simulator simulates:
 *  1. simulated syscalls per wall second: the IPC benchmark system run in
 *     process (isolation none), wall time around the whole run;
 *  2. scenarios x seeds per minute: `pwsim sweep` over every shipped
 *     scenario (scenarios/ * /scenario.json5 and scenarios/pw_kernel/ *) with
 *     -j 2, as a user would run it.
 * Figures only; the sweep's own pass/fail counts are printed, not judged
 * (scenarios/lost_update fails on purpose for some seeds).
 */
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "run.h"
#include "scenario.h"

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int syscalls_per_second(void)
{
	struct diag d;
	diag_init(&d, BENCH_SCENARIO, stderr);
	struct scenario s;
	/* pwsim knows no build tree: the images are in this one. */
	static const char *const build_tree[] = {PWK_BUILD_ROOT};
	struct scenario_search search = {build_tree, 1};
	if (!scenario_load(BENCH_SCENARIO, &search, &s, &d)) {
		scenario_free(&s);
		return 1;
	}
	struct run_options o = {
		.override_isolation = true, .isolation = HOST_ISOLATION_NONE, .report = stderr};
	double t0 = now_s();
	struct run_result r = sim_run(&s, &o);
	double t1 = now_s();
	host_machine_release();
	scenario_free(&s);
	if (!r.ran || r.outcome.kind != HOST_OUTCOME_SHUTDOWN || r.outcome.code != 0) {
		return 1;
	}
	printf("simulated syscalls per wall second: %.0f (%llu syscalls in %.3f s, isolation "
	       "none)\n",
	       (double)r.outcome.syscalls / (t1 - t0), (unsigned long long)r.outcome.syscalls,
	       t1 - t0);
	return 0;
}

static int sweep_rate(unsigned seeds)
{
	glob_t g;
	memset(&g, 0, sizeof(g));
	glob(PWK_SOURCE_ROOT "/scenarios/*/scenario.json5", 0, NULL, &g);
	glob(PWK_SOURCE_ROOT "/scenarios/pw_kernel/*/scenario.json5", GLOB_APPEND, NULL, &g);
	if (g.gl_pathc == 0) {
		return 1;
	}
	char range[32];
	snprintf(range, sizeof(range), "0..%u", seeds - 1);
	char **argv = calloc(g.gl_pathc + 10, sizeof(char *));
	size_t n = 0;
	argv[n++] = (char *)PWSIM_PATH;
	argv[n++] = (char *)"sweep";
	for (size_t i = 0; i < g.gl_pathc; i++) {
		argv[n++] = g.gl_pathv[i];
	}
	argv[n++] = (char *)"--seeds";
	argv[n++] = range;
	argv[n++] = (char *)"-j";
	argv[n++] = (char *)"2";
	/* pwsim knows no build tree: the images are in this one. */
	argv[n++] = (char *)"--image-dir";
	argv[n++] = (char *)PWK_BUILD_ROOT;
	fflush(NULL);
	double t0 = now_s();
	pid_t pid = fork();
	if (pid == 0) {
		freopen("/dev/null", "w", stdout);
		freopen("/dev/null", "w", stderr);
		execv(PWSIM_PATH, argv);
		_exit(127);
	}
	int ws = 0;
	waitpid(pid, &ws, 0);
	double t1 = now_s();
	size_t runs = g.gl_pathc * seeds;
	printf("scenarios x seeds per minute (-j 2): %.0f (%zu scenarios x %u seeds = %zu runs in "
	       "%.1f s; sweep exit %d)\n",
	       (double)runs * 60.0 / (t1 - t0), g.gl_pathc, seeds, runs, t1 - t0,
	       WIFEXITED(ws) ? WEXITSTATUS(ws) : -1);
	free(argv);
	globfree(&g);
	return 0;
}

int main(int argc, char **argv)
{
	unsigned seeds = argc > 1 ? (unsigned)strtoul(argv[1], NULL, 0) : 100;
	int code = syscalls_per_second();
	code |= sweep_rate(seeds ? seeds : 100);
	return code;
}
