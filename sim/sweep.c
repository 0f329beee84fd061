/*
 * sweep.c — `pwsim sweep` from start to end: the checks made before any
 * child starts (so a bad scenario is reported once, not once per seed), the
 * plan of runs, the loop, and the end (summary, reports, exit status).
 */
#include "sweep.h"

#include <assert.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "expect.h"
#include "report.h"
#include "scenario.h"

static int compare_scenarios(const void *a, const void *b)
{
	const struct sweep_scenario *x = a, *y = b;
	return strcmp(x->path, y->path);
}

/* Checks that every scenario loads (images included) and sorts them, so
 * every shard computes the same order from the same list in any order. */
static int check_scenarios(struct sweep_config *c)
{
	const char *dirs[SWEEP_IMAGE_DIRS_MAX];
	for (size_t i = 0; i < c->image_dir_count; i++) {
		dirs[i] = c->image_dirs[i];
	}
	struct scenario_search search = {dirs, c->image_dir_count};
	for (size_t i = 0; i < c->scenario_count; i++) {
		struct sweep_scenario *sc = &c->scenarios[i];
		sc->abs_path = realpath(sc->path, NULL);
		if (sc->abs_path == NULL) {
			fprintf(stderr, "pwsim: sweep: scenario '%s': %s\n", sc->path,
				strerror(errno));
			return PWSIM_EXIT_BAD_INPUT;
		}
		struct diag d;
		diag_init(&d, sc->path, stderr);
		struct scenario s;
		bool ok = scenario_load(sc->path, &search, &s, &d);
		scenario_free(&s);
		if (!ok) {
			fprintf(stderr,
				"pwsim: sweep: scenario '%s' does not load; no run started\n",
				sc->path);
			return PWSIM_EXIT_BAD_INPUT;
		}
	}
	qsort(c->scenarios, c->scenario_count, sizeof(c->scenarios[0]), compare_scenarios);
	/* Two spellings of one file need not sort side by side: compare all. */
	for (size_t i = 0; i < c->scenario_count; i++) {
		for (size_t j = i + 1; j < c->scenario_count; j++) {
			if (strcmp(c->scenarios[i].abs_path, c->scenarios[j].abs_path) == 0) {
				return sweep_usage_error("scenario '%s' is given twice",
							 c->scenarios[j].path);
			}
		}
	}
	return PWSIM_EXIT_OK;
}

static int plan_runs(const struct sweep_config *c, struct sweep_results *r)
{
	uint64_t span = c->seed_last - c->seed_first, seeds = span + 1, total = 0;
	if (span == UINT64_MAX || __builtin_mul_overflow(seeds, c->scenario_count, &total)) {
		return sweep_usage_error("too many runs: narrow --seeds%s", "");
	}
	uint64_t skip = c->shard_index - 1u;
	uint64_t mine = total > skip ? (total - skip + c->shard_count - 1) / c->shard_count : 0;
	if (mine > SWEEP_RUNS_MAX) {
		fprintf(stderr,
			"pwsim: sweep: %llu runs for one process, at most %u: narrow --seeds or "
			"split the sweep with --shard\n",
			(unsigned long long)mine, SWEEP_RUNS_MAX);
		return PWSIM_EXIT_BAD_INPUT;
	}
	r->config = c;
	r->run_count = (size_t)mine;
	r->runs = calloc(r->run_count + 1, sizeof(*r->runs));
	size_t k = 0;
	for (uint64_t g = skip; g < total; g += c->shard_count) {
		struct sweep_run *run = &r->runs[k++];
		run->scenario_index = (uint32_t)(g / seeds);
		run->seed = c->seed_first + g % seeds;
		run->status = SWEEP_NOT_RUN;
		run->exit_code = -1;
	}
	assert(k == r->run_count);
	return PWSIM_EXIT_OK;
}

static FILE *open_report(const char *path, const char *option)
{
	FILE *f = fopen(path, "w");
	if (f == NULL) {
		fprintf(stderr, "pwsim: sweep: %s %s: %s\n", option, path, strerror(errno));
	}
	return f;
}

typedef bool (*report_writer)(FILE *f, const struct sweep_results *r);

static bool write_report(FILE *f, report_writer write, const struct sweep_results *r,
			 const char *path)
{
	if (f == NULL) {
		return true;
	}
	bool ok = write(f, r);
	if (!ok) {
		fprintf(stderr, "pwsim: sweep: could not write %s\n", path);
	}
	return ok;
}

/* The summary, the reports, and the exit status. */
static int finish(struct sweep_results *r, FILE *junit, FILE *json)
{
	const struct sweep_config *c = r->config;
	sweep_print_summary(r);
	bool ok = write_report(junit, report_write_junit, r, c->junit_path);
	ok = write_report(json, report_write_json, r, c->json_path) && ok;
	if (r->interrupted_by != 0) {
		return 128 + r->interrupted_by;
	}
	struct sweep_totals t = sweep_totals_of(r, SIZE_MAX);
	if (t.failed + t.timeouts > 0) {
		return PWSIM_EXIT_EXPECTATION;
	}
	return ok ? PWSIM_EXIT_OK : PWSIM_EXIT_BAD_INPUT;
}

static void free_all(struct sweep_config *c, struct sweep_results *r)
{
	for (size_t i = 0; i < r->run_count; i++) {
		free(r->runs[i].reason);
		free(r->runs[i].digest_line);
		free(r->runs[i].log);
	}
	free(r->runs);
	for (size_t i = 0; i < c->scenario_count; i++) {
		free(c->scenarios[i].abs_path);
	}
	for (size_t i = 0; i < c->image_dir_count; i++) {
		free(c->image_dirs[i]);
	}
	free(c->scenarios);
	free(c->pwsim_path);
}

int pwsim_cmd_sweep(int argc, char **argv)
{
	struct sweep_config c = {0};
	struct sweep_results r = {0};
	FILE *junit = NULL, *json = NULL;
	int code = sweep_cli_parse(argc, argv, &c);
	if (code == 0) {
		code = check_scenarios(&c);
	}
	if (code == 0) {
		code = plan_runs(&c, &r);
	}
	if (code == 0 && (c.pwsim_path = realpath("/proc/self/exe", NULL)) == NULL) {
		fprintf(stderr, "pwsim: sweep: cannot resolve /proc/self/exe: %s\n",
			strerror(errno));
		code = PWSIM_EXIT_BAD_INPUT;
	}
	/* Reports are opened before the first run, so that a path that cannot be
	 * written fails at once rather than after an hour of runs. */
	if (code == 0 && c.junit_path && (junit = open_report(c.junit_path, "--junit")) == NULL) {
		code = PWSIM_EXIT_BAD_INPUT;
	}
	if (code == 0 && c.json_path && (json = open_report(c.json_path, "--json")) == NULL) {
		code = PWSIM_EXIT_BAD_INPUT;
	}
	if (code == 0) {
		code = sweep_loop_run(&r) ? finish(&r, junit, json) : PWSIM_EXIT_BAD_INPUT;
	}
	if (junit != NULL && fclose(junit) != 0 && code == PWSIM_EXIT_OK) {
		code = PWSIM_EXIT_BAD_INPUT;
	}
	if (json != NULL && fclose(json) != 0 && code == PWSIM_EXIT_OK) {
		code = PWSIM_EXIT_BAD_INPUT;
	}
	free_all(&c, &r);
	return code < 0 ? PWSIM_EXIT_OK : code;
}
