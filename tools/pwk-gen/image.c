/* SPDX-License-Identifier: Apache-2.0 */
/*
 * image.c — checks the inputs' loads against the target layout and writes
 * the merged ELF (rules in image.h). Layout of the output: ELF header,
 * program headers sorted by p_vaddr, each segment's bytes (offset congruent
 * to its address modulo 4), .shstrtab, then the section headers.
 */
#include "image.h"

#include <elf.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "elf_read.h"

/* Headers are read and written as the host lays the structs out. */
#if __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "pwk-gen image handles ELF32 little-endian headers in place: build it on a little-endian host"
#endif

#define SEGMENT_ALIGN 4u

static bool within(uint64_t start, uint64_t size, struct pwkgen_range r)
{
	return start >= r.start && start + size <= r.start + r.size;
}

/* One load against the two regions of its owner. */
static bool check_place(const struct pwkgen_load *l, struct pwkgen_range flash,
			struct pwkgen_range ram, const char *path, FILE *err)
{
	bool loaded = l->filesz == 0 || within(l->paddr, l->filesz, flash) ||
		      within(l->paddr, l->filesz, ram);
	bool runs = within(l->vaddr, l->memsz, flash) || within(l->vaddr, l->memsz, ram);
	if (loaded && runs) {
		return true;
	}
	fprintf(err,
		"pwk-gen: %s: PT_LOAD %u (%s 0x%08" PRIx32 "..0x%08" PRIx64 ") is outside "
		"%s's flash 0x%08" PRIx64 "..0x%08" PRIx64 " and RAM 0x%08" PRIx64 "..0x%08" PRIx64
		": link it with the script pwk-gen wrote for this system "
		"and board\n",
		path, l->index, loaded ? "runs at" : "loads at", loaded ? l->vaddr : l->paddr,
		loaded ? (uint64_t)l->vaddr + l->memsz : (uint64_t)l->paddr + l->filesz, l->owner,
		flash.start, flash.start + flash.size, ram.start, ram.start + ram.size);
	return false;
}

static bool check_overlaps(const struct pwkgen_image *img, FILE *err)
{
	bool ok = true;
	for (size_t i = 0; i < img->load_count; i++) {
		for (size_t j = 0; j < i; j++) {
			const struct pwkgen_load *a = &img->loads[i], *b = &img->loads[j];
			/* 64-bit ends: a segment may end at 4 GiB exactly. */
			bool loads = a->filesz && b->filesz &&
				     a->paddr < (uint64_t)b->paddr + b->filesz &&
				     b->paddr < (uint64_t)a->paddr + a->filesz;
			bool runs = a->vaddr < (uint64_t)b->vaddr + b->memsz &&
				    b->vaddr < (uint64_t)a->vaddr + a->memsz;
			if (!loads && !runs) {
				continue;
			}
			fprintf(err,
				"pwk-gen: PT_LOAD %u of %s (0x%08" PRIx32 ") and PT_LOAD %u of %s "
				"(0x%08" PRIx32 ") overlap where they %s: each program must be "
				"linked with its own pwk-gen script\n",
				a->index, a->owner, loads ? a->paddr : a->vaddr, b->index, b->owner,
				loads ? b->paddr : b->vaddr, loads ? "are loaded" : "run");
			ok = false;
		}
	}
	return ok;
}

/* Reads one input and checks its loads and entry; false on any problem. */
static bool read_input(struct pwkgen_image *img, const struct pwkgen_target *t,
		       const struct pwkgen_image_input *in, FILE *err)
{
	uint32_t p = in->name != NULL ? cfg_process_find(&t->sys, in->name) : PWK_NONE;
	const char *owner = in->name != NULL ? t->sys.processes[p].name : "kernel";
	size_t first = img->load_count;
	uint32_t entry = 0, flags = 0;
	if (!pwkgen_elf_read(in->path, owner, &img->files[img->file_count++], &entry, &flags, img,
			     err)) {
		return false;
	}
	struct pwkgen_range flash = p != PWK_NONE ? t->process_flash[p] : t->kernel_flash;
	struct pwkgen_range ram = p != PWK_NONE ? t->process_ram[p] : t->kernel_ram;
	bool ok = true;
	for (size_t i = first; i < img->load_count; i++) {
		ok &= check_place(&img->loads[i], flash, ram, in->path, err);
	}
	if (p == PWK_NONE) {
		img->entry = entry;
		img->flags = flags;
	} else if (entry != flash.start) {
		fprintf(err,
			"pwk-gen: %s: entry 0x%08" PRIx32 " is not the start of process %s's "
			"flash slice (0x%08" PRIx64 "): put _start in .text.entry and link with "
			"%s.ld\n",
			in->path, entry, owner, flash.start, owner);
		ok = false;
	}
	return ok;
}

