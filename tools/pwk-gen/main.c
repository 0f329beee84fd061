/* SPDX-License-Identifier: Apache-2.0 */
/*
 * main.c — pwk-gen, the one generator of build artifacts from a
 * system.json5 (STYLE rule 15). Subcommands (docs/generator.md):
 *   pwk-gen handles    SYSTEM PROCESS OUT.h [--target host|rv32 --board B [--place P]]
 *   pwk-gen tables     SYSTEM --board B [--place config|board] -o pwk_system.c
 *   pwk-gen ld-kernel  SYSTEM --board B [--place config|board] -o kernel.ld
 *   pwk-gen ld-process SYSTEM PROCESS --board B [--place config|board] -o PROCESS.ld
 *   pwk-gen image      SYSTEM --board B [--place config|board] -o system.elf
 *                      --kernel kernel.elf PROCESS=process.elf ...
 *   pwk-gen check      SYSTEM --board B [--place config|board]
 * Every board subcommand lays the system out on the board and runs every
 * fit check first. Exit status: 0 written, 1 invalid input (diagnostics on
 * stderr, nothing written), 2 usage error. OUT "-" writes to stdout;
 * otherwise the file is written next to OUT and renamed into place, so a
 * failed or interrupted run never leaves a half-written file for the build.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "board.h"
#include "diag.h"
#include "handles.h"
#include "image.h"
#include "ldscript.h"
#include "system_config.h"
#include "tables.h"
#include "target.h"

static const char usage[] =
	"usage: pwk-gen handles SYSTEM.json5 PROCESS OUT.h [--target host|rv32 --board B\n"
	"                          [--place config|board]]\n"
	"       pwk-gen tables     SYSTEM.json5 --board B [--place config|board] -o pwk_system.c\n"
	"       pwk-gen ld-kernel  SYSTEM.json5 --board B [--place config|board] -o kernel.ld\n"
	"       pwk-gen ld-process SYSTEM.json5 PROCESS --board B [--place config|board] -o P.ld\n"
	"       pwk-gen image      SYSTEM.json5 --board B [--place config|board] -o system.elf\n"
	"                          --kernel kernel.elf PROCESS=process.elf ...\n"
	"       pwk-gen check      SYSTEM.json5 --board B [--place config|board]\n"
	"  handles:    the C header of PROCESS's handles, IRQ signals, mappings, constants;\n"
	"              --target host: for pwsim (region sizes only, no addresses);\n"
	"              --target rv32 --board B: the board layout's addresses;\n"
	"              no --target: system.json5's addresses (pw_kernel's assignment)\n"
	"  tables:     the kernel's system tables for the board (pwk_system.c)\n"
	"  ld-kernel:  the kernel's linker script;  ld-process: PROCESS's linker script\n"
	"  image:      merges the kernel and every process ELF into one ELF\n"
	"  check:      the board-fit checks only\n"
	"  --place config (default) keeps system.json5's addresses; --place board packs\n"
	"  the same sizes from the board's memory base. OUT \"-\" writes to stdout.\n";

/* Prints "pwk-gen: " + fmt (one %s) and the usage; returns 2. */
static int usage_error(const char *fmt, const char *arg)
{
	fputs("pwk-gen: ", stderr);
	fprintf(stderr, fmt, arg);
	fputs("\n", stderr);
	fputs(usage, stderr);
	return 2;
}

static void list_processes(const struct cfg_system *sys)
{
	fputs("pwk-gen: processes in this system:", stderr);
	for (size_t i = 0; i < sys->process_count; i++) {
		fprintf(stderr, "%s %s", i ? "," : "", sys->processes[i].name);
	}
	fputs(sys->process_count == 0 ? " none\n" : "\n", stderr);
}

/* What one run writes: emit() prints it to `out`, false on failure. */
struct output {
	bool (*emit)(FILE *out, void *ctx);
	void *ctx;
};

/* Opens `path` (creating it), emits into it and closes it; false, said on
 * stderr, if any of that fails. */
static bool emit_to(const char *path, struct output o)
{
	FILE *out = fopen(path, "wb");
	if (out == NULL) {
		fprintf(stderr, "pwk-gen: cannot create %s: %s\n", path, strerror(errno));
		return false;
	}
	bool ok = o.emit(out, o.ctx);
	if (fclose(out) != 0 && ok) {
		fprintf(stderr, "pwk-gen: cannot write %s: %s\n", path, strerror(errno));
		ok = false;
	}
	return ok;
}

/* Writes through a temporary file renamed over `path`, so that a build
 * never sees half a header; straight into a `path` that exists and is no
 * regular file (a device such as /dev/null or /dev/stdout, a FIFO), which
 * the rename would replace with a file. */
static int write_file(const char *path, struct output o)
{
	char tmp[4096];

	if (strcmp(path, "-") == 0) {
		return o.emit(stdout, o.ctx) ? 0 : 1;
	}
	struct stat st;
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		return emit_to(path, o) ? 0 : 1;
	}
	if ((size_t)snprintf(tmp, sizeof(tmp), "%s.tmp", path) >= sizeof(tmp)) {
		fprintf(stderr, "pwk-gen: output path too long: %s\n", path);
		return 2;
	}
	bool ok = emit_to(tmp, o);
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

