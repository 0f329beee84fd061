/* SPDX-License-Identifier: Apache-2.0 */
/*
 * system_validate.c — rules that relate entries to each other: names
 * (identifier form in the current schema, uniqueness in every schema), the
 * reserved object name `process`, thread rules, and IRQ ownership. Links
 * between objects are resolved in system_links.c.
 *
 * Names must be Rust identifiers only in the current schema: upstream
 * validated them from then on, and older real manifests use names such as
 * "IPC" and "process one".
 */
#include "system_internal.h"

#include <ctype.h>
#include <string.h>

struct name_ref {
	const char *name;
	struct cfg_pos pos;
};

static const char *const rust_keywords[] = {
	"as",      "async",  "await",  "break", "const",    "continue", "crate",    "dyn",
	"else",    "enum",   "extern", "false", "fn",       "for",      "if",       "impl",
	"in",      "let",    "loop",   "match", "mod",      "move",     "mut",      "pub",
	"ref",     "return", "self",   "Self",  "static",   "struct",   "super",    "trait",
	"true",    "type",   "unsafe", "use",   "where",    "while",    "abstract", "become",
	"box",     "do",     "final",  "macro", "override", "priv",     "typeof",   "unsized",
	"virtual", "yield",  "try",    "gen",   NULL};

static bool is_rust_identifier(const char *s)
{
	if (strcmp(s, "_") == 0 || !(isalpha((unsigned char)s[0]) || s[0] == '_')) {
		return false;
	}
	for (const char *c = s; *c != '\0'; c++) {
		if (!isalnum((unsigned char)*c) && *c != '_') {
			return false;
		}
	}
	for (size_t i = 0; rust_keywords[i] != NULL; i++) {
		if (strcmp(s, rust_keywords[i]) == 0) {
			return false;
		}
	}
	return true;
}

static void check_identifier(struct cfg_loader *ld, const char *name, struct cfg_pos pos,
			     const char *kind)
{
	if (name == NULL) {
		return;
	}
	if (!is_rust_identifier(name)) {
		cfg_error_pos(ld, pos,
			      "invalid %s name \"%s\": names must be Rust identifiers (ASCII "
			      "letters, digits and _, not starting with a digit, not a keyword)",
			      kind, name);
		return;
	}
	char *lower = arena_strdup(ld->arena, name);
	bool upper = false;
	for (char *c = lower; *c != '\0'; c++) {
		upper |= isupper((unsigned char)*c) != 0;
		*c = (char)tolower((unsigned char)*c);
	}
	if (upper) {
		cfg_error_pos(ld, pos, "%s name \"%s\" must be all lowercase: write \"%s\"", kind,
			      name, lower);
	}
}

static void check_identifiers(struct cfg_loader *ld)
{
	const struct cfg_system *sys = ld->sys;

	for (size_t i = 0; i < sys->app_count; i++) {
		const struct cfg_app *a = &sys->apps[i];
		check_identifier(ld, a->name, a->pos, "app");
		for (size_t j = 0; j < a->constant_count; j++) {
			check_identifier(ld, a->constants[j].name, a->constants[j].pos, "constant");
		}
	}
	for (size_t i = 0; i < sys->process_count; i++) {
		const struct cfg_process *p = &sys->processes[i];
		check_identifier(ld, p->name, p->pos, "process");
		for (size_t j = 0; j + 1 < p->object_count; j++) {
			check_identifier(ld, p->objects[j].name, p->objects[j].pos, "object");
		}
		for (size_t j = 0; j < p->mapping_count; j++) {
			check_identifier(ld, p->mappings[j].name, p->mappings[j].pos, "mapping");
		}
	}
}

/* Reports each repeated name at its second occurrence. `scope` ends the
 * message ("in process \"main\"", "across all apps"). */
static void check_unique(struct cfg_loader *ld, const struct name_ref *refs, size_t n,
			 const char *kind, const char *scope)
{
	for (size_t i = 0; i < n; i++) {
		for (size_t j = 0; refs[i].name != NULL && j < i; j++) {
			if (refs[j].name != NULL && strcmp(refs[i].name, refs[j].name) == 0) {
				cfg_error_pos(
					ld, refs[i].pos,
					"duplicate %s name \"%s\" (first at line %d): %s names "
					"must be unique %s; rename one",
					kind, refs[i].name, refs[j].pos.line, kind, scope);
				break;
			}
		}
	}
}

static struct name_ref *refs_alloc(struct cfg_loader *ld, size_t n)
{
	return arena_array(ld->arena, n, sizeof(struct name_ref));
}

static void check_process_names(struct cfg_loader *ld, const struct cfg_process *p)
{
	const char *scope = cfg_format(ld, "within process \"%s\"", cfg_str(p->name));
	size_t declared = p->object_count - 1;
	struct name_ref *refs = refs_alloc(ld, declared);

	for (size_t i = 0; i < declared; i++) {
		refs[i] = (struct name_ref){p->objects[i].name, p->objects[i].pos};
		if (p->objects[i].name != NULL && strcmp(p->objects[i].name, "process") == 0) {
			cfg_error_pos(ld, p->objects[i].pos,
				      "object name \"process\" is reserved: every process gets its "
				      "own `process` object as its last handle; rename this one");
		}
	}
	check_unique(ld, refs, declared, "object", scope);
	if (p->thread_count > 0 && !p->threads[0].from_object) {
		refs = refs_alloc(ld, p->thread_count);
		for (size_t i = 0; i < p->thread_count; i++) {
			refs[i] = (struct name_ref){p->threads[i].name, p->threads[i].pos};
		}
		check_unique(ld, refs, p->thread_count, "thread", scope);
	}
	refs = refs_alloc(ld, p->mapping_count);
	for (size_t i = 0; i < p->mapping_count; i++) {
		refs[i] = (struct name_ref){p->mappings[i].name, p->mappings[i].pos};
	}
	check_unique(ld, refs, p->mapping_count, "mapping", scope);
	for (size_t i = 0; i < p->object_count; i++) {
		const struct cfg_object *o = &p->objects[i];
		refs = refs_alloc(ld, o->irq_count);
		for (size_t j = 0; j < o->irq_count; j++) {
			refs[j] = (struct name_ref){o->irqs[j].name, o->irqs[j].pos};
		}
		check_unique(ld, refs, o->irq_count, "irq",
			     cfg_format(ld, "within interrupt object \"%s\"", cfg_str(o->name)));
	}
}

