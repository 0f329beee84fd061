/* SPDX-License-Identifier: Apache-2.0 */
/*
 * board.h — the boards pwk-gen targets, from hal-veer/boards/board_memory.h
 * (the one list of their memory, PMP and device windows).
 */
#ifndef PWKGEN_BOARD_H
#define PWKGEN_BOARD_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct pwkgen_board {
	const char *name;
	uint64_t ram_base, ram_size;
	uint32_t pmp_entries;
	uint32_t pmp_granularity; /* G: PMP regions are multiples of 4 << G bytes */
	int id;                   /* position in PWK_BOARD_LIST */
};

/* The board called `name`, or NULL. */
const struct pwkgen_board *pwkgen_board_find(const char *name);

/* "qemu-virt, veer-el2, caliptra-mcu", for usage messages. */
void pwkgen_board_list(FILE *out);

/* Writes "uart0 0x10000000+0x1000, ..." (or "none") into buf, for messages. */
void pwkgen_board_devices(const struct pwkgen_board *b, char *buf, size_t cap);

#endif
