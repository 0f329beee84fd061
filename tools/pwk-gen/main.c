/* SPDX-License-Identifier: Apache-2.0 */
/*
 * main.c — pwk-gen, the one generator of build artifacts from a
 * system.json5 (STYLE rule 15). Subcommands:
 *   pwk-gen handles SYSTEM.json5 PROCESS_NAME OUT.h
 * Exit status: 0 written, 1 invalid input (diagnostics on stderr, nothing
 * written), 2 usage error. OUT "-" writes to stdout; otherwise the file is
 * written next to OUT and renamed into place, so a failed or interrupted
 * run never leaves a half-written header for the build to pick up.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "diag.h"
#include "handles.h"
#include "system_config.h"

static const char usage[] = "usage: pwk-gen handles SYSTEM.json5 PROCESS_NAME OUT.h\n"
			    "  Writes the C header of PROCESS_NAME's handles, IRQ signals, memory\n"
			    "  mappings and app constants (OUT.h \"-\" writes to stdout).\n";

static void list_processes(const struct cfg_system *sys)
{
	fputs("pwk-gen: processes in this system:", stderr);
	for (size_t i = 0; i < sys->process_count; i++) {
		fprintf(stderr, "%s %s", i ? "," : "", sys->processes[i].name);
	}
	fputs(sys->process_count == 0 ? " none\n" : "\n", stderr);
}

/* Writes through a temporary file renamed over `path`. */
static int write_file(const char *path, const struct cfg_system *sys, const struct cfg_process *p,
		      const char *source, struct diag *d)
{
	char tmp[4096];

	if (strcmp(path, "-") == 0) {
		return pwkgen_write_handles(stdout, sys, p, source, d) ? 0 : 1;
	}
	if ((size_t)snprintf(tmp, sizeof(tmp), "%s.tmp", path) >= sizeof(tmp)) {
		fprintf(stderr, "pwk-gen: output path too long: %s\n", path);
		return 2;
	}
	FILE *out = fopen(tmp, "w");
	if (out == NULL) {
		fprintf(stderr, "pwk-gen: cannot create %s: %s\n", tmp, strerror(errno));
		return 1;
	}
	bool ok = pwkgen_write_handles(out, sys, p, source, d);
	if (fclose(out) != 0 && ok) {
		fprintf(stderr, "pwk-gen: cannot write %s: %s\n", tmp, strerror(errno));
		ok = false;
	}
	if (ok && rename(tmp, path) != 0) {
		fprintf(stderr, "pwk-gen: cannot rename %s to %s: %s\n", tmp, path,
			strerror(errno));
		ok = false;
	}
	if (!ok) {
		remove(tmp);
	}
	return ok ? 0 : 1;
}

static int cmd_handles(const char *system_path, const char *process_name, const char *out_path)
{
	struct cfg_system sys;
	struct diag d;

	diag_init(&d, system_path, stderr);
	if (!cfg_system_load(system_path, &sys, &d)) {
		return 1;
	}
	int status;
	uint32_t index = cfg_process_find(&sys, process_name);
	if (index == PWK_NONE) {
		fprintf(stderr, "pwk-gen: %s has no process named \"%s\"\n", system_path,
			process_name);
		list_processes(&sys);
		status = 1;
	} else {
		status = write_file(out_path, &sys, &sys.processes[index], system_path, &d);
	}
	cfg_system_free(&sys);
	return status;
}

int main(int argc, char **argv)
{
	if (argc == 2 && (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0)) {
		fputs(usage, stdout);
		return 0;
	}
	if (argc == 5 && strcmp(argv[1], "handles") == 0) {
		return cmd_handles(argv[2], argv[3], argv[4]);
	}
	fputs(usage, stderr);
	return 2;
}