/* Exactly the kernel first, then each process once. */
static bool check_inputs(const struct pwkgen_target *t, const struct pwkgen_image_input *inputs,
			 size_t count, FILE *err)
{
	bool ok = count > 0 && inputs[0].name == NULL;
	uint8_t *seen = calloc(t->sys.process_count + 1, 1);
	for (size_t i = 1; ok && i < count; i++) {
		uint32_t p = inputs[i].name ? cfg_process_find(&t->sys, inputs[i].name) : PWK_NONE;
		if (p == PWK_NONE || seen[p]++) {
			fprintf(err, "pwk-gen: %s: %s process \"%s\" in %s\n", inputs[i].path,
				p == PWK_NONE ? "no" : "a second image for",
				inputs[i].name ? inputs[i].name : "", t->path);
			ok = false;
		}
	}
	for (size_t p = 0; ok && p < t->sys.process_count; p++) {
		if (!seen[p]) {
			fprintf(err, "pwk-gen: no image for process \"%s\": pass %s=FILE.elf\n",
				t->sys.processes[p].name, t->sys.processes[p].name);
			ok = false;
		}
	}
	free(seen);
	return ok;
}

bool pwkgen_image_read(struct pwkgen_image *img, const struct pwkgen_target *t,
		       const struct pwkgen_image_input *inputs, size_t count, FILE *err)
{
	memset(img, 0, sizeof(*img));
	if (!check_inputs(t, inputs, count, err)) {
		return false;
	}
	img->files = calloc(count, sizeof(*img->files));
	bool ok = img->files != NULL;
	for (size_t i = 0; ok && i < count; i++) {
		ok = read_input(img, t, &inputs[i], err);
	}
	return ok && check_overlaps(img, err);
}

/* Sort key: address, then input order (qsort is not stable). */
static int by_vaddr(const void *a, const void *b)
{
	const struct pwkgen_load *x = *(const struct pwkgen_load *const *)a;
	const struct pwkgen_load *y = *(const struct pwkgen_load *const *)b;
	if (x->vaddr != y->vaddr) {
		return x->vaddr < y->vaddr ? -1 : 1;
	}
	return x < y ? -1 : x > y;
}

static void pad_to(FILE *out, uint32_t *pos, uint32_t target)
{
	while (*pos < target) {
		fputc(0, out);
		(*pos)++;
	}
}

static uint32_t section_flags(uint32_t p_flags)
{
	return SHF_ALLOC | ((p_flags & PF_W) ? SHF_WRITE : 0u) |
	       ((p_flags & PF_X) ? SHF_EXECINSTR : 0u);
}

/* ".kernel.0\0.initiator.0\0...\0.shstrtab\0", and each name's offset. */
static char *section_names(const struct pwkgen_load *const *l, size_t n, uint32_t *name_at,
			   uint32_t *len)
{
	size_t cap = 1 + sizeof(".shstrtab");
	for (size_t i = 0; i < n; i++) {
		cap += strlen(l[i]->owner) + 16;
	}
	char *s = calloc(cap, 1);
	uint32_t at = 1;
	for (size_t i = 0; s != NULL && i < n; i++) {
		name_at[i] = at;
		at += (uint32_t)snprintf(s + at, cap - at, ".%s.%u", l[i]->owner, l[i]->index) + 1;
	}
	name_at[n] = at;
	if (s != NULL) {
		memcpy(s + at, ".shstrtab", sizeof(".shstrtab"));
	}
	*len = at + (uint32_t)sizeof(".shstrtab");
	return s;
}

