/*
 * loader.c — process images into regions.
 *
 * Layout rule: every non-writable PT_LOAD (code, constants) goes to the
 * region's flash, every writable one (data, bss) to its RAM, keeping the
 * distances the linker chose (position-independent code addresses its data
 * relative to itself). So the image is placed at
 *     base = ram_start - page_floor(first writable vaddr)
 * and must then fit: its read-only part inside flash, its writable part
 * inside RAM. Relocation: R_X86_64_RELATIVE only (what -static-pie emits).
 */
#include "loader.h"

#include <elf.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PAGE            4096u
#define IMAGE_MAX_BYTES (64u * 1024u * 1024u)
#define SEGMENTS_MAX    16

static bool fail(char *err, size_t cap, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static bool fail(char *err, size_t cap, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err, cap, fmt, ap);
	va_end(ap);
	return false;
}

/* true when [off, off+size) lies inside [0, len). */
static bool in_bounds(uint64_t off, uint64_t size, uint64_t len)
{
	return off <= len && size <= len - off;
}

static bool check_header(const Elf64_Ehdr *eh, size_t len, char *err, size_t cap)
{
	if (len < EI_NIDENT || memcmp(eh->e_ident, ELFMAG, SELFMAG) != 0) {
		return fail(err, cap,
			    "not an ELF file (build process images with the "
			    "pwk userspace flags, see docs/user-guide.md)");
	}
	if (eh->e_ident[EI_CLASS] == ELFCLASS32) {
		return fail(err, cap,
			    "32-bit ELF (a VeeR/RISC-V image?): the host simulator "
			    "needs the x86-64 build of the process");
	}
	if (len < sizeof(*eh) || eh->e_ident[EI_CLASS] != ELFCLASS64 ||
	    eh->e_ident[EI_DATA] != ELFDATA2LSB) {
		return fail(err, cap, "not a 64-bit little-endian ELF file");
	}
	if (eh->e_machine != EM_X86_64) {
		return fail(err, cap, "ELF machine %u is not x86-64", (unsigned)eh->e_machine);
	}
	if (eh->e_type == ET_EXEC) {
		return fail(err, cap,
			    "not position independent (ET_EXEC): link with "
			    "-static-pie as userspace/meson.build does");
	}
	if (eh->e_type != ET_DYN) {
		return fail(err, cap, "ELF type %u is not a PIE executable", (unsigned)eh->e_type);
	}
	if (eh->e_phentsize != sizeof(Elf64_Phdr) || eh->e_phnum == 0 || eh->e_phoff % 8 != 0 ||
	    !in_bounds(eh->e_phoff, (uint64_t)eh->e_phnum * sizeof(Elf64_Phdr), len)) {
		return fail(err, cap, "program header table is missing or truncated");
	}
	return true;
}

struct layout {
	const Elf64_Phdr *loads[SEGMENTS_MAX];
	size_t load_count;
	const Elf64_Phdr *dynamic;
	uint64_t rw_floor; /* page floor of the first writable vaddr */
	uint64_t ro_end, rw_end;
};

static bool collect_segments(const Elf64_Ehdr *eh, const uint8_t *bytes, size_t len,
			     struct layout *l, char *err, size_t cap)
{
	const Elf64_Phdr *ph = (const Elf64_Phdr *)(bytes + eh->e_phoff);
	uint64_t first_rw = UINT64_MAX;
	memset(l, 0, sizeof(*l));
	for (size_t i = 0; i < eh->e_phnum; i++) {
		const Elf64_Phdr *p = &ph[i];
		if (p->p_type == PT_INTERP) {
			return fail(err, cap,
				    "image asks for a dynamic loader (PT_INTERP): link "
				    "with -static-pie -nostdlib");
		}
		if (p->p_type == PT_DYNAMIC) {
			l->dynamic = p;
		}
		if (p->p_type != PT_LOAD) {
			continue;
		}
		if (l->load_count == SEGMENTS_MAX) {
			return fail(err, cap, "more than %d loadable segments", SEGMENTS_MAX);
		}
		if (p->p_filesz > p->p_memsz || !in_bounds(p->p_offset, p->p_filesz, len) ||
		    p->p_vaddr > UINT32_MAX || p->p_memsz > UINT32_MAX) {
			return fail(err, cap, "segment %zu lies outside the file or is too large",
				    i);
		}
		if (p->p_align > PAGE) {
			return fail(err, cap,
				    "segment %zu needs %llu-byte alignment; link with "
				    "-z max-page-size=4096",
				    i, (unsigned long long)p->p_align);
		}
		if ((p->p_flags & PF_W) && p->p_vaddr < first_rw) {
			first_rw = p->p_vaddr;
		}
		l->loads[l->load_count++] = p;
	}
	if (l->load_count == 0) {
		return fail(err, cap, "image has no loadable segment");
	}
	l->rw_floor = UINT64_MAX;
	for (size_t i = 0; i < l->load_count; i++) {
		const Elf64_Phdr *p = l->loads[i];
		uint64_t end = p->p_vaddr + p->p_memsz;
		if (p->p_flags & PF_W) {
			l->rw_end = end > l->rw_end ? end : l->rw_end;
		} else {
			l->ro_end = end > l->ro_end ? end : l->ro_end;
		}
	}
	l->rw_floor = first_rw == UINT64_MAX ? (l->ro_end + PAGE - 1) / PAGE * PAGE
					     : first_rw / PAGE * PAGE;
	if (l->ro_end > l->rw_floor) {
		return fail(err, cap,
			    "read-only segments overlap the page of the first writable "
			    "one; link with -z noseparate-code -z norelro");
	}
	if (l->rw_end < l->rw_floor) {
		l->rw_end = l->rw_floor;
	}
	return true;
}

