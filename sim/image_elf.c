/* SPDX-License-Identifier: Apache-2.0 */
/*
 * image_elf.c — see image_elf.h. The loader (hal-host/loader.c) has already
 * validated the program headers when these run; here only section headers
 * and the symbol table are read, each bounds-checked against the file.
 */
#include "image_elf.h"

#include <elf.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

struct elf_file {
	const uint8_t *bytes;
	size_t len;
	const Elf64_Ehdr *eh;
	const Elf64_Shdr *sh; /* eh->e_shnum entries, bounds-checked */
};

static bool in_file(const struct elf_file *f, uint64_t off, uint64_t size)
{
	return off <= f->len && size <= f->len - off;
}

static bool elf_open(struct elf_file *f, const struct host_image_file *file)
{
	*f = (struct elf_file){.bytes = file->bytes, .len = file->len};
	f->eh = (const Elf64_Ehdr *)f->bytes;
	if (f->len < sizeof(Elf64_Ehdr) || memcmp(f->bytes, ELFMAG, SELFMAG) != 0 ||
	    f->eh->e_ident[EI_CLASS] != ELFCLASS64 || f->eh->e_shentsize != sizeof(Elf64_Shdr) ||
	    f->eh->e_shoff % 8 != 0 ||
	    !in_file(f, f->eh->e_shoff, (uint64_t)f->eh->e_shnum * sizeof(Elf64_Shdr))) {
		return false;
	}
	f->sh = (const Elf64_Shdr *)(f->bytes + f->eh->e_shoff);
	return true;
}

/* The NUL-terminated string at `off` of string table section `index`. */
static const char *elf_string(const struct elf_file *f, size_t index, uint64_t off)
{
	if (index >= f->eh->e_shnum || !in_file(f, f->sh[index].sh_offset, f->sh[index].sh_size) ||
	    off >= f->sh[index].sh_size) {
		return "";
	}
	const char *s = (const char *)f->bytes + f->sh[index].sh_offset + off;
	return memchr(s, '\0', f->sh[index].sh_size - off) != NULL ? s : "";
}

static const char *section_name(const struct elf_file *f, const Elf64_Shdr *s)
{
	return elf_string(f, f->eh->e_shstrndx, s->sh_name);
}

/* Calls `visit` for every symbol of every symbol table, in file order,
 * until it returns false. False when the file has no symbol table. */
static bool walk_symbols(const struct elf_file *f,
			 bool (*visit)(void *ctx, const char *name, const Elf64_Sym *sym),
			 void *ctx)
{
	bool has_symtab = false;
	for (size_t i = 0; i < f->eh->e_shnum; i++) {
		const Elf64_Shdr *s = &f->sh[i];
		if (s->sh_type != SHT_SYMTAB || s->sh_offset % 8 != 0 ||
		    !in_file(f, s->sh_offset, s->sh_size)) {
			continue;
		}
		has_symtab = true;
		const Elf64_Sym *syms = (const Elf64_Sym *)(f->bytes + s->sh_offset);
		for (size_t k = 0; k < s->sh_size / sizeof(Elf64_Sym); k++) {
			if (!visit(ctx, elf_string(f, s->sh_link, syms[k].st_name), &syms[k])) {
				return true;
			}
		}
	}
	return has_symtab;
}

/* What the symbol table says about the counter: the address of
 * __sanitizer_cov_trace_pc (0: none) and whether gcov counters exist. */
struct counter_symbols {
	uint64_t trace_pc;
	bool gcov_counters;
};

static bool visit_counter_symbol(void *ctx, const char *name, const Elf64_Sym *sym)
{
	struct counter_symbols *c = ctx;
	if (strcmp(name, "__sanitizer_cov_trace_pc") == 0) {
		c->trace_pc = sym->st_value;
	}
	c->gcov_counters |= strncmp(name, "__gcov0.", 8) == 0;
	return true;
}

/* Whether executable code calls `target` (x86-64 `call rel32`, e8 xx xx xx
 * xx): instrumented code calls the hook at every block; the runtime never. */
