/* SPDX-License-Identifier: Apache-2.0 */
/*
 * handles.c — builds the list of macros for one process, checks that their
 * names are unique, and prints them in sections:
 *   HANDLE_<OBJECT>            index in the process's object table ("u")
 *   PROCESS_INDEX_IN_APP       the process's index in its app (a0 at start)
 *   SIGNAL_<IRQ> / IRQ_<IRQ>   PWK_SIGNAL_INTERRUPT(k) and the IRQ number
 *   MAPPING_<NAME>_START_ADDRESS / _SIZE   flash, ram, then memory_mappings
 *   CONSTANT_<NAME>            the app's constants as C literals
 * Names are upper-cased with every other character made '_'
 * (cfg_constant_name). Addresses are pw_kernel's assignment (system_layout);
 * on hal-host a process's regions live wherever the simulator maps them.
 */
#include "handles.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "c_literal.h"

enum section {
	SECTION_HANDLES,
	SECTION_PROCESS,
	SECTION_INTERRUPTS,
	SECTION_MAPPINGS,
	SECTION_CONSTANTS,
	SECTION_COUNT,
};

static const char *const section_comments[SECTION_COUNT] = {
	"Handles: indexes into this process's object table (declaration order, the\n"
	" * process's own `process` object last).",
	"Index of this process in its app's `processes` (a0 of its main thread).",
	"Interrupts: the signal each IRQ raises on its interrupt object, and its number.",
	"Memory mappings: app flash, process RAM, then memory_mappings (pw_kernel's\n"
	" * address assignment).",
	"App constants.",
};

struct define {
	char *name, *value;
	enum section section;
	const char *what; /* "object \"ipc\"", for clash messages */
	struct cfg_pos pos;
};

struct define_list {
	struct define *items;
	size_t count, cap;
	bool needs_abi, needs_stdbool;
};

static void *xalloc(void *p)
{
	if (p == NULL) {
		fputs("pwk-gen: out of memory\n", stderr);
		exit(1);
	}
	return p;
}

static char *name_of(const char *prefix, const char *name, const char *suffix)
{
	size_t n = cfg_constant_name(prefix, name, NULL, 0) + strlen(suffix);
	char *s = xalloc(malloc(n + 1));
	cfg_constant_name(prefix, name, s, n + 1);
	strcat(s, suffix);
	return s;
}

static char *printed(const char *fmt, uint64_t v)
{
	char buf[64];
	snprintf(buf, sizeof(buf), fmt, v);
	return xalloc(strdup(buf));
}

static void add(struct define_list *l, enum section section, char *name, char *value,
		const char *what, struct cfg_pos pos)
{
	if (l->count == l->cap) {
		l->cap = l->cap != 0 ? l->cap * 2 : 32;
		l->items = xalloc(realloc(l->items, l->cap * sizeof(*l->items)));
	}
	l->items[l->count++] = (struct define){name, xalloc(value), section, what, pos};
}

static void add_mapping(struct define_list *l, const char *name, uint64_t start, uint64_t size,
			struct cfg_pos pos)
{
	add(l, SECTION_MAPPINGS, name_of("MAPPING_", name, "_START_ADDRESS"),
	    printed("0x%08" PRIx64 "u", start), name, pos);
	add(l, SECTION_MAPPINGS, name_of("MAPPING_", name, "_SIZE"),
	    printed("0x%" PRIx64 "u", size), name, pos);
}

/* The MAPPING_ macros of `p` as `layout` says (handles.h). */
static void add_mappings(struct define_list *l, const struct cfg_process *p,
			 const struct pwkgen_handles_layout *layout)
{
	if (layout->host) {
		add(l, SECTION_MAPPINGS, name_of("MAPPING_", "flash", "_SIZE"),
		    printed("0x%" PRIx64 "u", layout->flash_size), "flash", p->pos);
		add(l, SECTION_MAPPINGS, name_of("MAPPING_", "ram", "_SIZE"),
		    printed("0x%" PRIx64 "u", layout->ram_size), "ram", p->pos);
		return;
	}
	add_mapping(l, "flash", layout->flash_start, layout->flash_size, p->pos);
	add_mapping(l, "ram", layout->ram_start, layout->ram_size, p->pos);
	for (size_t i = 0; i < p->mapping_count; i++) {
		const struct cfg_mapping *m = &p->mappings[i];
		add_mapping(l, m->name, m->start_address, m->size_bytes, m->pos);
	}
}