static bool place(const struct host_region *r, const struct layout *l, uintptr_t *base, char *err,
		  size_t cap)
{
	if (l->rw_floor > r->flash_size) {
		return fail(err, cap,
			    "code and constants need %llu bytes but the region's flash "
			    "has %zu: raise flash_size_bytes in system.json5",
			    (unsigned long long)l->rw_floor, r->flash_size);
	}
	uint64_t ram_need = l->rw_end - l->rw_floor;
	if (ram_need > r->ram_size) {
		return fail(err, cap,
			    "data and bss need %llu bytes but the process has %zu bytes "
			    "of RAM: raise ram_size_bytes in system.json5",
			    (unsigned long long)ram_need, r->ram_size);
	}
	*base = r->user_base + r->flash_size - (uintptr_t)l->rw_floor;
	return true;
}

static void copy_segments(struct host_region *r, const uint8_t *bytes, const struct layout *l,
			  uintptr_t base)
{
	for (size_t i = 0; i < l->load_count; i++) {
		const Elf64_Phdr *p = l->loads[i];
		uint8_t *dst = host_region_kernel_ptr(r, base + p->p_vaddr);
		memcpy(dst, bytes + p->p_offset, p->p_filesz);
		memset(dst + p->p_filesz, 0, p->p_memsz - p->p_filesz);
	}
}

/* Is [vaddr, vaddr+size) inside a loaded segment (file or bss part)? */
static bool image_contains(const struct layout *l, uint64_t vaddr, uint64_t size)
{
	for (size_t i = 0; i < l->load_count; i++) {
		const Elf64_Phdr *p = l->loads[i];
		if (vaddr >= p->p_vaddr && in_bounds(vaddr - p->p_vaddr, size, p->p_memsz)) {
			return true;
		}
	}
	return false;
}

/* Finds DT_RELA/DT_RELASZ and applies R_X86_64_RELATIVE entries. The
 * dynamic section and the relocation table are read from the file. */
static bool relocate(struct host_region *r, const uint8_t *bytes, size_t len,
		     const struct layout *l, uintptr_t base, char *err, size_t cap)
{
	if (l->dynamic == NULL) {
		return true; /* nothing to relocate */
	}
	const Elf64_Phdr *d = l->dynamic;
	if (d->p_offset % 8 != 0 || !in_bounds(d->p_offset, d->p_filesz, len)) {
		return fail(err, cap, "dynamic section lies outside the file");
	}
	const Elf64_Dyn *dyn = (const Elf64_Dyn *)(bytes + d->p_offset);
	size_t dyn_count = d->p_filesz / sizeof(Elf64_Dyn);
	uint64_t rela = 0, rela_size = 0, rela_ent = sizeof(Elf64_Rela);
	for (size_t i = 0; i < dyn_count && dyn[i].d_tag != DT_NULL; i++) {
		switch (dyn[i].d_tag) {
		case DT_RELA:
			rela = dyn[i].d_un.d_ptr;
			break;
		case DT_RELASZ:
			rela_size = dyn[i].d_un.d_val;
			break;
		case DT_RELAENT:
			rela_ent = dyn[i].d_un.d_val;
			break;
		case DT_REL:
		case DT_RELR:
		case DT_JMPREL:
		case DT_NEEDED:
			return fail(err, cap,
				    "image needs dynamic linking (tag %lld): link with "
				    "-static-pie -nostdlib -fvisibility=hidden",
				    (long long)dyn[i].d_tag);
		default:
			break;
		}
	}
	if (rela_size == 0) {
		return true;
	}
	if (rela_ent != sizeof(Elf64_Rela) || rela_size % sizeof(Elf64_Rela) != 0) {
		return fail(err, cap, "malformed relocation table");
	}
	/* The table is in a loaded segment; find it in the file through it. */
	const uint8_t *table = NULL;
	for (size_t i = 0; i < l->load_count; i++) {
		const Elf64_Phdr *p = l->loads[i];
		if (rela >= p->p_vaddr && in_bounds(rela - p->p_vaddr, rela_size, p->p_filesz)) {
			table = bytes + p->p_offset + (rela - p->p_vaddr);
		}
	}
	if (table == NULL) {
		return fail(err, cap, "relocation table lies outside the loaded segments");
	}
	for (uint64_t off = 0; off < rela_size; off += sizeof(Elf64_Rela)) {
		Elf64_Rela rel;
		memcpy(&rel, table + off, sizeof(rel));
		uint32_t type = (uint32_t)ELF64_R_TYPE(rel.r_info);
		if (type == R_X86_64_NONE) {
			continue;
		}
		if (type != R_X86_64_RELATIVE) {
			return fail(err, cap,
				    "unsupported relocation type %u: process images must "
				    "be self-contained (-static-pie, hidden visibility)",
				    type);
		}
		if (!image_contains(l, rel.r_offset, sizeof(uint64_t))) {
			return fail(err, cap, "relocation at %#llx lies outside the image",
				    (unsigned long long)rel.r_offset);
		}
		uint64_t value = (uint64_t)base + (uint64_t)rel.r_addend;
		memcpy(host_region_kernel_ptr(r, base + rel.r_offset), &value, sizeof(value));
	}
	return true;
}

