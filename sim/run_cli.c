/*
 * run_cli.c — see run_cli.h. The messages are pwsim run's, word for word:
 * tests and scripts read them.
 */
#include "run_cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "board.h"
#include "expect.h"
#include "fuzz_replay.h"
#include "trace_export.h"

static int parse_isolation(struct run_options *o, const char *v)
{
	o->override_isolation = true;
	if (!host_isolation_parse(v, &o->isolation)) {
		fprintf(stderr, "pwsim: --isolation takes " HOST_ISOLATION_CHOICES ", not '%s'\n",
			v);
		return PWSIM_EXIT_BAD_INPUT;
	}
	return PWSIM_EXIT_OK;
}

static int parse_seed(struct run_cli *c, const char *v)
{
	char *end = NULL;
	c->options.seed = strtoull(v, &end, 0);
	c->seed_given = true;
	if (*v == '\0' || *v == '-' || *end != '\0') {
		fprintf(stderr, "pwsim: --seed takes a non-negative integer, not '%s'\n", v);
		return PWSIM_EXIT_BAD_INPUT;
	}
	return PWSIM_EXIT_OK;
}

static int parse_timeout(struct run_cli *c, const char *v)
{
	char *end = NULL;
	c->timeout_s = strtod(v, &end);
	if (*v == '\0' || *end != '\0' || !(c->timeout_s > 0) ||
	    c->timeout_s > BOARD_TIMEOUT_MAX_S) {
		fprintf(stderr, "pwsim: --timeout takes a number of seconds in (0, %d], not '%s'\n",
			BOARD_TIMEOUT_MAX_S, v);
		return PWSIM_EXIT_BAD_INPUT;
	}
	return PWSIM_EXIT_OK;
}

static int parse_trace_format(struct run_cli *c, const char *v)
{
	if (!trace_export_format_parse(v, &c->trace_format)) {
		fprintf(stderr, "pwsim: --trace-format takes json or perfetto, not '%s'\n", v);
		return PWSIM_EXIT_BAD_INPUT;
	}
	return PWSIM_EXIT_OK;
}

static int parse_image_dir(struct run_cli *c, const char *v)
{
	if (c->search.image_dir_count == RUN_CLI_IMAGE_DIRS_MAX) {
		fprintf(stderr, "pwsim: at most %d --image-dir options\n", RUN_CLI_IMAGE_DIRS_MAX);
		return PWSIM_EXIT_BAD_INPUT;
	}
	c->image_dirs[c->search.image_dir_count++] = v;
	return PWSIM_EXIT_OK;
}

/* One option (or the scenario) at argv[*i]; advances *i past its value. */
static int parse_one(struct run_cli *c, int argc, char **argv, int *i)
{
	const char *a = argv[*i];
	bool has_value = *i + 1 < argc;
	if (strcmp(a, "--quiet") == 0) {
		c->options.console = NULL;
	} else if (strcmp(a, "--allow-uncounted") == 0) {
		c->options.allow_uncounted = true;
	} else if (strcmp(a, "--gdb") == 0 && has_value) {
		c->gdb_path = argv[++*i];
	} else if (strcmp(a, "--isolation") == 0 && has_value) {
		return parse_isolation(&c->options, argv[++*i]);
	} else if (strcmp(a, "--seed") == 0 && has_value) {
		return parse_seed(c, argv[++*i]);
	} else if (strcmp(a, "--trace") == 0 && has_value) {
		c->trace_path = argv[++*i];
	} else if (strcmp(a, "--trace-format") == 0 && has_value) {
		return parse_trace_format(c, argv[++*i]);
	} else if (strcmp(a, "--image-dir") == 0 && has_value) {
		return parse_image_dir(c, argv[++*i]);
	} else if (strcmp(a, "--board") == 0 && has_value) {
		c->board = argv[++*i];
	} else if (strcmp(a, "--image") == 0 && has_value) {
		c->image = argv[++*i];
	} else if (strcmp(a, "--timeout") == 0 && has_value) {
		return parse_timeout(c, argv[++*i]);
	} else if (a[0] == '-' || c->scenario_path != NULL) {
		fprintf(stderr, "pwsim: unexpected argument '%s' (see pwsim help)\n", a);
		return PWSIM_EXIT_BAD_INPUT;
	} else {
		c->scenario_path = a;
	}
	return PWSIM_EXIT_OK;
}

/* Refuses `what` (an option or a scenario field) on a board, saying why. */
static int refuse_on_board(const char *what, const char *why)
{
	fprintf(stderr, "pwsim: %s cannot be used with --board: %s\n", what, why);
	return PWSIM_EXIT_BAD_INPUT;
}

