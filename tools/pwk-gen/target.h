/* SPDX-License-Identifier: Apache-2.0 */
/*
 * target.h — one system.json5 laid out on one hal-veer board: what every
 * subcommand but `handles` starts from. Opening a target loads the file,
 * places it (--place config|board), runs every board-fit check (reported as
 * path:line:col: error: at the offending field), and builds the kernel's
 * system description and each process's PMP image.
 *
 * Target layout (docs/generator.md):
 *  - --place config: the kernel's addresses as written and pw_kernel's
 *    assignment of apps' flash and processes' RAM (config/system_layout.c);
 *  - --place board: the same sizes packed from the board's memory base:
 *    kernel flash, apps' flash (align 4), kernel RAM (align 32), processes'
 *    RAM (align 32);
 *  - every process is linked on its own: an app's flash is split evenly,
 *    process i of n getting slice i (32-byte aligned, a multiple of 32
 *    bytes); a single-process app's process gets the whole app flash.
 */
#ifndef PWKGEN_TARGET_H
#define PWKGEN_TARGET_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "board.h"
#include "diag.h"
#include "json5.h"
#include "pmp.h"
#include "system_config.h"
#include "system_desc.h"

/* Bytes below the kernel RAM's end kept for the boot/trap stack. */
#define PWKGEN_KERNEL_BOOT_STACK 1024u
/* Kernel stacks are 16-byte aligned and sized (RISC-V psABI). */
#define PWKGEN_KSTACK_ALIGN      16u

enum pwkgen_place {
	PWKGEN_PLACE_CONFIG,
	PWKGEN_PLACE_BOARD,
};

struct pwkgen_range {
	uint64_t start, size;
};

struct pwkgen_target {
	const char *path; /* as given: named in generated files and messages */
	const struct pwkgen_board *board;
	enum pwkgen_place place;
	struct diag d;
	struct json5_doc doc; /* kept to point messages at fields */
	struct cfg_system sys;
	bool sys_loaded;
	struct pwkgen_range kernel_flash, kernel_ram;
	struct pwkgen_range *app_flash;     /* [app_count] */
	struct pwkgen_range *process_flash; /* [process_count]: its slice */
	struct pwkgen_range *process_ram;   /* [process_count] */
	struct cfg_process_placement *placement;
	struct cfg_system_desc desc;
	struct pwkgen_pmp *pmp; /* [process_count] */
};

/* Loads `path` and lays it out on `board`; diagnostics go to `diag_out`.
 * Returns false when anything is wrong (every problem reported); the
 * target must be closed either way. */
bool pwkgen_target_open(struct pwkgen_target *t, const char *path, const struct pwkgen_board *board,
			enum pwkgen_place place, FILE *diag_out);
void pwkgen_target_close(struct pwkgen_target *t);

/* Stages of pwkgen_target_open, in their order (layout.c, fit.c). Each
 * reports through t->d and returns false on an error. */
bool pwkgen_layout(struct pwkgen_target *t);
bool pwkgen_fit_check(struct pwkgen_target *t);
bool pwkgen_pmp_check(struct pwkgen_target *t);

/* Reports an error at member `key` of the system.json5 object that starts
 * at `at` (at the object itself when it has no such member). */
void pwkgen_error_at(struct pwkgen_target *t, struct cfg_pos at, const char *key, const char *fmt,
		     ...) __attribute__((format(printf, 4, 5)));

#endif
