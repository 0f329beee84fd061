/* SPDX-License-Identifier: Apache-2.0 */
/*
 * image.h — `pwk-gen image`: merges the kernel ELF and every process ELF
 * (ELF32 RISC-V executables linked with pwk-gen's scripts) into one ELF32
 * a board loads: every PT_LOAD of every input, a section per segment
 * (".kernel.N", ".<process>.N": N counts the input's PT_LOADs) plus
 * .shstrtab, so that `objcopy -O verilog` and gdb read it, and the kernel's
 * entry point. Before anything is written, every load of the kernel must lie
 * in the kernel's flash or RAM, every load of a process in its flash slice
 * or RAM (p_paddr..+p_filesz for what is loaded, p_vaddr..+p_memsz for
 * where it runs), no two loads may overlap, and each process's entry must
 * be its flash start. The output depends only on the inputs.
 */
#ifndef PWKGEN_IMAGE_H
#define PWKGEN_IMAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "target.h"

/* One input: process `name` (NULL for the kernel) linked into `path`. */
struct pwkgen_image_input {
	const char *name;
	const char *path;
};

struct pwkgen_load {
	uint32_t paddr, vaddr, filesz, memsz, flags, align;
	const uint8_t *data; /* filesz bytes */
	const char *owner;   /* "kernel" or the process name */
	uint32_t index;      /* among its input's PT_LOADs */
};

struct pwkgen_image {
	uint8_t **files; /* contents of each input, owned */
	size_t file_count;
	struct pwkgen_load *loads;
	size_t load_count;
	uint32_t entry, flags; /* the kernel's e_entry and e_flags */
};

/* Reads and checks the kernel (inputs[0], name NULL) and one input per
 * process of the system, in any order. Problems are printed to `err` as
 * "pwk-gen: FILE: ..." and make it return false. */
bool pwkgen_image_read(struct pwkgen_image *img, const struct pwkgen_target *t,
		       const struct pwkgen_image_input *inputs, size_t count, FILE *err);
/* Writes the merged ELF (binary) to `out`. */
void pwkgen_image_write(FILE *out, const struct pwkgen_image *img);
void pwkgen_image_free(struct pwkgen_image *img);

#endif
