/*
 * pwsim — the pwk host simulator.
 *
 *   pwsim run SCENARIO [options]   boot a scenario's system and check it
 *                                  (in the simulator, or --board NAME)
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
#include "run_cli.h"
#include "scenario.h"
#include "sweep.h"
#include "trace_export.h"

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
		"  run SCENARIO --board NAME [--image FILE] [--timeout SECONDS] [--quiet]\n"
		"                 boot the scenario's image for board NAME instead (qemu-virt,\n"
		"                 under qemu-system-riscv32; default image build-rv32/scenarios/\n"
		"                 <folder>.<board>.elf) and check the same expectations. Exit\n"
		"                 status as run, plus 4 no final pwk: line, 124 wall-clock\n"
		"                 timeout, 127 no emulator, 134 kernel panic (docs/boards.md).\n"
		"  replay SCENARIO --seed N [run options]\n"
		"                 rerun exactly the run `pwsim run SCENARIO --seed N` made, write\n"
		"                 its trace (--trace FILE, default <scenario>.seed-N.trace.json\n"
		"                 here) and list the last scheduling, IPC and fault events.\n"
		"                 Exit status as run. --trace FILE on run writes the same\n"
		"                 trace: Chrome/Perfetto JSON in virtual time (docs/traces.md).\n"
		"  check FILE     validate a system.json5 or a scenario file without running it\n"
		"                 and print the processes, objects (with handles) and threads\n"
		"  sweep SCENARIO... [--seeds A..B] [-j N] [--shard I/N] [--junit FILE] [--json "
		"FILE]\n"
		"                 run every scenario with every seed in parallel; prints "
		"progress,\n"
		"                 a summary and the command that replays each failure\n"
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
	struct run_cli c;
	int code = run_cli_parse(&c, "run", "SCENARIO [options]", argc, argv);
	return code == PWSIM_EXIT_OK ? run_cli_execute(&c) : code;
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