struct handles_ctx {
	const struct cfg_system *sys;
	const struct cfg_process *p;
	const char *source;
	struct diag *d;
	const struct pwkgen_handles_layout *layout; /* NULL: the config's addresses */
};

static bool emit_handles(FILE *out, void *ctx)
{
	struct handles_ctx *c = ctx;
	if (c->layout != NULL) {
		return pwkgen_write_handles_for(out, c->sys, c->p, c->layout, c->source, c->d);
	}
	return pwkgen_write_handles(out, c->sys, c->p, c->source, c->d);
}

/* `host`: the header for pwsim (sizes only); else the config's addresses. */
static int cmd_handles(const char *system_path, const char *process_name, const char *out_path,
		       bool host)
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
		const struct cfg_process *p = &sys.processes[index];
		struct pwkgen_handles_layout layout = {
			.host = true,
			.flash_size = sys.apps[p->app_index].flash_size_bytes,
			.ram_size = p->ram_size_bytes,
		};
		struct handles_ctx c = {&sys, p, system_path, &d, host ? &layout : NULL};
		status = write_file(out_path, (struct output){emit_handles, &c});
	}
	cfg_system_free(&sys);
	return status;
}

/* A board subcommand's command line. */
struct args {
	const char *cmd;
	const char *positional[2];
	size_t positional_count;
	const char *board, *place, *out, *kernel;
	struct pwkgen_image_input *inputs; /* image: [0] the kernel, then PROCESS=ELF */
	size_t input_count;
};

struct command {
	const char *name;
	size_t positional; /* SYSTEM, and PROCESS for ld-process */
	bool writes;       /* takes -o */
	bool (*emit)(FILE *out, void *ctx);
};

/* What the emitters get. */
struct run {
	struct pwkgen_target *t;
	uint32_t process;           /* ld-process */
	struct pwkgen_image *image; /* image */
};

static bool emit_tables(FILE *out, void *ctx)
{
	pwkgen_write_tables(out, ((struct run *)ctx)->t);
	return true;
}

static bool emit_kernel_ld(FILE *out, void *ctx)
{
	pwkgen_write_kernel_ld(out, ((struct run *)ctx)->t);
	return true;
}

static bool emit_process_ld(FILE *out, void *ctx)
{
	struct run *r = ctx;
	pwkgen_write_process_ld(out, r->t, r->process);
	return true;
}

static bool emit_image(FILE *out, void *ctx)
{
	pwkgen_image_write(out, ((struct run *)ctx)->image);
	return true;
}

static const struct command commands[] = {
	{"tables", 1, true, emit_tables},
	{"ld-kernel", 1, true, emit_kernel_ld},
	{"ld-process", 2, true, emit_process_ld},
	{"image", 1, true, emit_image},
	{"check", 1, false, NULL},
};

/* `--name VALUE` or `--name=VALUE` at argv[*i]; advances *i past it. */
static bool option(char **argv, int argc, int *i, const char *name, const char **value)
{
	size_t n = strlen(name);
	if (strncmp(argv[*i], name, n) != 0) {
		return false;
	}
	if (argv[*i][n] == '=') {
		*value = argv[*i] + n + 1;
		return true;
	}
	if (argv[*i][n] != '\0' || *i + 1 >= argc) {
		return false;
	}
	*value = argv[++*i];
	return true;
}

static int parse(int argc, char **argv, const struct command *c, struct args *a)
{
	a->inputs = calloc((size_t)argc + 1, sizeof(*a->inputs));
	a->input_count = 1;
	for (int i = 2; i < argc; i++) {
		char *eq = strchr(argv[i], '=');
		if (option(argv, argc, &i, "--board", &a->board) ||
		    option(argv, argc, &i, "--place", &a->place) ||
		    option(argv, argc, &i, "-o", &a->out) ||
		    option(argv, argc, &i, "--kernel", &a->kernel)) {
			continue;
		}
		if (argv[i][0] == '-' && argv[i][1] != '\0') {
			return usage_error("unknown option %s", argv[i]);
		}
		if (strcmp(c->name, "image") == 0 && eq != NULL && a->positional_count > 0) {
			*eq = '\0';
			a->inputs[a->input_count++] = (struct pwkgen_image_input){argv[i], eq + 1};
		} else if (a->positional_count < c->positional) {
			a->positional[a->positional_count++] = argv[i];
		} else {
			return usage_error("unexpected argument %s", argv[i]);
		}
	}
	a->inputs[0] = (struct pwkgen_image_input){NULL, a->kernel};
	if (a->positional_count != c->positional) {
		return usage_error(c->positional == 2 ? "%s needs SYSTEM.json5 PROCESS"
						      : "%s needs SYSTEM.json5",
				   c->name);
	}
	if (a->board == NULL) {
		return usage_error("%s needs --board NAME", c->name);
	}
	if (c->writes && a->out == NULL) {
		return usage_error("%s needs -o OUT", c->name);
	}
	if (strcmp(c->name, "image") == 0 && a->kernel == NULL) {
		return usage_error("%s needs --kernel kernel.elf", c->name);
	}
	return 0;
}

