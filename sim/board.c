/*
 * board.c — the boards a scenario can be built for (SPEC.md, "Boards") and
 * which of them pwsim can run. The names are the cross build's.
 */
#include "board.h"

#include <string.h>

static const struct board_profile boards[] = {
	{.name = "qemu-virt", .qemu_machine = "virt"},
	{.name = "veer-el2", .why_not = "run it on a verilated VeeR EL2 model, see docs/boards.md"},
	{.name = "caliptra-mcu",
	 .why_not = "it is a build-only target (OpenPRoT's memory map), see docs/boards.md"},
};

#define BOARD_COUNT (sizeof(boards) / sizeof(boards[0]))

const struct board_profile *board_find(const char *name, FILE *report)
{
	for (size_t i = 0; i < BOARD_COUNT; i++) {
		if (strcmp(boards[i].name, name) == 0) {
			return &boards[i];
		}
	}
	fprintf(report, "pwsim: unknown board '%s' (known:", name);
	for (size_t i = 0; i < BOARD_COUNT; i++) {
		fprintf(report, " %s", boards[i].name);
	}
	fprintf(report, ")\n");
	return NULL;
}
