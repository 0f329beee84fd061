/*
 * run_cli.c — see run_cli.h. The messages are pwsim run's, word for word:
 * tests and scripts read them.
 */
#include "run_cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "expect.h"
#include "trace_export.h"

static int parse_isolation(struct run_options *o, const char *v)
{
	o->override_isolation = true;
	if (strcmp(v, "none") == 0) {
		o->isolation = HOST_ISOLATION_NONE;
	} else if (strcmp(v, "mprotect") == 0) {
		o->isolation = HOST_ISOLATION_MPROTECT;
	} else {
		fprintf(stderr, "pwsim: --isolation takes none or mprotect, not '%s'\n", v);
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

/* One option (or the scenario) at argv[*i]; advances *i past its value. */
static int parse_one(struct run_cli *c, int argc, char **argv, int *i)
{
	const char *a = argv[*i];
	bool has_value = *i + 1 < argc;
	if (strcmp(a, "--quiet") == 0) {
		c->options.console = NULL;
	} else if (strcmp(a, "--isolation") == 0 && has_value) {
		return parse_isolation(&c->options, argv[++*i]);
	} else if (strcmp(a, "--seed") == 0 && has_value) {
		return parse_seed(c, argv[++*i]);
	} else if (strcmp(a, "--trace") == 0 && has_value) {
		c->trace_path = argv[++*i];
	} else if (strcmp(a, "--image-dir") == 0 && has_value) {
		if (c->search.image_dir_count == RUN_CLI_IMAGE_DIRS_MAX) {
			fprintf(stderr, "pwsim: at most %d --image-dir options\n",
				RUN_CLI_IMAGE_DIRS_MAX);
			return PWSIM_EXIT_BAD_INPUT;
		}
		c->image_dirs[c->search.image_dir_count++] = argv[++*i];
	} else if (a[0] == '-' || c->scenario_path != NULL) {
		fprintf(stderr, "pwsim: unexpected argument '%s' (see pwsim help)\n", a);
		return PWSIM_EXIT_BAD_INPUT;
	} else {
		c->scenario_path = a;
	}
	return PWSIM_EXIT_OK;
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
	return PWSIM_EXIT_OK;
}

/* Runs the loaded scenario `s` with the trace writer `trace` (or NULL). */
static int run_loaded(const struct run_cli *c, const struct scenario *s, struct trace_export *trace)
{
	struct run_options o = c->options;
	if (trace != NULL) {
		trace_export_describe(trace, c->scenario_path, o.seed);
		o.trace = trace_export_record;
		o.trace_ctx = trace;
	}
	struct run_result r = sim_run(s, &o);
	int code = sim_expect_check(s, &r, host_console_text(), stderr);
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
	if (code == PWSIM_EXIT_OK) {
		fprintf(stderr, "pwsim: %s: expectations hold\n", c->scenario_path);
	}
	host_machine_release();
	return code;
}

int run_cli_execute(const struct run_cli *c)
{
	struct diag d;
	diag_init(&d, c->scenario_path, stderr);
	struct scenario s;
	int code = PWSIM_EXIT_BAD_INPUT;
	if (scenario_load(c->scenario_path, &c->search, &s, &d)) {
		struct trace_export *trace = NULL;
		char err[256];
		if (c->trace_path != NULL) {
			trace = trace_export_open(c->trace_path, &s.system, err, sizeof(err));
		}
		if (c->trace_path != NULL && trace == NULL) {
			fprintf(stderr, "pwsim: --trace %s: %s\n", c->trace_path, err);
		} else {
			code = run_loaded(c, &s, trace);
		}
	}
	scenario_free(&s);
	return code;
}
