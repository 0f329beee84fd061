/*
 * board.h — `pwsim run SCENARIO --board NAME`: the same scenario file on a
 * hal-veer board image instead of the simulator (docs/boards.md). The board
 * names are the build's (SPEC: qemu-virt, veer-el2, caliptra-mcu); only
 * qemu-virt can be run by pwsim, under qemu-system-riscv32.
 *
 * The parts, by idea:
 *   board.c          the known boards and what pwsim can do with each
 *   board_image.c    which image file a scenario boots on a board
 *   board_console.c  the UART text: console lines and the kernel's pwk: lines
 *   board_run.c      the emulator as a child process, and the run's verdict
 */
#ifndef PWK_SIM_BOARD_H
#define PWK_SIM_BOARD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "scenario.h"

/* The wall-clock timeout of a board run, unless --timeout gives one:
 * BOARD_TIMEOUT_FACTOR wall seconds per second of the scenario's
 * time_limit_ms, and never less than BOARD_TIMEOUT_FLOOR_S. Under
 * `-icount shift=0` one instruction is one virtual ns and idle time is
 * skipped, so QEMU needs a few wall seconds per busy virtual second. */
#define BOARD_TIMEOUT_FACTOR  10
#define BOARD_TIMEOUT_FLOOR_S 10
#define BOARD_TIMEOUT_MAX_S   86400

struct board_profile {
	const char *name;
	const char *qemu_machine; /* NULL: pwsim cannot run it */
	const char *why_not;      /* when qemu_machine is NULL: what to do instead */
};

/* The profile called `name`, or NULL after telling `report` the known
 * names. */
const struct board_profile *board_find(const char *name, FILE *report);

/* Writes the path of the image `s` boots on `board` into `out`: `given`
 * (--image) when not NULL, else <source root>/build-rv32/scenarios/
 * <flat>.<board>.elf. False after telling `report` why there is none. */
bool board_image_find(const struct scenario *s, const char *board, const char *given, char *out,
		      size_t cap, FILE *report);

struct board_run_options {
	const struct board_profile *board;
	const char *image;
	double timeout_s; /* 0: derived from the scenario (see above) */
	FILE *console;    /* console lines; NULL = quiet */
	FILE *report;     /* pwsim's own messages */
};

/* Boots `image` under the emulator, prints its console and the end of the
 * run as a host run does, and checks s's expectations. Returns pwsim run's
 * exit status (expect.h). */
int board_run(const struct scenario *s, const struct board_run_options *o);

#endif
