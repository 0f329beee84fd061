/* SPDX-License-Identifier: Apache-2.0 */
/*
 * system_app_list.c — `apps` as a list: the current schema (RAM per process,
 * threads as objects) and the seed-document / early-2026 one (an app's RAM
 * split between its processes, a `threads` array per process, and possibly
 * one `process` instead of a `processes` list).
 */
#include "system_internal.h"

static const char *const app_fields[] = {"name", "flash_size_bytes", "processes", "constants",
					 NULL};
static const char *const legacy_app_fields[] = {
	"name", "flash_size_bytes", "ram_size_bytes", "processes", "process", "constants", NULL};
static const char *const process_fields[] = {"name", "ram_size_bytes", "memory_mappings", "objects",
					     NULL};
static const char *const legacy_process_fields[] = {"name",    "ram_size_bytes", "memory_mappings",
						    "objects", "threads",        NULL};

static bool legacy(const struct cfg_loader *ld)
{
	return ld->sys->schema == CFG_SCHEMA_APP_THREADS;
}

/* The app's processes: the `processes` array (count = its length) or, in the
 * legacy schema, one `process` object (count = 1). */
static const struct json5_value *process_list(const struct cfg_loader *ld,
					      const struct json5_value *app, size_t *count)
{
	const struct json5_value *procs = json5_get(app, "processes");
	const struct json5_value *single = legacy(ld) ? json5_get(app, "process") : NULL;

	*count = 0;
	if (app->kind != JSON5_OBJECT) {
		return NULL;
	}
	if (procs != NULL) {
		*count = procs->kind == JSON5_ARRAY ? procs->item_count : 0;
		return procs;
	}
	*count = single != NULL;
	return single;
}

static void load_process(struct cfg_loader *ld, const struct json5_value *v, struct cfg_app *a,
			 uint32_t index)
{
	struct cfg_process *p = &ld->sys->processes[index];
	const char *what = cfg_format(ld, "process #%u of app \"%s\"", index - a->first_process + 1,
				      a->name != NULL ? a->name : "?");

	p->index = index;
	p->app_index = (uint32_t)(a - ld->sys->apps);
	p->index_in_app = index - a->first_process;
	p->pos = cfg_pos_of(v);
	if (!cfg_expect(ld, v, JSON5_OBJECT, what)) {
		return;
	}
	if (cfg_get_name(ld, v, what, &p->name, NULL)) {
		what = cfg_format(ld, "process \"%s\"", p->name);
	}
	cfg_check_members(ld, v, what, legacy(ld) ? legacy_process_fields : process_fields);
	if (a->ram_size_given && json5_get(v, "ram_size_bytes") != NULL) {
		cfg_error(ld, json5_get(v, "ram_size_bytes"),
			  "ram_size_bytes of %s: app \"%s\" already gives the RAM of all its "
			  "processes; remove one of the two",
			  what, a->name != NULL ? a->name : "?");
	} else if (!a->ram_size_given) {
		cfg_get_size(ld, v, "ram_size_bytes", true, what, &p->ram_size_bytes);
	}
	cfg_mappings_load(ld, p, json5_get(v, "memory_mappings"), what);
	const struct json5_value *objs = json5_get(v, "objects");
	if (objs != NULL && !cfg_expect(ld, objs, JSON5_ARRAY, "\"objects\"")) {
		objs = NULL;
	}
	if (legacy(ld)) {
		cfg_threads_load_array(ld, p, json5_get(v, "threads"), false);
		cfg_objects_load(ld, p, objs, false);
		cfg_threads_link_objects(ld, p);
	} else {
		cfg_threads_from_objects(ld, p, objs);
		cfg_objects_load(ld, p, objs, false);
	}
}

static void load_app(struct cfg_loader *ld, const struct json5_value *v, uint32_t app_index,
		     uint32_t *next_process)
{
	struct cfg_app *a = &ld->sys->apps[app_index];
	const char *what = cfg_format(ld, "app #%u", app_index + 1);
	size_t count;

	a->pos = cfg_pos_of(v);
	a->first_process = *next_process;
	if (!cfg_expect(ld, v, JSON5_OBJECT, what)) {
		return;
	}
	if (cfg_get_name(ld, v, what, &a->name, NULL)) {
		what = cfg_format(ld, "app \"%s\"", a->name);
	}
	cfg_check_members(ld, v, what, legacy(ld) ? legacy_app_fields : app_fields);
	cfg_get_size(ld, v, "flash_size_bytes", true, what, &a->flash_size_bytes);
	if (legacy(ld) && json5_get(v, "ram_size_bytes") != NULL) {
		a->ram_size_given = true;
		cfg_get_size(ld, v, "ram_size_bytes", true, what, &a->ram_size_bytes);
	}
	cfg_constants_load(ld, a, json5_get(v, "constants"), what);

	const struct json5_value *list = json5_get(v, "processes");
	const struct json5_value *single = legacy(ld) ? json5_get(v, "process") : NULL;
	if (list == NULL && single == NULL) {
		cfg_error(ld, v, "%s is missing the required field \"processes\"", what);
	} else if (list != NULL && single != NULL) {
		cfg_error(ld, single, "%s has both \"process\" and \"processes\": keep one", what);
	}
	/* Exactly the entries process_list() counted. */
	process_list(ld, v, &count);
	if (list != NULL && cfg_expect(ld, list, JSON5_ARRAY, "\"processes\"") && count == 0) {
		cfg_error(ld, list, "%s has no processes: add one to \"processes\"", what);
	}
	for (size_t i = 0; i < count; i++) {
		load_process(ld, list != NULL ? &list->items[i] : single, a, (*next_process)++);
	}
	a->process_count = *next_process - a->first_process;
}

void cfg_app_list_load(struct cfg_loader *ld, const struct json5_value *apps)
{
	struct cfg_system *sys = ld->sys;
	size_t processes = 0, count;

	for (size_t i = 0; i < apps->item_count; i++) {
		process_list(ld, &apps->items[i], &count);
		processes += count;
	}
	sys->app_count = apps->item_count;
	sys->apps = arena_array(ld->arena, sys->app_count, sizeof(*sys->apps));
	sys->process_count = processes;
	sys->processes = arena_array(ld->arena, processes, sizeof(*sys->processes));
	uint32_t next = 0;
	for (size_t i = 0; i < apps->item_count; i++) {
		load_app(ld, &apps->items[i], (uint32_t)i, &next);
	}
}
