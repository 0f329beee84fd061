/*
 * sweep.c — `pwsim sweep`: the command line, the checks made before any
 * child starts (so a bad scenario is reported once, not once per seed), the
 * plan of runs, and the end (summary, reports, exit status).
 */
#include "sweep.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <uv.h>

#include "expect.h"
#include "report.h"
#include "scenario.h"

#define SEEDS_DEFAULT_LAST 99
#define TIMEOUT_DEFAULT_S  60.0
#define TIMEOUT_MAX_S      (7.0 * 24 * 3600)
#define SHARDS_MAX         1000000u

static const char usage_text[] =
	"usage: pwsim sweep SCENARIO... [--seeds A..B] [-j N] [--timeout SECONDS]\n"
	"                   [--shard I/N] [--junit FILE] [--json FILE]\n"
	"                   [--isolation none|mprotect] [--image-dir DIR]...\n"
	"  runs every scenario with every seed from A to B (default 0..99; --seeds 7 is\n"
	"  one seed) as `pwsim run SCENARIO --seed S --quiet`, N at a time (default:\n"
	"  one per CPU), each killed after SECONDS of wall time (default 60).\n"
	"  --shard I/N runs every N-th run of the sorted scenario x seed list,\n"
	"  starting with the I-th. Exit status: 0 every run passed, 1 a run failed\n"
	"  or timed out, 2 usage or bad scenario, 130 interrupted. See docs/sweep.md.\n";

static int usage_error(const char *fmt, const char *arg)
{
	fputs("pwsim: sweep: ", stderr);
	fprintf(stderr, fmt, arg);
	fputs("\n(pwsim sweep --help shows the usage)\n", stderr);
	return PWSIM_EXIT_BAD_INPUT;
}

/* Parses a whole decimal u64; false on anything else (sign, junk, overflow). */
static bool parse_u64(const char *s, uint64_t *out)
{
	if (s[0] < '0' || s[0] > '9') {
		return false;
	}
	char *end = NULL;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (errno != 0 || *end != '\0') {
		return false;
	}
	*out = v;
	return true;
}

static bool parse_seeds(const char *s, struct sweep_config *c)
{
	const char *dots = strstr(s, "..");
	if (dots == NULL) {
		return parse_u64(s, &c->seed_first) && ((c->seed_last = c->seed_first), true);
	}
	char first[32];
	size_t n = (size_t)(dots - s);
	if (n == 0 || n >= sizeof(first)) {
		return false;
	}
	memcpy(first, s, n);
	first[n] = '\0';
	return parse_u64(first, &c->seed_first) && parse_u64(dots + 2, &c->seed_last) &&
	       c->seed_first <= c->seed_last;
}

static bool parse_shard(const char *s, struct sweep_config *c)
{
	uint64_t i = 0, n = 0;
	const char *slash = strchr(s, '/');
	char first[24];
	size_t len = slash ? (size_t)(slash - s) : 0;
	if (slash == NULL || len == 0 || len >= sizeof(first)) {
		return false;
	}
	memcpy(first, s, len);
	first[len] = '\0';
	if (!parse_u64(first, &i) || !parse_u64(slash + 1, &n) || i < 1 || i > n ||
	    n > SHARDS_MAX) {
		return false;
	}
	c->shard_index = (uint32_t)i;
	c->shard_count = (uint32_t)n;
	return true;
}

static bool parse_timeout(const char *s, struct sweep_config *c)
{
	char *end = NULL;
	double v = strtod(s, &end);
	if (*s == '\0' || *end != '\0' || !isfinite(v) || v <= 0 || v > TIMEOUT_MAX_S) {
		return false;
	}
	c->timeout_s = v;
	/* libuv timers count whole milliseconds: round up, never to 0. */
	c->timeout_ms = (uint64_t)ceil(v * 1000.0);
	return true;
}

/* "--name VALUE" or "--name=VALUE" (and "-jN" for -j). NULL when argv[*i]
 * is not this option; sets *missing when it is but has no value. */
static const char *option_value(int argc, char **argv, int *i, const char *name, bool *missing)
{
	const char *a = argv[*i];
	size_t n = strlen(name);
	if (strncmp(a, name, n) != 0) {
		return NULL;
	}
	if (a[n] == '=' || (a[n] != '\0' && strcmp(name, "-j") == 0)) {
		return a + n + (a[n] == '=');
	}
	if (a[n] != '\0') {
		return NULL;
	}
	if (*i + 1 >= argc) {
		*missing = true;
		return NULL;
	}
	return argv[++*i];
}

