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

#endif
