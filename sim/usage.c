/* SPDX-License-Identifier: Apache-2.0 */
/*
 * usage.c — see usage.h. One text per command, so `pwsim help`, `pwsim
 * <command> --help` and the usage error of a command cannot disagree. The
 * exit statuses are docs/user-guide.md's table ("Exit status").
 */
#include "usage.h"

#include <string.h>

#include "host.h"

static const char run_usage[] =
	"usage: pwsim run SCENARIO [--seed N] [--isolation " HOST_ISOLATION_USAGE "] [--image-dir "
	"DIR]...\n"
	"                 [--trace FILE [--trace-format json|perfetto]] [--gdb FILE]\n"
	"                 [--allow-uncounted] [--quiet]\n"
	"       pwsim run SCENARIO --board NAME [--image FILE | --image-dir DIR...]\n"
	"                 [--timeout SECONDS] [--quiet]\n"
	"  Boots the scenario's system in the simulator (or, with --board, its image on\n"
	"  the board's emulator), shows its console and checks the scenario's\n"
	"  expectations. Paths in the scenario are relative to its file; images not\n"
	"  found there are looked for in each --image-dir DIR, as DIR/NAME or in DIR's\n"
	"  copy of the scenario's folder (a build tree: --image-dir build). With\n"
	"  --board the image is <folder>.<board>.elf, looked for the same way\n"
	"  (--image-dir build-rv32/scenarios). --seed N perturbs what the system\n"
	"  leaves free (seed 0: the plain schedule). --gdb FILE writes the gdb commands\n"
	"  that load each process's symbols where it runs (docs/debugging.md).\n"
	"  --trace FILE writes the run's trace for ui.perfetto.dev: Perfetto's protobuf\n"
	"  format if FILE ends in .pftrace or .perfetto-trace, else JSON (or as\n"
	"  --trace-format says); gzipped if FILE ends in .gz (docs/traces.md).\n"
	"  An image whose code does not count basic blocks is refused unless\n"
	"  --allow-uncounted.\n"
	"  Exit status: 0 as expected; N the system shut down with status N where\n"
	"  another was expected; 1 another expectation failed; 2 bad input;\n"
	"  3 unexpected deadlock, idle system or time limit; with --board also 4, 124,\n"
	"  127 (docs/user-guide.md).\n";

static const char replay_usage[] =
	"usage: pwsim replay SCENARIO --seed N [--trace FILE] [--trace-format FORMAT]\n"
	"                    [--isolation " HOST_ISOLATION_USAGE
	"] [--image-dir DIR]... [--quiet]\n"
	"  Reruns exactly the run `pwsim run SCENARIO --seed N` made, writes its trace\n"
	"  (default <scenario>.seed-N.trace.json here) and lists the last scheduling,\n"
	"  IPC and fault events (docs/traces.md). Exit status as pwsim run.\n";

static const char fuzz_usage[] =
	"usage: pwsim fuzz SCENARIO --target PROCESS/OBJECT [--corpus DIR] [--out DIR]\n"
	"                  (every option also as --option=VALUE)\n"
	"                  [--max-time S] [--jobs N] [--engine libfuzzer|afl] [--dict FILE]\n"
	"                  [--response-budget-ms N] [--isolation " HOST_ISOLATION_USAGE
	"|scenario]\n"
	"                  [--image-dir DIR]...\n"
	"  Fuzzes the channel handler OBJECT of PROCESS: pwk's fuzz driver takes the\n"
	"  place of the process holding its initiator and sends it requests, cancels,\n"
	"  signals and deaths that libFuzzer (--engine afl: AFL++'s afl-fuzz) mutates,\n"
	"  guided by the handler's own edge coverage. Each finding (the handler\n"
	"  faulted, shut down with an error, had a syscall refused, did not respond\n"
	"  within the budget, broke an expectation; or a kernel panic) is minimised\n"
	"  and written to --out (default fuzz-out) as an input and a scenario that\n"
	"  `pwsim run` replays; its command is printed.\n"
	"  --corpus DIR (default OUT/corpus) keeps the inputs that found new coverage.\n"
	"  --isolation: none (default), mprotect (a wild write into another process\n"
	"  faults), trusted (none, and pwsim's addresses visible to process code:\n"
	"  faster, for code you trust) or the scenario's own.\n"
	"  --max-time S stops after S seconds (default: at the first finding; with\n"
	"  --jobs N, N processes keep fuzzing past findings until S).\n"
	"  Exit status: 0 nothing found; 1 something found; 2 bad input.\n";

static const char check_usage[] =
	"usage: pwsim check FILE [--image-dir DIR]...\n"
	"  Validates a system.json5 (any of pw_kernel's schema generations) or a\n"
	"  scenario without running it, and prints the processes, objects with their\n"
	"  handles, threads and sizes (and, for a scenario, where each image is).\n"
	"  Exit status: 0 valid; 2 bad input (file:line:col: error: ... on stderr).\n";

static const char json5_usage[] = "usage: pwsim json5 FILE\n"
				  "  Prints FILE (JSON5; - reads stdin) as canonical JSON.\n"
				  "  Exit status: 0 printed; 2 bad input.\n";

static const char overview[] =
	"usage: pwsim <command> [arguments]      (pwsim <command> --help for details)\n"
	"\n"
	"commands:\n"
	"  run SCENARIO     boot a scenario's system (simulator, or --board NAME) and\n"
	"                   check its expectations\n"
	"  replay SCENARIO  rerun one seed with its trace and the events that led to its end\n"
	"  sweep SCENARIO...  run every scenario with every seed in parallel\n"
	"  fuzz SCENARIO --target PROCESS/OBJECT  fuzz a channel handler (pwsim fuzz --help)\n"
	"  check FILE       validate a system.json5 or a scenario without running it\n"
	"  json5 FILE       print a JSON5 document as canonical JSON\n"
	"  help [COMMAND]   this text, or COMMAND's\n"
	"  --version        pwsim's version\n"
	"\n"
	"exit status (every command): 0 success; 1 an expectation or a run failed,\n"
	"  or (fuzz) something was found;\n"
	"  2 bad input (usage, scenario, system.json5, images); 3 unexpected deadlock,\n"
	"  idle or time limit; N (run) the system's shutdown status where another was\n"
	"  expected; 4/124/127 board runs; 130 interrupted sweep; 134 kernel panic.\n";

void pwsim_usage(FILE *out)
{
	fputs(overview, out);
}

bool pwsim_wants_help(int argc, char **argv)
{
	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			return true;
		}
	}
	return false;
}

bool pwsim_command_usage(const char *command, FILE *out)
{
	static const struct {
		const char *name;
		const char *text;
	} texts[] = {
		{"run", run_usage},     {"replay", replay_usage}, {"fuzz", fuzz_usage},
		{"check", check_usage}, {"json5", json5_usage},   {"help", overview},
	};
	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		if (strcmp(command, texts[i].name) == 0) {
			fputs(texts[i].text, out);
			return true;
		}
	}
	return false;
}
