/*
 * sweep_worker.c — `pwsim sweep-worker SEEDS SCENARIO [run options]`, the
 * child a sweep starts per slot (not for users: docs/sweep.md). It loads
 * the scenario and its system once, then runs each seed of the
 * comma-separated SEEDS in turn, rewinding the system in place between
 * runs (sim_system_run). Each run writes to stderr exactly what
 * `pwsim run SCENARIO --seed S --quiet [run options]` would, followed by
 * one marker line (SWEEP_WORKER_MARKER, then that run's exit status), so
 * the sweep can split the stream into runs. A worker that dies (signal,
 * timeout) takes only the run it was in with it: the sweep starts a new
 * worker for the seeds left.
 */
#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <string.h>

#include "expect.h"
#include "run_cli.h"
#include "sweep.h"

/* The next seed of `list` (advanced past it and its comma); false at its
 * end. Only called on a list seeds_valid() accepted. */
static bool next_seed(const char **list, uint64_t *seed)
{
	if (**list == '\0') {
		return false;
	}
	char *end = NULL;
	*seed = strtoull(*list, &end, 10);
	*list = *end == ',' ? end + 1 : end;
	return true;
}

/* "1,2,3": decimal seeds that fit 64 bits, one comma between each. The
 * sweep writes the list; anything else is refused before a run starts. */
static bool seeds_valid(const char *list)
{
	if (*list == '\0') {
		return false;
	}
	for (const char *p = list; *p != '\0'; p++) {
		if (*p < '0' || *p > '9') {
			return false;
		}
		char *end = NULL;
		errno = 0;
		(void)strtoull(p, &end, 10);
		if (errno == ERANGE || (*end != ',' && *end != '\0') ||
		    (*end == ',' && end[1] == '\0')) {
			return false;
		}
		p = *end == ',' ? end : end - 1;
	}
	return true;
}

static void run_seed(const struct run_cli *c, const struct scenario *s, struct sim_system *sys,
		     uint64_t seed)
{
	struct run_options o = c->options;
	o.seed = seed;
	struct run_result r = sim_system_run(sys, &o);
	int code = sim_expect_check(s, &r, host_console_text(), stderr);
	if (code == PWSIM_EXIT_OK) {
		fprintf(stderr, "pwsim: %s: expectations hold\n", c->scenario_path);
	}
	fprintf(stderr, "%s%d\n", SWEEP_WORKER_MARKER, code);
	fflush(stderr);
}

/* Loads once, runs every seed; a load failure ends the worker with the
 * status `pwsim run` would have had, after its message. */
static int run_seeds(const struct run_cli *c, const char *seeds)
{
	struct diag d;
	diag_init(&d, c->scenario_path, stderr);
	struct scenario s;
	if (!scenario_load(c->scenario_path, &c->search, &s, &d)) {
		scenario_free(&s);
		return PWSIM_EXIT_BAD_INPUT;
	}
	struct sim_system sys;
	int code = PWSIM_EXIT_OK;
	uint64_t seed = 0;
	if (!sim_system_load(&sys, &s, &c->options)) {
		code = PWSIM_EXIT_BAD_INPUT;
	}
	while (code == PWSIM_EXIT_OK && next_seed(&seeds, &seed)) {
		run_seed(c, &s, &sys, seed);
	}
	sim_system_free(&sys);
	host_machine_release();
	scenario_free(&s);
	return code;
}

int pwsim_cmd_sweep_worker(int argc, char **argv)
{
	if (argc < 4) {
		fprintf(stderr, "usage: pwsim sweep-worker SEEDS SCENARIO [run options]\n");
		return PWSIM_EXIT_BAD_INPUT;
	}
	if (!seeds_valid(argv[2])) {
		fprintf(stderr,
			"pwsim: sweep-worker: bad seed list '%s' (decimal seeds, one comma "
			"between each)\n",
			argv[2]);
		return PWSIM_EXIT_BAD_INPUT;
	}
	/* Parse as `pwsim run` would, the seed list skipped over. */
	char **run_argv = calloc((size_t)argc, sizeof(*run_argv));
	if (run_argv == NULL) {
		fprintf(stderr, "pwsim: out of memory\n");
		return PWSIM_EXIT_BAD_INPUT;
	}
	run_argv[0] = argv[0];
	run_argv[1] = argv[1];
	for (int i = 3; i < argc; i++) {
		run_argv[i - 1] = argv[i];
	}
	struct run_cli c;
	int code = run_cli_parse(&c, "sweep-worker", "SEEDS SCENARIO", argc - 1, run_argv);
	if (code == PWSIM_EXIT_OK) {
		code = run_seeds(&c, argv[2]);
	}
	free(run_argv);
	return code;
}
