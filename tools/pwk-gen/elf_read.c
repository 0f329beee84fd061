/* SPDX-License-Identifier: Apache-2.0 */
/*
 * elf_read.c — ELF32 input for `pwk-gen image`, with glibc's <elf.h>.
 * Every offset and size is checked against the file before it is used.
 */
#include "elf_read.h"

#include <elf.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

static uint8_t *slurp(const char *path, size_t *len, FILE *err)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL) {
		fprintf(err, "pwk-gen: %s: cannot open: %s\n", path, strerror(errno));
		return NULL;
	}
	size_t cap = 1 << 16, n = 0;
	uint8_t *buf = malloc(cap);
	while (buf != NULL) {
		n += fread(buf + n, 1, cap - n, f);
		if (n < cap) {
			break;
		}
		cap *= 2;
		uint8_t *bigger = realloc(buf, cap);
		if (bigger == NULL) {
			free(buf);
		}
		buf = bigger;
	}
	bool failed = ferror(f) != 0 || buf == NULL;
	fclose(f);
	if (failed) {
		fprintf(err, "pwk-gen: %s: cannot read it\n", path);
		free(buf);
		return NULL;
	}
	*len = n;
	return buf;
}

static bool check_header(const char *path, const Elf32_Ehdr *h, size_t len, FILE *err)
{
	const char *why = NULL;
	if (len < sizeof(*h) || memcmp(h->e_ident, ELFMAG, SELFMAG) != 0) {
		why = "not an ELF file";
	} else if (h->e_ident[EI_CLASS] != ELFCLASS32 || h->e_ident[EI_DATA] != ELFDATA2LSB) {
		why = "not a 32-bit little-endian ELF (link with -march=rv32imc -mabi=ilp32)";
	} else if (h->e_machine != EM_RISCV) {
		why = "not a RISC-V ELF";
	} else if (h->e_type != ET_EXEC) {
		why = "not an executable (ET_EXEC): link it with its pwk-gen linker script";
	} else if (h->e_phentsize != sizeof(Elf32_Phdr) || h->e_phoff > len ||
		   (len - h->e_phoff) / sizeof(Elf32_Phdr) < h->e_phnum) {
		why = "its program headers lie outside the file";
	}
	if (why != NULL) {
		fprintf(err, "pwk-gen: %s: %s\n", path, why);
		return false;
	}
	return true;
}

static bool add_load(struct pwkgen_image *img, const struct pwkgen_load *l)
{
	struct pwkgen_load *more = realloc(img->loads, (img->load_count + 1) * sizeof(*img->loads));
	if (more == NULL) {
		return false;
	}
	img->loads = more;
	img->loads[img->load_count++] = *l;
	return true;
}

bool pwkgen_elf_read(const char *path, const char *owner, uint8_t **bytes, uint32_t *entry,
		     uint32_t *flags, struct pwkgen_image *img, FILE *err)
{
	size_t len = 0;
	*bytes = slurp(path, &len, err);
	if (*bytes == NULL) {
		return false;
	}
	Elf32_Ehdr h;
	memcpy(&h, *bytes, len < sizeof(h) ? len : sizeof(h));
	if (!check_header(path, &h, len, err)) {
		return false;
	}
	*entry = h.e_entry;
	*flags = h.e_flags;
	uint32_t index = 0;
	for (uint32_t i = 0; i < h.e_phnum; i++) {
		Elf32_Phdr ph;
		memcpy(&ph, *bytes + h.e_phoff + i * sizeof(ph), sizeof(ph));
		if (ph.p_type != PT_LOAD) {
			continue;
		}
		if (ph.p_offset > len || len - ph.p_offset < ph.p_filesz ||
		    ph.p_filesz > ph.p_memsz) {
			fprintf(err,
				"pwk-gen: %s: PT_LOAD %u lies outside the file or loads more "
				"than it occupies\n",
				path, index);
			return false;
		}
		/* A segment that loads no bytes is placed where it runs: a loader
		 * that zero-fills it at p_paddr must not write into flash. */
		struct pwkgen_load l = {
			.paddr = ph.p_filesz != 0 ? ph.p_paddr : ph.p_vaddr,
			.vaddr = ph.p_vaddr,
			.filesz = ph.p_filesz,
			.memsz = ph.p_memsz,
			.flags = ph.p_flags,
			.align = ph.p_align,
			.data = *bytes + ph.p_offset,
			.owner = owner,
			.index = index++,
		};
		if (ph.p_memsz > 0 && !add_load(img, &l)) {
			fprintf(err, "pwk-gen: out of memory\n");
			return false;
		}
	}
	return true;
}
