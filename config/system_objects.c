/* SPDX-License-Identifier: Apache-2.0 */
/*
 * system_objects.c — one process's object table. Entries come from a list
 * ({name, type, ...}) or, in the 2025 schema, from an object keyed by name
 * ({type, ...}); either way the handle is the entry's position, and the
 * implicit `process` object is appended last (handle = declared count).
 *
 * As upstream, `thread` and `process` entries may carry fields this loader
 * does not know (they are ignored); every other entry type rejects them.
 */
#include "system_internal.h"

#include <string.h>

struct object_kind {
	const char *name;
	pwk_object_type_t type;
	bool in_map_schema, in_list_schema;
	const char *const *list_fields; /* NULL: unknown fields are ignored */
	const char *const *map_fields;
};

static const char *const initiator_fields[] = {"name", "type", "handler_process",
					       "handler_object_name", NULL};
static const char *const initiator_map_fields[] = {"type", "handler_app", "handler_object_name",
						   NULL};
static const char *const plain_fields[] = {"name", "type", NULL};
static const char *const plain_map_fields[] = {"type", NULL};
static const char *const interrupt_fields[] = {"name", "type", "irqs", NULL};
static const char *const irq_fields[] = {"name", "number", NULL};

static const struct object_kind kinds[] = {
	{"channel_initiator", PWK_OBJECT_CHANNEL_INITIATOR, true, true, initiator_fields,
	 initiator_map_fields},
	{"channel_handler", PWK_OBJECT_CHANNEL_HANDLER, true, true, plain_fields, plain_map_fields},
	{"wait_group", PWK_OBJECT_WAIT_GROUP, false, true, plain_fields, NULL},
	{"interrupt", PWK_OBJECT_INTERRUPT, false, true, interrupt_fields, NULL},
	{"thread", PWK_OBJECT_THREAD, false, true, NULL, NULL},
	{"process", PWK_OBJECT_PROCESS, false, true, NULL, NULL},
	{"ticker", CFG_OBJECT_TYPE_NONE, true, false, NULL, plain_map_fields},
};

void cfg_object_init(struct cfg_object *o)
{
	memset(o, 0, sizeof(*o));
	o->handler_process_index = PWK_NONE;
	o->handler_object_index = PWK_NONE;
	o->initiator_process_index = PWK_NONE;
	o->initiator_object_index = PWK_NONE;
	o->linked_process_index = PWK_NONE;
	o->thread_index = PWK_NONE;
}

static const struct object_kind *find_kind(const char *type)
{
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		if (strcmp(kinds[i].name, type) == 0) {
			return &kinds[i];
		}
	}
	return NULL;
}

/* The entry's kind, or NULL after reporting an unknown or misplaced type. */
static const struct object_kind *entry_kind(struct cfg_loader *ld, const struct json5_value *v,
					    bool map, const char *what)
{
	char *type;
	struct cfg_pos pos;

	if (!cfg_get_string(ld, v, "type", true, what, &type, &pos)) {
		return NULL;
	}
	const struct object_kind *k = find_kind(type);
	if (k == NULL) {
		cfg_error_pos(ld, pos, "unknown type \"%s\" of %s: expected %s", type, what,
			      map ? "channel_initiator, channel_handler or ticker"
				  : "channel_initiator, channel_handler, wait_group, interrupt, "
				    "thread or process");
	} else if (map && !k->in_map_schema) {
		cfg_error_pos(ld, pos,
			      "type \"%s\" of %s is not part of the 2025 schema (apps keyed by "
			      "name): move the system to the current schema (apps as a list) to "
			      "use it",
			      type, what);
		k = NULL;
	} else if (!map && !k->in_list_schema) {
		cfg_error_pos(ld, pos,
			      "type \"%s\" of %s exists only in the 2025 schema (apps keyed by "
			      "name); pw_kernel removed it: remove the object",
			      type, what);
		k = NULL;
	}
	return k;
}