static bool entry_is_code(const struct layout *l, uint64_t entry)
{
	for (size_t i = 0; i < l->load_count; i++) {
		const Elf64_Phdr *p = l->loads[i];
		if ((p->p_flags & PF_X) && entry >= p->p_vaddr &&
		    entry - p->p_vaddr < p->p_filesz) {
			return true;
		}
	}
	return false;
}

bool host_loader_load(struct host_region *r, const uint8_t *bytes, size_t len,
		      struct host_image_info *info, char *err, size_t err_cap)
{
	const Elf64_Ehdr *eh = (const Elf64_Ehdr *)bytes;
	struct layout l;
	uintptr_t base = 0;
	if (!check_header(eh, len, err, err_cap) ||
	    !collect_segments(eh, bytes, len, &l, err, err_cap) ||
	    !place(r, &l, &base, err, err_cap)) {
		return false;
	}
	if (!entry_is_code(&l, eh->e_entry)) {
		return fail(err, err_cap, "entry point %#llx is not in an executable segment",
			    (unsigned long long)eh->e_entry);
	}
	/* Start from zeroed memory so a reload leaves nothing of an earlier image. */
	memset(r->kernel_base, 0, r->flash_size + r->ram_size);
	copy_segments(r, bytes, &l, base);
	if (!relocate(r, bytes, len, &l, base, err, err_cap)) {
		return false;
	}
	/* Keep the initial RAM image: a restarted process gets it back
	 * (hal_process_starting), as its start-up code would copy .data. */
	free(r->initial_ram);
	r->initial_ram_len = (size_t)(l.rw_end - l.rw_floor);
	r->initial_ram = malloc(r->initial_ram_len ? r->initial_ram_len : 1);
	memcpy(r->initial_ram, r->kernel_base + r->flash_size, r->initial_ram_len);
	info->entry = base + eh->e_entry;
	info->load_base = base;
	info->flash_used = (uintptr_t)l.ro_end;
	info->ram_used = (uintptr_t)(l.rw_end - l.rw_floor);
	return true;
}

bool host_image_read(const char *path, struct host_image_file *file, char *err, size_t err_cap)
{
	*file = (struct host_image_file){0};
	FILE *f = fopen(path, "rb");
	if (f == NULL) {
		return fail(err, err_cap, "%s: cannot open: %s", path, strerror(errno));
	}
	uint8_t *bytes = malloc(IMAGE_MAX_BYTES);
	size_t len = bytes ? fread(bytes, 1, IMAGE_MAX_BYTES, f) : 0;
	bool too_big = bytes && len == IMAGE_MAX_BYTES && fgetc(f) != EOF;
	fclose(f);
	if (bytes == NULL || too_big) {
		free(bytes);
		return bytes == NULL ? fail(err, err_cap, "%s: out of memory", path)
				     : fail(err, err_cap, "%s: larger than %u MiB", path,
					    IMAGE_MAX_BYTES >> 20);
	}
	/* An exactly sized copy, so that ASan sees reads past the end. */
	file->bytes = malloc(len ? len : 1);
	if (file->bytes != NULL) {
		memcpy(file->bytes, bytes, len);
		file->len = len;
	}
	free(bytes);
	return file->bytes != NULL ? true : fail(err, err_cap, "%s: out of memory", path);
}

void host_image_file_free(struct host_image_file *file)
{
	free(file->bytes);
	*file = (struct host_image_file){0};
}

bool host_loader_load_file(struct host_region *r, const char *path, struct host_image_info *info,
			   char *err, size_t err_cap)
{
	struct host_image_file file;
	if (!host_image_read(path, &file, err, err_cap)) {
		return false;
	}
	char why[256];
	bool ok = host_loader_load(r, file.bytes, file.len, info, why, sizeof(why));
	host_image_file_free(&file);
	return ok ? true : fail(err, err_cap, "%s: %s", path, why);
}
