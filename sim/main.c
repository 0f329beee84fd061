/*
 * pwsim — the pwk host simulator.
 *
 *   pwsim run SCENARIO [options]   boot a scenario's system and check it
 *   pwsim check FILE               validate a system.json5 or a scenario
 *   pwsim json5 FILE               print a JSON5 document as canonical JSON
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "expect.h"
#include "json5.h"
#include "run.h"
#include "scenario.h"
#include "sweep.h"
#include "trace_export.h"

#define IMAGE_DIRS_MAX 16

static void usage(FILE *out)
{
	fprintf(out,
		"usage: pwsim <command> [arguments]\n"
		"\n"
		"commands:\n"
		"  run SCENARIO [--seed N] [--isolation none|mprotect] [--image-dir DIR]...\n"
		"               [--trace FILE] [--quiet]\n"
		"                 boot the scenario's system in the simulator, show its console,\n"
		"                 and check the scenario's expectations. Exit status: 0 when\n"
		"                 they hold; the system's shutdown status when it differs from\n"
		"                 the expected one; 1 another expectation failed; 2 bad input;\n"
		"                 3 unexpected deadlock, idle system or time limit.\n"
		"                 --seed N perturbs preemption points and syscall delays (what\n"
		"                 the system leaves free); seed 0 is the plain schedule, and\n"
		"                 the same seed always gives the same run.\n"
		"  check FILE     validate a system.json5 or a scenario file without running it\n"
		"                 and print the processes, objects (with handles) and threads\n"
		"  json5 FILE     print a JSON5 document as canonical JSON (FILE - = stdin)\n"
		"  help           this text\n");
}

static int cmd_check(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: pwsim check FILE\n");
		return PWSIM_EXIT_BAD_INPUT;
	}
	const char *path = argv[2];
	struct diag d;
	diag_init(&d, path, stderr);
	struct json5_doc doc;
	if (!json5_parse_file(path, &doc, &d)) {
		return PWSIM_EXIT_BAD_INPUT;
	}
	bool is_scenario = scenario_is_scenario(&doc.root);
	json5_free(&doc);
	if (!is_scenario) {
		return pwsim_cmd_check_system(path);
	}
	struct scenario s;
	struct scenario_search search = {NULL, 0};
	bool ok = scenario_load(path, &search, &s, &d);
	if (ok) {
		printf("scenario %s\nsystem %s\n", path, s.system_path);
		cfg_system_print(stdout, &s.system);
		printf("images:\n");
		for (size_t p = 0; p < s.system.process_count; p++) {
			printf("  %s: %s\n", s.system.processes[p].name, s.images[p]);
		}
	}
	scenario_free(&s);
	return ok ? PWSIM_EXIT_OK : PWSIM_EXIT_BAD_INPUT;
}

static int cmd_run(int argc, char **argv)
{
	const char *path = NULL;
	const char *image_dirs[IMAGE_DIRS_MAX];
	struct scenario_search search = {image_dirs, 0};
	struct run_options o = {.console = stdout, .report = stderr};
	const char *trace_path = NULL;
	for (int i = 2; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--quiet") == 0) {
			o.console = NULL;
		} else if (strcmp(a, "--isolation") == 0 && i + 1 < argc) {
			const char *v = argv[++i];
			o.override_isolation = true;
			if (strcmp(v, "none") == 0) {
				o.isolation = HOST_ISOLATION_NONE;
			} else if (strcmp(v, "mprotect") == 0) {
				o.isolation = HOST_ISOLATION_MPROTECT;
			} else {
				fprintf(stderr, "pwsim: --isolation takes none or mprotect, not '%s'\n",
					v);
				return PWSIM_EXIT_BAD_INPUT;
			}
		} else if (strcmp(a, "--seed") == 0 && i + 1 < argc) {
			char *end = NULL;
			const char *v = argv[++i];
			o.seed = strtoull(v, &end, 0);
			if (*v == '\0' || *v == '-' || *end != '\0') {
				fprintf(stderr, "pwsim: --seed takes a non-negative integer, not '%s'\n",
					v);
				return PWSIM_EXIT_BAD_INPUT;
			}
		} else if (strcmp(a, "--trace") == 0 && i + 1 < argc) {
			trace_path = argv[++i];
		} else if (strcmp(a, "--image-dir") == 0 && i + 1 < argc) {
			if (search.image_dir_count == IMAGE_DIRS_MAX) {
				fprintf(stderr, "pwsim: at most %d --image-dir options\n",
					IMAGE_DIRS_MAX);
				return PWSIM_EXIT_BAD_INPUT;
			}
			image_dirs[search.image_dir_count++] = argv[++i];
		} else if (a[0] == '-' || path != NULL) {
			fprintf(stderr, "pwsim: unexpected argument '%s' (see pwsim help)\n", a);
			return PWSIM_EXIT_BAD_INPUT;
		} else {
			path = a;
		}
	}
	if (path == NULL) {
		fprintf(stderr, "usage: pwsim run SCENARIO [options] (see pwsim help)\n");
		return PWSIM_EXIT_BAD_INPUT;
	}
	struct diag d;
	diag_init(&d, path, stderr);
	struct scenario s;
	int code = PWSIM_EXIT_BAD_INPUT;
	if (scenario_load(path, &search, &s, &d)) {
		struct trace_export *trace = NULL;
		if (trace_path != NULL) {
			char err[256];
			trace = trace_export_open(trace_path, &s.system, err, sizeof(err));
			if (trace == NULL) {
				fprintf(stderr, "pwsim: --trace %s: %s\n", trace_path, err);
				scenario_free(&s);
				return PWSIM_EXIT_BAD_INPUT;
			}
			o.trace = trace_export_record;
			o.trace_ctx = trace;
		}
		struct run_result r = sim_run(&s, &o);
		code = sim_expect_check(&s, &r, host_console_text(), stderr);
		if (trace != NULL && !trace_export_close(trace, r.outcome.end_time)) {
			fprintf(stderr, "pwsim: could not write the trace to %s\n", trace_path);
			code = code == PWSIM_EXIT_OK ? PWSIM_EXIT_EXPECTATION : code;
		}
		if (code == PWSIM_EXIT_OK) {
			fprintf(stderr, "pwsim: %s: expectations hold\n", path);
		}
		host_machine_release();
	}
	scenario_free(&s);
	return code;
}

int main(int argc, char **argv)
{
	if (argc < 2 || strcmp(argv[1], "help") == 0 || strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0) {
		usage(argc < 2 ? stderr : stdout);
		return argc < 2 ? PWSIM_EXIT_BAD_INPUT : PWSIM_EXIT_OK;
	}
	if (strcmp(argv[1], "run") == 0) {
		return cmd_run(argc, argv);
	}
	if (strcmp(argv[1], "check") == 0) {
		return cmd_check(argc, argv);
	}
	if (strcmp(argv[1], "json5") == 0) {
		return pwsim_cmd_json5(argc, argv);
	}
	if (strcmp(argv[1], "sweep") == 0) {
		return pwsim_cmd_sweep(argc, argv);
	}
	if (strcmp(argv[1], "replay") == 0) {
		return pwsim_cmd_replay(argc, argv);
	}
	fprintf(stderr, "pwsim: unknown command '%s'\n", argv[1]);
	usage(stderr);
	return PWSIM_EXIT_BAD_INPUT;
}
