/*
 * sim_throughput.c — how fast the simulator simulates:
 *  1. simulated syscalls per wall second: the IPC benchmark system run in
 *     process (isolation none), wall time around the whole run;
 *  2. the cost of rewinding a loaded system (hal-host/snapshot.c) and the
 *     runs per second of one scenario run in process, loaded afresh each
 *     time (as every `pwsim run` child of the sweep once did) and rewound;
 *  3. scenarios x seeds per minute: `pwsim sweep` over every shipped
 *     scenario the simulator runs (scenarios/ * /scenario.json5 and
 *     scenarios/pw_kernel/ *, board-only ones left out) with -j 2, as a user
 *     would run it.
 * Before the sweep's workers rewound one loaded system (one `pwsim run`
 * child per run) item 3 was ~11 runs/s on the CI machine; after, 72-103
 * (docs/sweep.md has the table).
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

static bool load_quietly(const char *path, struct scenario *s)
{
	static const char *const build_tree[] = {PWK_BUILD_ROOT};
	struct scenario_search search = {build_tree, 1};
	FILE *null = fopen("/dev/null", "w");
	struct diag d;
	diag_init(&d, path, null);
	bool ok = scenario_load(path, &search, s, &d);
	fclose(null);
	return ok;
}

/* Wall seconds of `n` runs of `s`, each loaded afresh or all through one
 * loaded system. */
static double runs_took(const struct scenario *s, unsigned n, bool rewound, FILE *null)
{
	struct run_options o = {
		.override_isolation = true, .isolation = HOST_ISOLATION_NONE, .report = null};
	struct sim_system sys;
	double t0 = now_s();
	if (rewound) {
		sim_system_load(&sys, s, &o);
	}
	for (unsigned i = 0; i < n; i++) {
		o.seed = i;
		if (rewound) {
			sim_system_run(&sys, &o);
		} else {
			sim_run(s, &o);
		}
	}
	if (rewound) {
		sim_system_free(&sys);
	}
	double t1 = now_s();
	host_machine_release();
	return t1 - t0;
}

/* Microseconds per host_machine_rewind of a loaded system. */
static double rewind_us(const struct scenario *s, FILE *null)
{
	struct run_options o = {.report = null};
	struct sim_system sys;
	sim_system_load(&sys, s, &o);
	struct host_options opts = s->sim;
	enum {
		N = 2000
	};
	double t0 = now_s();
	for (unsigned i = 0; i < N; i++) {
		host_machine_rewind(&opts);
	}
	double t1 = now_s();
	sim_system_free(&sys);
	host_machine_release();
	return (t1 - t0) * 1e6 / N;
}

static int reset_rates(const char *path)
{
	struct scenario s;
	if (!load_quietly(path, &s)) {
		scenario_free(&s);
		return 1;
	}
	FILE *null = fopen("/dev/null", "w");
	enum {
		RUNS = 200
	};
	double fresh = runs_took(&s, RUNS, false, null);
	double rewound = runs_took(&s, RUNS, true, null);
	printf("%s: rewind %.1f us; in process, %d runs: %.0f runs/s loaded afresh, %.0f runs/s "
	       "rewound\n",
	       path + strlen(PWK_SOURCE_ROOT) + 1, rewind_us(&s, null), RUNS, RUNS / fresh,
	       RUNS / rewound);
	fclose(null);
	scenario_free(&s);
	return 0;
}

/* Moves the scenarios a sweep would refuse (board-only ones) behind the
 * others; returns how many it keeps in front. */
static size_t keep_simulated(glob_t *g)
{
	size_t kept = 0;
	for (size_t i = 0; i < g->gl_pathc; i++) {
		struct scenario s;
		if (load_quietly(g->gl_pathv[i], &s)) {
			char *p = g->gl_pathv[kept];
			g->gl_pathv[kept++] = g->gl_pathv[i];
			g->gl_pathv[i] = p;
		}
		scenario_free(&s);
	}
	return kept;
}

static int sweep_rate(unsigned seeds)
{
	glob_t g;
	memset(&g, 0, sizeof(g));
	glob(PWK_SOURCE_ROOT "/scenarios/*/scenario.json5", 0, NULL, &g);
	glob(PWK_SOURCE_ROOT "/scenarios/pw_kernel/*/scenario.json5", GLOB_APPEND, NULL, &g);
	size_t count = keep_simulated(&g);
	if (count == 0) {
		globfree(&g);
		return 1;
	}
	char range[32];
	snprintf(range, sizeof(range), "0..%u", seeds - 1);
	char **argv = calloc(count + 10, sizeof(char *));
	size_t n = 0;
	argv[n++] = (char *)PWSIM_PATH;
	argv[n++] = (char *)"sweep";
	for (size_t i = 0; i < count; i++) {
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
	size_t runs = count * seeds;
	printf("scenarios x seeds per minute (-j 2): %.0f, %.1f runs/s (%zu scenarios x %u seeds = "
	       "%zu runs in %.1f s; sweep exit %d)\n",
	       (double)runs * 60.0 / (t1 - t0), (double)runs / (t1 - t0), count, seeds, runs,
	       t1 - t0, WIFEXITED(ws) ? WEXITSTATUS(ws) : -1);
	free(argv);
	globfree(&g);
	return 0;
}

int main(int argc, char **argv)
{
	unsigned seeds = argc > 1 ? (unsigned)strtoul(argv[1], NULL, 0) : 100;
	int code = syscalls_per_second();
	code |= reset_rates(PWK_SOURCE_ROOT "/scenarios/uppercase/scenario.json5");
	code |= reset_rates(PWK_SOURCE_ROOT "/scenarios/pw_kernel/ipc/scenario.json5");
	code |= sweep_rate(seeds ? seeds : 100);
	return code;
}
