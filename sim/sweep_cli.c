/*
 * sweep_cli.c — the command line of `pwsim sweep`: options, their values and
 * their limits. Every mistake is a usage error (exit 2) named precisely,
 * before anything runs.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <uv.h>

#include "expect.h"
#include "sweep.h"

#define SEEDS_DEFAULT_LAST 99
#define TIMEOUT_DEFAULT_S  60.0
#define TIMEOUT_MAX_S      (7.0 * 24 * 3600)
#define SHARDS_MAX         1000000u

static const char usage_text[] =
	"usage: pwsim sweep SCENARIO... [--seeds A..B] [-j N] [--timeout SECONDS]\n"
	"                   [--shard I/N] [--junit FILE] [--json FILE]\n"
	"                   [--isolation " HOST_ISOLATION_USAGE "] [--image-dir DIR]...\n"
	"                   [--allow-uncounted]\n"
	"  runs every scenario with every seed from A to B (default 0..99; --seeds 7 is\n"
	"  one seed) as `pwsim run SCENARIO --seed S --quiet`, N at a time (default:\n"
	"  one per CPU), each killed after SECONDS of wall time (default 60).\n"
	"  --shard I/N runs every N-th run of the sorted scenario x seed list,\n"
	"  starting with the I-th. Exit status: 0 every run passed, 1 a run failed\n"
	"  or timed out, 2 usage or bad scenario, 130 interrupted. See docs/sweep.md.\n";

int sweep_usage_error(const char *fmt, const char *arg)
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
			       : sweep_usage_error("--seeds takes A..B with A <= B (or one seed), "
						   "non-negative integers; not '%s'",
						   v);
	}
	if ((v = option_value(argc, argv, i, "-j", &missing)) != NULL ||
	    (v = option_value(argc, argv, i, "--jobs", &missing)) != NULL) {
		if (!parse_u64(v, &jobs) || jobs < 1 || jobs > SWEEP_JOBS_MAX) {
			return sweep_usage_error(
				"-j takes a number of parallel runs from 1 to 256, "
				"not '%s'",
				v);
		}
		c->jobs = (uint32_t)jobs;
		return 0;
	}
	if ((v = option_value(argc, argv, i, "--timeout", &missing)) != NULL) {
		return parse_timeout(v, c)
			       ? 0
			       : sweep_usage_error("--timeout takes a positive number of "
						   "seconds (e.g. 60 or 0.5), not '%s'",
						   v);
	}
	if ((v = option_value(argc, argv, i, "--shard", &missing)) != NULL) {
		return parse_shard(v, c)
			       ? 0
			       : sweep_usage_error("--shard takes I/N with 1 <= I <= N, not '%s'",
						   v);
	}
	if ((v = option_value(argc, argv, i, "--isolation", &missing)) != NULL) {
		host_isolation_t mode;
		if (!host_isolation_parse(v, &mode)) {
			return sweep_usage_error(
				"--isolation takes " HOST_ISOLATION_CHOICES ", not '%s'", v);
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
			return sweep_usage_error("at most 16 --image-dir options%s", "");
		}
		char *abs = realpath(v, NULL);
		if (abs == NULL) {
			return sweep_usage_error("--image-dir '%s': no such directory", v);
		}
		c->image_dirs[c->image_dir_count++] = abs;
		return 0;
	}
	if (strcmp(argv[*i], "--allow-uncounted") == 0) {
		c->allow_uncounted = true;
		return 0;
	}
	if (strncmp(argv[*i], "--board", 7) == 0 || strncmp(argv[*i], "--image", 7) == 0) {
		return sweep_usage_error("%s: a sweep explores the simulator's seeds, and a "
					 "board has one schedule; run each scenario with "
					 "pwsim run SCENARIO --board NAME",
					 argv[*i]);
	}
	if (missing) {
		return sweep_usage_error("option '%s' needs a value", argv[*i]);
	}
	return sweep_usage_error("unknown option '%s'", argv[*i]);
}

int sweep_cli_parse(int argc, char **argv, struct sweep_config *c)
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
				return sweep_usage_error("at most 256 scenarios%s", "");
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