static void build(struct define_list *l, const struct cfg_system *sys, const struct cfg_process *p,
		  const struct pwkgen_handles_layout *layout)
{
	const struct cfg_app *a = &sys->apps[p->app_index];

	for (size_t i = 0; i < p->object_count; i++) {
		const struct cfg_object *o = &p->objects[i];
		add(l, SECTION_HANDLES, name_of("HANDLE_", o->name, ""),
		    printed("%" PRIu64 "u", (uint64_t)i), o->name, o->pos);
		for (size_t k = 0; k < o->irq_count; k++) {
			const struct cfg_irq *irq = &o->irqs[k];
			add(l, SECTION_INTERRUPTS, name_of("SIGNAL_", irq->name, ""),
			    printed("PWK_SIGNAL_INTERRUPT(%" PRIu64 ")", (uint64_t)k), irq->name,
			    irq->pos);
			add(l, SECTION_INTERRUPTS, name_of("IRQ_", irq->name, ""),
			    printed("%" PRIu64 "u", (uint64_t)irq->number), irq->name, irq->pos);
			l->needs_abi = true;
		}
	}
	add(l, SECTION_PROCESS, xalloc(strdup("PROCESS_INDEX_IN_APP")),
	    printed("%" PRIu64 "u", (uint64_t)p->index_in_app), p->name, p->pos);
	add_mappings(l, p, layout);
	for (size_t i = 0; i < a->constant_count; i++) {
		const struct cfg_constant *c = &a->constants[i];
		add(l, SECTION_CONSTANTS, name_of("CONSTANT_", c->name, ""),
		    pwkgen_constant_literal(c), c->name, c->pos);
		l->needs_stdbool |= strcmp(c->type, "bool") == 0;
	}
}

static bool check_unique(const struct define_list *l, const struct cfg_process *p, struct diag *d)
{
	bool ok = true;
	for (size_t i = 0; i < l->count; i++) {
		for (size_t j = 0; j < i; j++) {
			if (strcmp(l->items[i].name, l->items[j].name) != 0) {
				continue;
			}
			diag_error(
				d, l->items[i].pos.line, l->items[i].pos.col,
				"\"%s\" and \"%s\" (line %d) of process \"%s\" both become %s in "
				"the generated header: rename one",
				l->items[i].what, l->items[j].what, l->items[j].pos.line, p->name,
				l->items[i].name);
			ok = false;
			break;
		}
	}
	return ok;
}

static void write_header(FILE *out, const struct define_list *l, const struct cfg_system *sys,
			 const struct cfg_process *p, bool host, const char *source)
{
	char *guard = name_of("PWK_GEN_HANDLES_", p->name, "_H");

	fprintf(out, "/* Generated by tools/pwk-gen from %s; do not edit. */\n", source);
	fprintf(out, "/* Process \"%s\" of app \"%s\"%s. */\n", p->name,
		sys->apps[p->app_index].name,
		host ? ", for pwsim (--target host): regions have no fixed address there, so "
		       "only their sizes are given"
		     : "");
	fprintf(out, "#ifndef %s\n#define %s\n", guard, guard);
	if (l->needs_abi || l->needs_stdbool) {
		fputc('\n', out);
	}
	if (l->needs_abi) {
		fputs("#include <pwk/abi.h>\n", out);
	}
	if (l->needs_stdbool) {
		fputs("#include <stdbool.h>\n", out);
	}
	for (int s = 0; s < SECTION_COUNT; s++) {
		bool first = true;
		for (size_t i = 0; i < l->count; i++) {
			if (l->items[i].section != (enum section)s) {
				continue;
			}
			if (first) {
				fprintf(out, "\n/* %s */\n", section_comments[s]);
				first = false;
			}
			fprintf(out, "#define %s %s\n", l->items[i].name, l->items[i].value);
		}
	}
	fprintf(out, "\n#endif /* %s */\n", guard);
	free(guard);
}

bool pwkgen_write_handles(FILE *out, const struct cfg_system *sys, const struct cfg_process *p,
			  const char *source, struct diag *d)
{
	const struct cfg_app *a = &sys->apps[p->app_index];
	struct pwkgen_handles_layout config = {
		.flash_start = a->flash_start_address,
		.flash_size = a->flash_size_bytes,
		.ram_start = p->ram_start_address,
		.ram_size = p->ram_size_bytes,
	};
	return pwkgen_write_handles_for(out, sys, p, &config, source, d);
}

bool pwkgen_write_handles_for(FILE *out, const struct cfg_system *sys, const struct cfg_process *p,
			      const struct pwkgen_handles_layout *layout, const char *source,
			      struct diag *d)
{
	struct define_list l = {0};

	build(&l, sys, p, layout);
	bool ok = check_unique(&l, p, d);
	if (ok) {
		write_header(out, &l, sys, p, layout->host, source);
	}
	for (size_t i = 0; i < l.count; i++) {
		free(l.items[i].name);
		free(l.items[i].value);
	}
	free(l.items);
	return ok;
}
