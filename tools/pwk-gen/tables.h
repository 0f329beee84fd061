/* SPDX-License-Identifier: Apache-2.0 */
/*
 * tables.h — `pwk-gen tables`: pwk_system.c, the kernel's system
 * description plus what hal-veer needs (hal-veer/arch/veer_system.h).
 */
#ifndef PWKGEN_TABLES_H
#define PWKGEN_TABLES_H

#include <stdio.h>

#include "target.h"

/* Writes pwk_system.c for an opened target. */
void pwkgen_write_tables(FILE *out, const struct pwkgen_target *t);

#endif