static bool calls(const struct elf_file *f, uint64_t target)
{
	for (size_t i = 0; target != 0 && i < f->eh->e_shnum; i++) {
		const Elf64_Shdr *s = &f->sh[i];
		if (!(s->sh_flags & SHF_EXECINSTR) || s->sh_type != SHT_PROGBITS ||
		    !in_file(f, s->sh_offset, s->sh_size)) {
			continue;
		}
		const uint8_t *code = f->bytes + s->sh_offset;
		for (size_t k = 0; k + 5 <= s->sh_size; k++) {
			int32_t rel;
			memcpy(&rel, code + k + 1, sizeof(rel));
			if (code[k] == 0xe8 &&
			    s->sh_addr + k + 5 + (uint64_t)(int64_t)rel == target) {
				return true;
			}
		}
	}
	return false;
}

bool sim_image_counts_blocks(const struct host_image_file *file, char *err, size_t err_cap)
{
	struct elf_file f;
	if (!elf_open(&f, file)) {
		return true; /* the loader has reported what is wrong with it */
	}
	struct counter_symbols c = {0};
	bool has_symtab = walk_symbols(&f, visit_counter_symbol, &c);
	bool trace_pc = calls(&f, c.trace_pc);
	if (!has_symtab || (trace_pc && c.gcov_counters)) {
		return true;
	}
	snprintf(err, err_cap,
		 "its code does not count basic blocks (%s%s%s missing): compile process code "
		 "with " SIM_IMAGE_COUNTER_FLAGS " (pkg-config --cflags pwk-user-host), or pass "
		 "--allow-uncounted to run it anyway (only the watchdog can stop it then)",
		 trace_pc ? "" : "-fsanitize-coverage=trace-pc",
		 !trace_pc && !c.gcov_counters ? ", " : "",
		 c.gcov_counters ? "" : "-fprofile-arcs -fprofile-update=single");
	return false;
}

bool sim_image_write_gdb_symbols(FILE *out, const char *path, const struct host_image_file *file,
				 uintptr_t load_base)
{
	struct elf_file f;
	char real[PATH_MAX];
	if (!elf_open(&f, file) || realpath(path, real) == NULL) {
		return false;
	}
	uint64_t text = 0;
	for (size_t i = 0; i < f.eh->e_shnum; i++) {
		if (strcmp(section_name(&f, &f.sh[i]), ".text") == 0) {
			text = f.sh[i].sh_addr;
		}
	}
	fprintf(out, "add-symbol-file %s 0x%llx", real, (unsigned long long)(load_base + text));
	for (size_t i = 0; i < f.eh->e_shnum; i++) {
		const char *name = section_name(&f, &f.sh[i]);
		/* The sections gdb needs for variables and constants. */
		bool wanted = strcmp(name, ".rodata") == 0 || strcmp(name, ".data") == 0 ||
			      strcmp(name, ".bss") == 0;
		if (wanted && (f.sh[i].sh_flags & SHF_ALLOC)) {
			fprintf(out, " -s %s 0x%llx", name,
				(unsigned long long)(load_base + f.sh[i].sh_addr));
		}
	}
	fputc('\n', out);
	return true;
}

struct symbol_lookup {
	const char *name;
	const Elf64_Sym *found;
};

static bool visit_looked_up(void *ctx, const char *name, const Elf64_Sym *sym)
{
	struct symbol_lookup *l = ctx;
	if (strcmp(name, l->name) == 0) {
		l->found = sym;
	}
	return l->found == NULL; /* the first one */
}

bool sim_image_symbol(const char *path, const char *name, uint64_t *value, uint64_t *size,
		      uint64_t *entry)
{
	struct host_image_file file;
	struct elf_file f;
	char err[256];
	if (!host_image_read(path, &file, err, sizeof(err)) || !elf_open(&f, &file)) {
		host_image_file_free(&file);
		return false;
	}
	struct symbol_lookup l = {.name = name};
	walk_symbols(&f, visit_looked_up, &l);
	if (l.found != NULL) {
		*value = l.found->st_value;
		*size = l.found->st_size;
	}
	*entry = f.eh->e_entry;
	host_image_file_free(&file);
	return l.found != NULL;
}