static void check_global_names(struct cfg_loader *ld)
{
	const struct cfg_system *sys = ld->sys;
	struct name_ref *refs = refs_alloc(ld, sys->app_count);

	for (size_t i = 0; i < sys->app_count; i++) {
		const struct cfg_app *a = &sys->apps[i];
		refs[i] = (struct name_ref){a->name, a->pos};
		struct name_ref *consts = refs_alloc(ld, a->constant_count);
		for (size_t j = 0; j < a->constant_count; j++) {
			consts[j] = (struct name_ref){a->constants[j].name, a->constants[j].pos};
		}
		check_unique(ld, consts, a->constant_count, "constant",
			     cfg_format(ld, "within app \"%s\"", cfg_str(a->name)));
	}
	check_unique(ld, refs, sys->app_count, "app", "across the system");
	refs = refs_alloc(ld, sys->process_count);
	for (size_t i = 0; i < sys->process_count; i++) {
		refs[i] = (struct name_ref){sys->processes[i].name, sys->processes[i].pos};
	}
	check_unique(ld, refs, sys->process_count, "process", "across all apps");
}

/* Reports IRQ (p, o, q) when the kernel table or an interrupt object
 * declared before it already claims its number. */
static void check_irq_claim(struct cfg_loader *ld, size_t p, size_t o, size_t q)
{
	const struct cfg_system *sys = ld->sys;
	const struct cfg_object *obj = &sys->processes[p].objects[o];
	const struct cfg_irq *irq = &obj->irqs[q];

	for (size_t i = 0; i < sys->kernel.irq_count; i++) {
		if (sys->kernel.irqs[i].number == irq->number) {
			cfg_error_pos(ld, irq->pos,
				      "IRQ %u of interrupt object \"%s\" is already handled by the "
				      "kernel interrupt_table (line %d): remove one of them",
				      irq->number, cfg_str(obj->name),
				      sys->kernel.irqs[i].pos.line);
			return;
		}
	}
	for (size_t pp = 0; pp <= p; pp++) {
		const struct cfg_process *proc = &sys->processes[pp];
		for (size_t oo = 0; oo < proc->object_count && (pp < p || oo <= o); oo++) {
			const struct cfg_object *other = &proc->objects[oo];
			for (size_t qq = 0; qq < other->irq_count; qq++) {
				if (pp == p && oo == o && qq == q) {
					return;
				}
				if (other->irqs[qq].number == irq->number) {
					cfg_error_pos(
						ld, irq->pos,
						"IRQ %u of interrupt object \"%s\" is already "
						"claimed by \"%s\" of process \"%s\" (line %d): "
						"an IRQ can signal only one object",
						irq->number, cfg_str(obj->name),
						cfg_str(other->name), cfg_str(proc->name),
						other->irqs[qq].pos.line);
					return;
				}
			}
		}
	}
}

/* An IRQ raises one object's signal: two owners (two interrupt objects, or
 * an object and the kernel's own interrupt_table) are an error. Upstream
 * silently lets the later object win; pwk refuses the ambiguity. */
static void check_irq_owners(struct cfg_loader *ld)
{
	const struct cfg_system *sys = ld->sys;
	const struct cfg_kernel *k = &sys->kernel;

	for (size_t i = 1; i < k->irq_count; i++) {
		for (size_t j = 0; j < i; j++) {
			if (k->irqs[i].number == k->irqs[j].number) {
				cfg_error_pos(ld, k->irqs[i].pos,
					      "IRQ %u appears twice in the kernel interrupt_table "
					      "(first at line %d): remove one",
					      k->irqs[i].number, k->irqs[j].pos.line);
			}
		}
	}
	for (size_t p = 0; p < sys->process_count; p++) {
		const struct cfg_process *proc = &sys->processes[p];
		for (size_t o = 0; o < proc->object_count; o++) {
			for (size_t q = 0; q < proc->objects[o].irq_count; q++) {
				check_irq_claim(ld, p, o, q);
			}
		}
	}
}

void cfg_validate(struct cfg_loader *ld)
{
	struct cfg_system *sys = ld->sys;

	if (sys->schema == CFG_SCHEMA_OBJECTS) {
		check_identifiers(ld);
	}
	check_global_names(ld);
	for (size_t i = 0; i < sys->process_count; i++) {
		struct cfg_process *p = &sys->processes[i];
		if (p->objects == NULL) {
			continue; /* the entry itself was unreadable (reported) */
		}
		check_process_names(ld, p);
		cfg_threads_check(ld, p);
	}
	cfg_links_resolve(ld);
	check_irq_owners(ld);
}
