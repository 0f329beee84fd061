/*
 * trace_replay.c — `pwsim replay SCENARIO --seed N [run options]`: the same
 * run as `pwsim run` with that seed (same parser, same code path, so the
 * same schedule), always with a trace, followed by the interleaving of its
 * last scheduling, IPC and fault events.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "expect.h"
#include "run_cli.h"
#include "trace_export.h"

/* Enough to see the preemption or the transaction that went wrong, few
 * enough to read at once. */
#define REPLAY_RECENT_EVENTS 60

_Static_assert(REPLAY_RECENT_EVENTS <= TRACE_EXPORT_RECENT_MAX, "the ring keeps them all");

/* The last '/'-separated component of s[0..len): its start and length. */
static const char *last_component(const char *s, size_t len, size_t *out_len)
{
	size_t start = len;
	while (start > 0 && s[start - 1] != '/') {
		start--;
	}
	*out_len = len - start;
	return s + start;
}

/* "<stem>.seed-<N>.trace.json" in the current directory, where the stem is
 * the scenario file's name without .json5/.json; a file called just
 * "scenario" is named after its directory (scenarios/lost_update/). */
static void default_trace_path(const char *scenario, unsigned long long seed, char *out, size_t cap)
{
	size_t len;
	const char *stem = last_component(scenario, strlen(scenario), &len);
	const char *dot = memrchr(stem, '.', len);
	if (dot != NULL && dot != stem &&
	    (strcmp(dot, ".json5") == 0 || strcmp(dot, ".json") == 0)) {
		len = (size_t)(dot - stem);
	}
	if (len == strlen("scenario") && strncmp(stem, "scenario", len) == 0 && stem > scenario) {
		size_t dir_len;
		const char *dir = last_component(scenario, (size_t)(stem - scenario) - 1, &dir_len);
		bool dots = dir_len <= 2 && strspn(dir, ".") >= dir_len;
		if (dir_len > 0 && !dots) {
			stem = dir;
			len = dir_len;
		}
	}
	snprintf(out, cap, "%.*s.seed-%llu.trace.json", (int)len, stem, seed);
}

int pwsim_cmd_replay(int argc, char **argv)
{
	struct run_cli c;
	int code = run_cli_parse(&c, "replay", "SCENARIO --seed N [options]", argc, argv);
	if (code != PWSIM_EXIT_OK) {
		return code;
	}
	if (!c.seed_given) {
		fprintf(stderr, "pwsim: replay needs --seed N, the seed of the run to replay "
				"(pwsim sweep prints it)\n");
		return PWSIM_EXIT_BAD_INPUT;
	}
	char path[4096];
	if (c.trace_path == NULL) {
		default_trace_path(c.scenario_path, c.options.seed, path, sizeof(path));
		c.trace_path = path;
	}
	c.recent_events = REPLAY_RECENT_EVENTS;
	fprintf(stderr, "pwsim: replaying %s with seed %llu\n", c.scenario_path,
		(unsigned long long)c.options.seed);
	return run_cli_execute(&c);
}
