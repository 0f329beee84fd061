/* SPDX-License-Identifier: Apache-2.0 */
/*
 * ldscript.h — `pwk-gen ld-kernel` and `pwk-gen ld-process`: GNU ld scripts
 * that put the kernel in its flash and RAM and each process in its flash
 * slice and RAM (the layout of target.h), with the symbols the kernel's
 * start code and the process runtime (crt0_riscv.S) use.
 */
#ifndef PWKGEN_LDSCRIPT_H
#define PWKGEN_LDSCRIPT_H

#include <stdint.h>
#include <stdio.h>

#include "target.h"

void pwkgen_write_kernel_ld(FILE *out, const struct pwkgen_target *t);
/* Process `p` (index in t->sys.processes). */
void pwkgen_write_process_ld(FILE *out, const struct pwkgen_target *t, uint32_t p);

#endif
