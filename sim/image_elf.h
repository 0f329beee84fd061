/* SPDX-License-Identifier: Apache-2.0 */
/*
 * image_elf.h — what pwsim reads from a process image's ELF file beyond what
 * the loader needs: whether its code counts basic blocks (deterministic
 * preemption depends on it), and where its sections are, for gdb.
 */
#ifndef PWK_SIM_IMAGE_ELF_H
#define PWK_SIM_IMAGE_ELF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "host.h" /* hal-host: struct host_image_file */

/* The flags process code needs for hal-host's basic-block counter (what
 * `pkg-config --cflags pwk-user-host` and userspace/meson.build give). */
#define SIM_IMAGE_COUNTER_FLAGS                                                                    \
	"-fsanitize-coverage=trace-pc -fprofile-arcs -fprofile-update=single"

/* These read `file`, the image's bytes as read for the loader
 * (host_image_read), so that a load reads each image file once. */

/* Whether the image `file` was compiled with SIM_IMAGE_COUNTER_FLAGS:
 * its code calls __sanitizer_cov_trace_pc and it has gcov edge counters
 * (__gcov0.* symbols; the runtime itself has neither). False with a sentence
 * in `err` naming the missing flags. An image without a symbol table
 * (stripped) cannot be told apart and passes. */
bool sim_image_counts_blocks(const struct host_image_file *file, char *err, size_t err_cap);

/* Writes gdb's `add-symbol-file PATH TEXT -s SECTION ADDR...` line for the
 * image `file`, read from `path`, whose vaddr 0 was loaded at `load_base`.
 * False when the file cannot be read as an ELF file. */
bool sim_image_write_gdb_symbols(FILE *out, const char *path, const struct host_image_file *file,
				 uintptr_t load_base);

/* The value (vaddr) and size of symbol `name` in the image at `path` (read
 * here: pwsim fuzz looks its driver's input up once per session), and
 * the image's entry vaddr (the loader reports where the entry landed, so
 * value - entry + loaded entry is the symbol's address). */
bool sim_image_symbol(const char *path, const char *name, uint64_t *value, uint64_t *size,
		      uint64_t *entry);

#endif
