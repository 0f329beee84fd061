/*
 * run_cli.h — what `pwsim run` and `pwsim replay` share: their options
 * (SCENARIO, --seed, --isolation, --image-dir, --trace, --quiet, and for a
 * board run --board, --image, --timeout) and the run itself (load the
 * scenario, boot it, check its expectations, write the trace). Keeping one copy is what makes a
 * replay the same run as the one that failed.
 */
#ifndef PWK_SIM_RUN_CLI_H
#define PWK_SIM_RUN_CLI_H

#include <stdbool.h>
#include <stddef.h>

#include "run.h"
#include "scenario.h"
#include "trace_export.h"

#define RUN_CLI_IMAGE_DIRS_MAX 16

struct run_cli {
	const char *scenario_path;
	const char *trace_path; /* NULL: no trace */
	/* --trace-format; by default the file name's extension decides. */
	trace_export_format_t trace_format;
	bool seed_given;
	struct run_options options;
	const char *image_dirs[RUN_CLI_IMAGE_DIRS_MAX];
	struct scenario_search search; /* points into image_dirs: do not copy */
	/* > 0: after the run, print the last this many scheduling, IPC and
	 * fault events to stdout (needs trace_path). */
	size_t recent_events;
	/* --board NAME: run on that board's image instead (board.h); NULL: in
	 * the simulator. */
	const char *board;
	const char *image;    /* --image FILE */
	const char *gdb_path; /* --gdb FILE: write gdb's symbol commands there */
	double timeout_s;     /* --timeout SECONDS; 0: derived */
};

/* Parses argv[2..argc) of `pwsim <command> ...` into `c` (which it
 * initialises). Returns PWSIM_EXIT_OK, or PWSIM_EXIT_BAD_INPUT after telling
 * stderr why; a missing SCENARIO prints "usage: pwsim <command> <synopsis>".
 * Simulator-only options with --board, and board options without it, are
 * refused here, naming the option. */
int run_cli_parse(struct run_cli *c, const char *command, const char *synopsis, int argc,
		  char **argv);

/* Runs what `c` describes, with the console on stdout and pwsim's own
 * messages on stderr. Returns pwsim run's exit status (see expect.h). */
int run_cli_execute(const struct run_cli *c);

#endif