/* Each simulator-only option is refused with --board, naming it, and the
 * board's own options need --board (docs/boards.md). */
static int check_board_options(const struct run_cli *c)
{
	if (c->board == NULL) {
		const char *lone = c->image != NULL   ? "--image"
				   : c->timeout_s > 0 ? "--timeout"
						      : NULL;
		if (lone != NULL) {
			fprintf(stderr, "pwsim: %s is for board runs: add --board NAME\n", lone);
			return PWSIM_EXIT_BAD_INPUT;
		}
		return PWSIM_EXIT_OK;
	}
	if (c->seed_given) {
		return refuse_on_board("--seed", "a seed perturbs the simulator's schedule; "
						 "a board has the hardware's");
	}
	if (c->options.override_isolation) {
		return refuse_on_board("--isolation", "on a board the PMP isolates every "
						      "process");
	}
	if (c->trace_path != NULL) {
		return refuse_on_board("--trace", "traces come from the simulator's kernel "
						  "trace hook");
	}
	if (c->gdb_path != NULL) {
		return refuse_on_board("--gdb", "a board image is debugged through QEMU's gdb "
						"stub (docs/boards.md)");
	}
	const struct board_profile *b = board_find(c->board, stderr);
	if (b != NULL && b->qemu_machine == NULL) {
		fprintf(stderr, "pwsim: board %s cannot be run by pwsim: %s\n", b->name,
			b->why_not);
	}
	return b != NULL && b->qemu_machine != NULL ? PWSIM_EXIT_OK : PWSIM_EXIT_BAD_INPUT;
}

int run_cli_parse(struct run_cli *c, const char *command, const char *synopsis, int argc,
		  char **argv)
{
	*c = (struct run_cli){
		.options = {.console = stdout, .report = stderr},
	};
	c->search.image_dirs = c->image_dirs;
	for (int i = 2; i < argc; i++) {
		int code = parse_one(c, argc, argv, &i);
		if (code != PWSIM_EXIT_OK) {
			return code;
		}
	}
	if (c->scenario_path == NULL) {
		fprintf(stderr, "usage: pwsim %s %s (see pwsim help)\n", command, synopsis);
		return PWSIM_EXIT_BAD_INPUT;
	}
	if (c->trace_format != TRACE_EXPORT_BY_NAME && c->trace_path == NULL) {
		fprintf(stderr, "pwsim: --trace-format needs --trace FILE\n");
		return PWSIM_EXIT_BAD_INPUT;
	}
	if (c->board != NULL && strcmp(command, "run") != 0) {
		return refuse_on_board(command, "it reruns one seed of the simulator; a "
						"board run is rerun with pwsim run --board");
	}
	return check_board_options(c);
}

/* The gdb script --gdb writes: how pwsim's signals reach it, then (as
 * each process is loaded) one add-symbol-file line per process. */
static FILE *gdb_script_open(const char *path, const char *scenario_path)
{
	FILE *f = fopen(path, "w");
	if (f == NULL) {
		fprintf(stderr, "pwsim: --gdb %s: %s\n", path, strerror(errno));
		return NULL;
	}
	fprintf(f,
		"# Written by pwsim run %s --gdb: the symbols of each process at\n"
		"# its region (regions sit at fixed addresses, so every run agrees).\n"
		"# Use: gdb -x THIS --args pwsim run SCENARIO, then `run`; gdb stops\n"
		"# when every image is in its region: set hardware breakpoints in process\n"
		"# code (hbreak FILE:LINE; gdb cannot write int3 into a region's shared\n"
		"# mapping, so `break` does not stop there) and `continue`\n"
		"# (docs/debugging.md).\n"
		"# pwsim turns process faults into signals it handles itself:\n"
		"handle SIGSEGV SIGBUS SIGILL SIGFPE nostop noprint pass\n"
		"tbreak host_machine_run\n",
		scenario_path);
	return f;
}

/* Runs the loaded scenario `s` with the trace writer `trace` (or NULL). A
 * scenario with a fuzz key (a finding) runs its fuzz input, judged as
 * pwsim fuzz judged it, with the same options. */