static int parse_option(int argc, char **argv, int *i, struct sweep_config *c)
{
	bool missing = false;
	const char *v;
	uint64_t jobs = 0;
	if ((v = option_value(argc, argv, i, "--seeds", &missing)) != NULL) {
		return parse_seeds(v, c)
			       ? 0
			       : usage_error("--seeds takes A..B with A <= B (or one seed), "
					     "non-negative integers; not '%s'",
					     v);
	}
	if ((v = option_value(argc, argv, i, "-j", &missing)) != NULL ||
	    (v = option_value(argc, argv, i, "--jobs", &missing)) != NULL) {
		if (!parse_u64(v, &jobs) || jobs < 1 || jobs > SWEEP_JOBS_MAX) {
			return usage_error("-j takes a number of parallel runs from 1 to 256, "
					   "not '%s'",
					   v);
		}
		c->jobs = (uint32_t)jobs;
		return 0;
	}
	if ((v = option_value(argc, argv, i, "--timeout", &missing)) != NULL) {
		return parse_timeout(v, c) ? 0
					   : usage_error("--timeout takes a positive number of "
							 "seconds (e.g. 60 or 0.5), not '%s'",
							 v);
	}
	if ((v = option_value(argc, argv, i, "--shard", &missing)) != NULL) {
		return parse_shard(v, c)
			       ? 0
			       : usage_error("--shard takes I/N with 1 <= I <= N, not '%s'", v);
	}
	if ((v = option_value(argc, argv, i, "--isolation", &missing)) != NULL) {
		if (strcmp(v, "none") != 0 && strcmp(v, "mprotect") != 0) {
			return usage_error("--isolation takes none or mprotect, not '%s'", v);
		}
		c->isolation = v;
		return 0;
	}
	if ((v = option_value(argc, argv, i, "--junit", &missing)) != NULL) {
		c->junit_path = v;
		return 0;
	}
	if ((v = option_value(argc, argv, i, "--json", &missing)) != NULL) {
		c->json_path = v;
		return 0;
	}
	if ((v = option_value(argc, argv, i, "--image-dir", &missing)) != NULL) {
		if (c->image_dir_count == SWEEP_IMAGE_DIRS_MAX) {
			return usage_error("at most 16 --image-dir options%s", "");
		}
		char *abs = realpath(v, NULL);
		if (abs == NULL) {
			return usage_error("--image-dir '%s': no such directory", v);
		}
		c->image_dirs[c->image_dir_count++] = abs;
		return 0;
	}
	if (missing) {
		return usage_error("option '%s' needs a value", argv[*i]);
	}
	return usage_error("unknown option '%s'", argv[*i]);
}

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
	for (size_t i = 1; i < c->scenario_count; i++) {
		if (strcmp(c->scenarios[i - 1].abs_path, c->scenarios[i].abs_path) == 0) {
			return usage_error("scenario '%s' is given twice", c->scenarios[i].path);
		}
	}
	return PWSIM_EXIT_OK;
}

static int parse_command_line(int argc, char **argv, struct sweep_config *c)
{
	c->seed_last = SEEDS_DEFAULT_LAST;
	c->timeout_s = TIMEOUT_DEFAULT_S;
	c->timeout_ms = (uint64_t)(TIMEOUT_DEFAULT_S * 1000);
	c->shard_index = c->shard_count = 1;
	c->scenarios = calloc(SWEEP_SCENARIOS_MAX, sizeof(*c->scenarios));
	for (int i = 2; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			fputs(usage_text, stdout);
			return -1;
		}
		if (a[0] != '-') {
			if (c->scenario_count == SWEEP_SCENARIOS_MAX) {
				return usage_error("at most 256 scenarios%s", "");
			}
			c->scenarios[c->scenario_count++].path = a;
			continue;
		}
		int code = parse_option(argc, argv, &i, c);
		if (code != 0) {
			return code;
		}
	}
	if (c->scenario_count == 0) {
		fputs(usage_text, stderr);
		return PWSIM_EXIT_BAD_INPUT;
	}
	if (c->jobs == 0) {
		unsigned cpus = uv_available_parallelism();
		c->jobs = cpus < 1 ? 1 : cpus > SWEEP_JOBS_MAX ? SWEEP_JOBS_MAX : cpus;
	}
	return PWSIM_EXIT_OK;
}

/* Lists this shard's runs in (scenario, seed) order: global run g (scenario
 * g / seeds, seed first + g % seeds) belongs to shard (g mod N) + 1. */
static int plan_runs(const struct sweep_config *c, struct sweep_results *r)
{
	uint64_t span = c->seed_last - c->seed_first, seeds = span + 1, total = 0;
	if (span == UINT64_MAX || __builtin_mul_overflow(seeds, c->scenario_count, &total)) {
		return usage_error("too many runs%s", "");
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
	int code = parse_command_line(argc, argv, &c);
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
