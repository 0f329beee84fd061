/* SPDX-License-Identifier: Apache-2.0 */
/*
 * elf_read.h — reads one ELF32 little-endian RISC-V executable and lists
 * its PT_LOAD segments, rejecting anything else with a message that says
 * what was expected.
 */
#ifndef PWKGEN_ELF_READ_H
#define PWKGEN_ELF_READ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "image.h"

/* Reads `path` into *bytes (malloc'd, owned by the caller even on failure)
 * and appends its non-empty PT_LOADs to img->loads with `owner`. Returns
 * false after printing "pwk-gen: PATH: ..." to `err`. */
bool pwkgen_elf_read(const char *path, const char *owner, uint8_t **bytes, uint32_t *entry,
		     uint32_t *flags, struct pwkgen_image *img, FILE *err);

#endif