/* Opens the target and runs the subcommand on it. */
static int run_board(const struct command *c, struct args *a)
{
	const struct pwkgen_board *board = pwkgen_board_find(a->board);
	if (board == NULL) {
		fprintf(stderr, "pwk-gen: unknown board \"%s\"; boards: ", a->board);
		pwkgen_board_list(stderr);
		fputs("\n", stderr);
		return 2;
	}
	enum pwkgen_place place = PWKGEN_PLACE_CONFIG;
	if (a->place != NULL && strcmp(a->place, "board") == 0) {
		place = PWKGEN_PLACE_BOARD;
	} else if (a->place != NULL && strcmp(a->place, "config") != 0) {
		return usage_error("--place is config or board, not %s", a->place);
	}
	struct pwkgen_target t;
	struct pwkgen_image image = {0};
	struct run r = {.t = &t, .process = PWK_NONE, .image = &image};
	int status = pwkgen_target_open(&t, a->positional[0], board, place, stderr) ? 0 : 1;
	if (status == 0 && c->positional == 2) {
		r.process = cfg_process_find(&t.sys, a->positional[1]);
		if (r.process == PWK_NONE) {
			fprintf(stderr, "pwk-gen: %s has no process named \"%s\"\n", t.path,
				a->positional[1]);
			list_processes(&t.sys);
			status = 1;
		}
	}
	if (status == 0 && c->emit == emit_image &&
	    !pwkgen_image_read(&image, &t, a->inputs, a->input_count, stderr)) {
		status = 1;
	}
	if (status == 0 && c->writes) {
		status = write_file(a->out, (struct output){c->emit, &r});
	}
	pwkgen_image_free(&image);
	pwkgen_target_close(&t);
	return status;
}

static bool emit_board_handles(FILE *out, void *ctx)
{
	struct run *r = ctx;
	const struct pwkgen_target *t = r->t;
	const struct cfg_process *p = &t->sys.processes[r->process];
	struct pwkgen_handles_layout layout = {
		.flash_start = t->app_flash[p->app_index].start,
		.flash_size = t->app_flash[p->app_index].size,
		.ram_start = t->process_ram[r->process].start,
		.ram_size = t->process_ram[r->process].size,
	};
	return pwkgen_write_handles_for(out, &t->sys, p, &layout, t->path, &r->t->d);
}

/* `pwk-gen handles SYSTEM PROCESS OUT.h --target host|rv32 [--board B]
 * [--place P]`: the header valid for that target. */
static int cmd_handles_target(int argc, char **argv)
{
	const char *pos[3], *target = NULL;
	struct args a = {.cmd = argv[1]};
	size_t n = 0;
	for (int i = 2; i < argc; i++) {
		if (option(argv, argc, &i, "--target", &target) ||
		    option(argv, argc, &i, "--board", &a.board) ||
		    option(argv, argc, &i, "--place", &a.place)) {
			continue;
		}
		if ((argv[i][0] == '-' && argv[i][1] != '\0') || n == 3) {
			return usage_error("handles: unexpected argument %s", argv[i]);
		}
		pos[n++] = argv[i];
	}
	if (n != 3) {
		return usage_error("%s needs SYSTEM.json5 PROCESS OUT.h", "handles");
	}
	if (target != NULL && strcmp(target, "host") == 0 && a.board == NULL) {
		return cmd_handles(pos[0], pos[1], pos[2], true);
	}
	if (target == NULL || strcmp(target, "rv32") != 0 || a.board == NULL) {
		return usage_error(
			"handles takes --target host, or --target rv32 --board B, not %s",
			target != NULL ? target : "--board alone");
	}
	static const struct command board_handles = {"handles", 2, true, emit_board_handles};
	a.positional[0] = pos[0];
	a.positional[1] = pos[1];
	a.out = pos[2];
	return run_board(&board_handles, &a);
}

int main(int argc, char **argv)
{
	if (argc == 2 && (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0)) {
		fputs(usage, stdout);
		return 0;
	}
	if (argc == 5 && strcmp(argv[1], "handles") == 0) {
		return cmd_handles(argv[2], argv[3], argv[4], false);
	}
	if (argc > 5 && strcmp(argv[1], "handles") == 0) {
		return cmd_handles_target(argc, argv);
	}
	for (size_t i = 0; argc >= 2 && i < sizeof(commands) / sizeof(commands[0]); i++) {
		if (strcmp(argv[1], commands[i].name) != 0) {
			continue;
		}
		struct args a = {.cmd = argv[1]};
		int status = parse(argc, argv, &commands[i], &a);
		if (status == 0) {
			status = run_board(&commands[i], &a);
		}
		free(a.inputs);
		return status;
	}
	fputs(usage, stderr);
	return 2;
}
