/* SPDX-License-Identifier: Apache-2.0 */
/*
 * system_app_map.c — the 2025 schema: `apps` is an object keyed by app name;
 * each app has its flash and RAM size and exactly one `process` whose
 * `objects` are an object keyed by object name (handle = position in it)
 * and whose `threads` all start with the process.
 */
#include "system_internal.h"

static const char *const app_fields[] = {"flash_size_bytes", "ram_size_bytes", "process", NULL};
static const char *const process_fields[] = {"name", "objects", "threads", NULL};

static void load_process(struct cfg_loader *ld, const struct json5_value *v, struct cfg_app *a,
			 uint32_t index)
{
	struct cfg_process *p = &ld->sys->processes[index];
	const char *what = cfg_format(ld, "the process of app \"%s\"", a->name);

	p->index = index;
	p->app_index = (uint32_t)(a - ld->sys->apps);
	p->index_in_app = 0;
	p->pos = cfg_pos_of(v);
	if (!cfg_expect(ld, v, JSON5_OBJECT, what)) {
		return;
	}
	if (cfg_get_name(ld, v, what, &p->name, NULL)) {
		what = cfg_format(ld, "process \"%s\"", p->name);
	}
	cfg_check_members(ld, v, what, process_fields);
	const struct json5_value *objs = json5_get(v, "objects");
	if (objs != NULL && !cfg_expect(ld, objs, JSON5_OBJECT, "\"objects\" (in this schema)")) {
		objs = NULL;
	}
	cfg_threads_load_array(ld, p, json5_get(v, "threads"), true);
	cfg_objects_load(ld, p, objs, true);
}

void cfg_app_map_load(struct cfg_loader *ld, const struct json5_value *apps)
{
	struct cfg_system *sys = ld->sys;
	size_t processes = 0;

	for (size_t i = 0; i < apps->member_count; i++) {
		const struct json5_value *app = &apps->members[i].value;
		processes += app->kind == JSON5_OBJECT && json5_get(app, "process") != NULL;
	}
	sys->app_count = apps->member_count;
	sys->apps = arena_array(ld->arena, sys->app_count, sizeof(*sys->apps));
	sys->process_count = processes;
	sys->processes = arena_array(ld->arena, processes, sizeof(*sys->processes));

	uint32_t next = 0;
	for (size_t i = 0; i < apps->member_count; i++) {
		const struct json5_member *m = &apps->members[i];
		struct cfg_app *a = &sys->apps[i];
		const char *what = cfg_format(ld, "app \"%s\"", m->key);

		a->name = arena_strdup(ld->arena, m->key);
		a->pos = (struct cfg_pos){m->line, m->col};
		a->first_process = next;
		a->ram_size_given = true;
		if (a->name[0] == '\0') {
			cfg_error_pos(ld, a->pos, "app names must not be empty");
		}
		if (!cfg_expect(ld, &m->value, JSON5_OBJECT, what)) {
			continue;
		}
		cfg_check_members(ld, &m->value, what, app_fields);
		cfg_get_size(ld, &m->value, "flash_size_bytes", true, what, &a->flash_size_bytes);
		cfg_get_size(ld, &m->value, "ram_size_bytes", true, what, &a->ram_size_bytes);
		const struct json5_value *proc = cfg_field(ld, &m->value, "process", true, what);
		if (proc != NULL) {
			load_process(ld, proc, a, next++);
		}
		a->process_count = next - a->first_process;
	}
}