static void write_sections(FILE *out, const struct pwkgen_load *const *l, size_t n,
			   const uint32_t *offset, const uint32_t *name_at, uint32_t strtab_at,
			   uint32_t strtab_len)
{
	Elf32_Shdr sh = {0};
	fwrite(&sh, sizeof(sh), 1, out); /* SHN_UNDEF */
	for (size_t i = 0; i < n; i++) {
		sh = (Elf32_Shdr){
			.sh_name = name_at[i],
			.sh_type = l[i]->filesz ? SHT_PROGBITS : SHT_NOBITS,
			.sh_flags = section_flags(l[i]->flags),
			.sh_addr = l[i]->vaddr,
			.sh_offset = offset[i],
			.sh_size = l[i]->filesz ? l[i]->filesz : l[i]->memsz,
			.sh_addralign = l[i]->vaddr % SEGMENT_ALIGN ? 1u : SEGMENT_ALIGN,
		};
		fwrite(&sh, sizeof(sh), 1, out);
	}
	sh = (Elf32_Shdr){.sh_name = name_at[n],
			  .sh_type = SHT_STRTAB,
			  .sh_offset = strtab_at,
			  .sh_size = strtab_len,
			  .sh_addralign = 1};
	fwrite(&sh, sizeof(sh), 1, out);
}

static void write_header(FILE *out, const struct pwkgen_image *img, uint32_t phnum, uint32_t shoff)
{
	Elf32_Ehdr h = {
		.e_type = ET_EXEC,
		.e_machine = EM_RISCV,
		.e_version = EV_CURRENT,
		.e_entry = img->entry,
		.e_phoff = sizeof(Elf32_Ehdr),
		.e_shoff = shoff,
		.e_flags = img->flags,
		.e_ehsize = sizeof(Elf32_Ehdr),
		.e_phentsize = sizeof(Elf32_Phdr),
		.e_phnum = (Elf32_Half)phnum,
		.e_shentsize = sizeof(Elf32_Shdr),
		.e_shnum = (Elf32_Half)(phnum + 2),
		.e_shstrndx = (Elf32_Half)(phnum + 1),
	};
	memcpy(h.e_ident, ELFMAG, SELFMAG);
	h.e_ident[EI_CLASS] = ELFCLASS32;
	h.e_ident[EI_DATA] = ELFDATA2LSB;
	h.e_ident[EI_VERSION] = EV_CURRENT;
	h.e_ident[EI_OSABI] = ELFOSABI_NONE;
	fwrite(&h, sizeof(h), 1, out);
}

void pwkgen_image_write(FILE *out, const struct pwkgen_image *img)
{
	size_t n = img->load_count;
	const struct pwkgen_load **l = calloc(n + 1, sizeof(*l));
	uint32_t *offset = calloc(n + 1, sizeof(*offset));
	uint32_t *name_at = calloc(n + 1, sizeof(*name_at));
	for (size_t i = 0; i < n; i++) {
		l[i] = &img->loads[i];
	}
	qsort(l, n, sizeof(*l), by_vaddr);
	uint32_t pos = (uint32_t)(sizeof(Elf32_Ehdr) + n * sizeof(Elf32_Phdr));
	for (size_t i = 0; i < n; i++) {
		pos += (l[i]->vaddr - pos) % SEGMENT_ALIGN; /* offset == vaddr mod 4 */
		offset[i] = pos;
		pos += l[i]->filesz;
	}
	uint32_t strtab_len = 0, strtab_at = pos;
	char *names = section_names(l, n, name_at, &strtab_len);
	uint32_t shoff = (strtab_at + strtab_len + 3u) & ~3u;
	write_header(out, img, (uint32_t)n, shoff);
	for (size_t i = 0; i < n; i++) {
		Elf32_Phdr ph = {PT_LOAD,      offset[i],   l[i]->vaddr, l[i]->paddr,
				 l[i]->filesz, l[i]->memsz, l[i]->flags, SEGMENT_ALIGN};
		fwrite(&ph, sizeof(ph), 1, out);
	}
	pos = (uint32_t)(sizeof(Elf32_Ehdr) + n * sizeof(Elf32_Phdr));
	for (size_t i = 0; i < n; i++) {
		pad_to(out, &pos, offset[i]);
		fwrite(l[i]->data, 1, l[i]->filesz, out);
		pos += l[i]->filesz;
	}
	fwrite(names, 1, strtab_len, out);
	pos += strtab_len;
	pad_to(out, &pos, shoff);
	write_sections(out, l, n, offset, name_at, strtab_at, strtab_len);
	free(names);
	free(l);
	free(offset);
	free(name_at);
}

void pwkgen_image_free(struct pwkgen_image *img)
{
	for (size_t i = 0; img->files != NULL && i < img->file_count; i++) {
		free(img->files[i]);
	}
	free(img->files);
	free(img->loads);
	memset(img, 0, sizeof(*img));
}