static int run_loaded(const struct run_cli *c, struct scenario *s, struct trace_export *trace,
		      FILE *gdb)
{
	struct run_options o = c->options;
	o.gdb_script = gdb;
	if (trace != NULL) {
		trace_export_describe(trace, c->scenario_path, o.seed);
		o.trace = trace_export_record;
		o.trace_ctx = trace;
	}
	struct run_result r;
	int code;
	if (s->fuzz.target != NULL) {
		code = fuzz_replay(c->scenario_path, s, &o, &r);
	} else {
		r = sim_run(s, &o);
		code = sim_expect_check(s, &r, host_console_text(), stderr);
	}
	if (trace != NULL && c->recent_events > 0) {
		fflush(stdout);
		trace_export_print_recent(trace, stdout, c->recent_events);
	}
	if (trace != NULL && !trace_export_close(trace, r.outcome.end_time)) {
		fprintf(stderr, "pwsim: could not write the trace to %s\n", c->trace_path);
		code = code == PWSIM_EXIT_OK ? PWSIM_EXIT_EXPECTATION : code;
	} else if (trace != NULL && c->recent_events > 0) {
		fprintf(stderr, "pwsim: trace written to %s (open it in https://ui.perfetto.dev)\n",
			c->trace_path);
	}
	host_machine_release();
	return code;
}

static int run_on_host(const struct run_cli *c, struct scenario *s)
{
	struct trace_export *trace = NULL;
	char err[256];
	if (c->trace_path != NULL) {
		trace = trace_export_open(c->trace_path, c->trace_format, &s->system, err,
					  sizeof(err));
	}
	if (c->trace_path != NULL && trace == NULL) {
		fprintf(stderr, "pwsim: --trace %s: %s\n", c->trace_path, err);
		return PWSIM_EXIT_BAD_INPUT;
	}
	FILE *gdb = NULL;
	if (c->gdb_path != NULL && (gdb = gdb_script_open(c->gdb_path, c->scenario_path)) == NULL) {
		return PWSIM_EXIT_BAD_INPUT;
	}
	int code = run_loaded(c, s, trace, gdb);
	if (gdb != NULL && fclose(gdb) == 0) {
		fprintf(stderr, "pwsim: gdb commands written to %s (docs/debugging.md)\n",
			c->gdb_path);
	}
	return code;
}

/* What a scenario asks of the simulator alone is refused on a board. */
static int run_on_board(const struct run_cli *c, const struct scenario *s)
{
	if (s->fault_count > 0) {
		return refuse_on_board("a scenario with faults",
				       "pwsim injects them into the simulator only");
	}
	if ((s->kernel_options & PWK_BOOT_EXACT_DEADLINES) != 0) {
		/* A board image's kernel tables come from system.json5 alone
		 * (pwk-gen tables): they hold pw_kernel's tick-granular
		 * deadlines, and nothing a scenario says can change them. */
		return refuse_on_board("exact_deadlines",
				       "it is a simulator boot option; a board image keeps "
				       "pw_kernel's tick-granular deadlines");
	}
	if (s->kernel_options != 0) {
		return refuse_on_board("full_path",
				       "it is a simulator boot option; a board image's "
				       "kernel tries the fast path (built with -Dfastpath)");
	}
	if (s->expect.outcome == SIM_OUTCOME_TIME_LIMIT) {
		return refuse_on_board("expect.outcome \"time_limit\"",
				       "a board has no virtual time limit; it would run "
				       "until the wall-clock timeout");
	}
	char image[4096];
	if (!board_image_find(s, c->board, c->image, &c->search, image, sizeof(image), stderr)) {
		return PWSIM_EXIT_BAD_INPUT;
	}
	struct board_run_options o = {
		.board = board_find(c->board, stderr),
		.image = image,
		.timeout_s = c->timeout_s,
		.console = c->options.console,
		.report = c->options.report,
	};
	return board_run(s, &o);
}

int run_cli_execute(const struct run_cli *c)
{
	struct diag d;
	diag_init(&d, c->scenario_path, stderr);
	struct scenario s;
	/* A board boots one image of its own: the host images are not needed. */
	bool loaded = c->board != NULL ? scenario_load_without_images(c->scenario_path, &s, &d)
				       : scenario_load(c->scenario_path, &c->search, &s, &d);
	int code = PWSIM_EXIT_BAD_INPUT;
	if (loaded) {
		code = c->board != NULL ? run_on_board(c, &s) : run_on_host(c, &s);
	}
	/* A fuzz input's replay said how it ran (fuzz_replay.c). */
	if (code == PWSIM_EXIT_OK && (c->board != NULL || s.fuzz.target == NULL)) {
		fprintf(stderr, "pwsim: %s: expectations hold\n", c->scenario_path);
	}
	scenario_free(&s);
	return code;
}
