/*
 * pwsim — the pwk host simulator. This file only dispatches: each command
 * lives in its own file and usage.c holds every usage text.
 *
 *   pwsim run SCENARIO [options]   boot a scenario's system and check it
 *                                  (in the simulator, or --board NAME)
 *   pwsim replay SCENARIO --seed N rerun one seed with its trace
 *   pwsim sweep SCENARIO...        many scenarios x seeds in parallel
 *   pwsim fuzz SCENARIO --target P/O  coverage-guided fuzzing of a handler
 *   pwsim check FILE               validate a system.json5 or a scenario
 *   pwsim json5 FILE               print a JSON5 document as canonical JSON
 */
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "expect.h"
#include "fuzz_cli.h"
#include "run_cli.h"
#include "sweep.h"
#include "trace_export.h"
#include "usage.h"

#ifndef PWK_VERSION
#error "sim/meson.build defines PWK_VERSION (the project's version)"
#endif

static int cmd_run(int argc, char **argv)
{
	struct run_cli c;
	int code = run_cli_parse(&c, "run", "SCENARIO [options]", argc, argv);
	return code == PWSIM_EXIT_OK ? run_cli_execute(&c) : code;
}

/* `pwsim help [COMMAND]`. */
static int cmd_help(int argc, char **argv)
{
	if (argc < 3) {
		pwsim_usage(stdout);
		return PWSIM_EXIT_OK;
	}
	if (strcmp(argv[2], "sweep") == 0) {
		char help[] = "--help";
		char *sweep_argv[] = {argv[0], argv[2], help, NULL};
		return pwsim_cmd_sweep(3, sweep_argv);
	}
	if (!pwsim_command_usage(argv[2], stdout)) {
		fprintf(stderr, "pwsim: no command '%s' (pwsim help lists them)\n", argv[2]);
		return PWSIM_EXIT_BAD_INPUT;
	}
	return PWSIM_EXIT_OK;
}

static const struct {
	const char *name;
	int (*run)(int argc, char **argv);
} commands[] = {
	{"run", cmd_run},           {"replay", pwsim_cmd_replay},
	{"sweep", pwsim_cmd_sweep}, {"fuzz", pwsim_cmd_fuzz},
	{"check", pwsim_cmd_check}, {"json5", pwsim_cmd_json5},
	{"help", cmd_help},         {"sweep-worker", pwsim_cmd_sweep_worker},
};

int main(int argc, char **argv)
{
	if (argc < 2) {
		pwsim_usage(stderr);
		return PWSIM_EXIT_BAD_INPUT;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		pwsim_usage(stdout);
		return PWSIM_EXIT_OK;
	}
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "version") == 0) {
		printf("pwsim %s\n", PWK_VERSION);
		return PWSIM_EXIT_OK;
	}
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
		if (strcmp(argv[1], commands[i].name) != 0) {
			continue;
		}
		/* sweep prints its own usage (sweep_cli.c). */
		if (commands[i].run != pwsim_cmd_sweep && pwsim_wants_help(argc, argv)) {
			pwsim_command_usage(argv[1], stdout);
			return PWSIM_EXIT_OK;
		}
		return commands[i].run(argc, argv);
	}
	fprintf(stderr, "pwsim: unknown command '%s'\n", argv[1]);
	pwsim_usage(stderr);
	return PWSIM_EXIT_BAD_INPUT;
}
