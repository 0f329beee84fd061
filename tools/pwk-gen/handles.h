/* SPDX-License-Identifier: Apache-2.0 */
/*
 * handles.h — `pwk-gen handles`: the per-process C header a userspace
 * program includes to name its handles, IRQ signals, memory mappings and
 * app constants (pw_kernel's generated `handle`, `signals`, `interrupts`,
 * `mapping` and `constants` modules, as C macros).
 */
#ifndef PWKGEN_HANDLES_H
#define PWKGEN_HANDLES_H

#include <stdbool.h>
#include <stdio.h>

#include "diag.h"
#include "system_config.h"

/* Checks that every macro name generated for process `p` is unique (two
 * names such as "IPC" and "ipc" both give HANDLE_IPC), reporting each clash
 * through `d` at the later declaration; then writes the header to `out`.
 * Returns false, writing nothing, when names clash. `source` is the
 * system.json5 path named in the header's first line. */
bool pwkgen_write_handles(FILE *out, const struct cfg_system *sys, const struct cfg_process *p,
			  const char *source, struct diag *d);

/* Where the header's MAPPING_ macros come from (`pwk-gen handles --target`):
 * host (pwsim places every region itself at run time, so the header has
 * the flash and RAM sizes only, and no device mappings: pwsim maps none),
 * or a board's layout (the app's flash and the process's RAM as pwk-gen
 * lays them out for the board; devices as written). */
struct pwkgen_handles_layout {
	bool host;
	uint64_t flash_start, flash_size; /* ignored for host */
	uint64_t ram_start, ram_size;
};

/* pwkgen_write_handles with the mappings of `layout`. */
bool pwkgen_write_handles_for(FILE *out, const struct cfg_system *sys, const struct cfg_process *p,
			      const struct pwkgen_handles_layout *layout, const char *source,
			      struct diag *d);

#endif