static void load_irqs(struct cfg_loader *ld, struct cfg_object *o, const struct json5_value *v,
		      const char *what)
{
	const struct json5_value *irqs = cfg_field(ld, v, "irqs", true, what);

	if (irqs == NULL || !cfg_expect(ld, irqs, JSON5_ARRAY, "\"irqs\"")) {
		return;
	}
	if (irqs->item_count == 0) {
		cfg_error(ld, irqs, "%s has no irqs: list at least one {name, number}", what);
	}
	if (irqs->item_count > PWK_SIGNAL_INTERRUPTS_MAX) {
		cfg_error(ld, irqs,
			  "%s has %zu irqs, but an interrupt object has only %d signals "
			  "(INTERRUPT_A..O): split them over several interrupt objects",
			  what, irqs->item_count, PWK_SIGNAL_INTERRUPTS_MAX);
	}
	o->irqs = arena_array(ld->arena, irqs->item_count, sizeof(*o->irqs));
	for (size_t i = 0; i < irqs->item_count; i++) {
		const struct json5_value *e = &irqs->items[i];
		struct cfg_irq *irq = &o->irqs[o->irq_count];
		const char *irq_what = cfg_format(ld, "irq #%zu of %s", i + 1, what);
		uint64_t number;

		if (!cfg_expect(ld, e, JSON5_OBJECT, irq_what)) {
			continue;
		}
		cfg_check_members(ld, e, irq_what, irq_fields);
		bool named = cfg_get_name(ld, e, irq_what, &irq->name, NULL);
		if (cfg_get_uint(ld, e, "number", true, irq_what, UINT32_MAX,
				 "IRQ numbers are 32-bit", &number) &&
		    named) {
			irq->number = (uint32_t)number;
			irq->pos = cfg_pos_of(e);
			o->irq_count++;
		}
	}
}

static void load_links(struct cfg_loader *ld, struct cfg_object *o, const struct json5_value *v,
		       bool map, const char *what)
{
	if (o->type == PWK_OBJECT_CHANNEL_INITIATOR) {
		if (map) {
			cfg_get_string(ld, v, "handler_app", true, what, &o->handler_app,
				       &o->link_pos);
		} else {
			cfg_get_string(ld, v, "handler_process", true, what, &o->handler_process,
				       &o->link_pos);
		}
		cfg_get_string(ld, v, "handler_object_name", true, what, &o->handler_object_name,
			       &o->handler_object_pos);
	} else if (o->type == PWK_OBJECT_PROCESS) {
		cfg_get_string(ld, v, "linked_process", true, what, &o->linked_process,
			       &o->link_pos);
	}
}

/* One entry; `key` is its name in the map schema, NULL in lists. */
static void load_object(struct cfg_loader *ld, struct cfg_process *p, uint32_t index,
			const struct json5_value *v, const struct json5_member *key)
{
	struct cfg_object *o = &p->objects[index];
	const char *proc = p->name != NULL ? p->name : "?";
	const char *what = cfg_format(ld, "object #%u of process \"%s\"", index + 1, proc);

	o->pos = key != NULL ? (struct cfg_pos){key->line, key->col} : cfg_pos_of(v);
	if (!cfg_expect(ld, v, JSON5_OBJECT, what)) {
		return;
	}
	if (key != NULL) {
		o->name = arena_strdup(ld->arena, key->key);
		if (o->name[0] == '\0') {
			cfg_error_pos(ld, o->pos, "object names must not be empty");
		}
	} else {
		cfg_get_name(ld, v, what, &o->name, NULL);
	}
	if (o->name != NULL) {
		what = cfg_format(ld, "object \"%s\" of process \"%s\"", o->name, proc);
	}
	const struct object_kind *k = entry_kind(ld, v, key != NULL, what);
	if (k == NULL) {
		cfg_check_members(ld, v, what, NULL);
		return;
	}
	o->type = k->type;
	o->legacy_ticker = k->type == CFG_OBJECT_TYPE_NONE;
	cfg_check_members(ld, v, what, key != NULL ? k->map_fields : k->list_fields);
	load_links(ld, o, v, key != NULL, what);
	if (o->type == PWK_OBJECT_INTERRUPT) {
		load_irqs(ld, o, v, what);
	}
	if (o->type == PWK_OBJECT_THREAD && ld->sys->schema == CFG_SCHEMA_OBJECTS) {
		cfg_thread_from_object(ld, p, v, index, what);
	}
}

void cfg_objects_add_implicit(struct cfg_loader *ld, struct cfg_process *p)
{
	struct cfg_object *o = &p->objects[p->object_count - 1];

	cfg_object_init(o);
	o->name = arena_strdup(ld->arena, "process");
	o->type = PWK_OBJECT_PROCESS;
	o->implicit = true;
	o->pos = p->pos;
	o->link_pos = p->pos;
	o->linked_process = p->name;
	o->linked_process_index = p->index;
}

void cfg_objects_load(struct cfg_loader *ld, struct cfg_process *p, const struct json5_value *objs,
		      bool map)
{
	size_t declared = objs == NULL ? 0 : map ? objs->member_count : objs->item_count;

	p->object_count = declared + 1;
	p->objects = arena_array(ld->arena, p->object_count, sizeof(*p->objects));
	for (size_t i = 0; i < p->object_count; i++) {
		cfg_object_init(&p->objects[i]);
	}
	for (size_t i = 0; i < declared; i++) {
		if (map) {
			load_object(ld, p, (uint32_t)i, &objs->members[i].value, &objs->members[i]);
		} else {
			load_object(ld, p, (uint32_t)i, &objs->items[i], NULL);
		}
	}
	cfg_objects_add_implicit(ld, p);
}
