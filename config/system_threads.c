/* SPDX-License-Identifier: Apache-2.0 */
/*
 * system_threads.c — a process's threads. Older schemas list them in a
 * `threads` array and start all of them with the process (a `thread`
 * object, where present, only names one of them to give it a handle). The
 * current schema declares each as a `thread` object; exactly one of them,
 * the main thread, starts with the process.
 */
#include "system_internal.h"

#include <string.h>

static const char *const thread_fields[] = {"name", "stack_size_bytes", "kernel_stack_size_bytes",
					    "priority", NULL};

static void thread_init(struct cfg_thread *t)
{
	memset(t, 0, sizeof(*t));
	t->kernel_stack_size_bytes = CFG_KERNEL_STACK_DEFAULT;
	t->priority = CFG_PRIORITY_DEFAULT;
	t->object_index = PWK_NONE;
}

/* "Level<n>" with n in 0..31, written without leading zeros. */
static bool parse_level(const char *s, uint32_t *out)
{
	if (strncmp(s, "Level", 5) != 0 || s[5] == '\0' || (s[5] == '0' && s[6] != '\0')) {
		return false;
	}
	uint32_t n = 0;
	for (const char *c = s + 5; *c != '\0'; c++) {
		if (*c < '0' || *c > '9' || n > CFG_PRIORITY_MAX) {
			return false;
		}
		n = n * 10u + (uint32_t)(*c - '0');
	}
	*out = n;
	return n <= CFG_PRIORITY_MAX;
}

bool cfg_get_priority(struct cfg_loader *ld, const struct json5_value *obj, const char *what,
		      uint32_t *out)
{
	const struct json5_value *v = json5_get(obj, "priority");
	uint64_t n;

	if (v == NULL) {
		return true;
	}
	if (v->kind == JSON5_NUMBER) {
		if (!cfg_get_uint(ld, obj, "priority", true, what, CFG_PRIORITY_MAX,
				  "priorities are 0 (idle) .. 31 (highest)", &n)) {
			return false;
		}
		*out = (uint32_t)n;
		return true;
	}
	if (v->kind == JSON5_STRING) {
		if (strcmp(v->string, "IDLE_PRIORITY") == 0) {
			*out = 0;
			return true;
		}
		if (strcmp(v->string, "DEFAULT_PRIORITY") == 0) {
			*out = CFG_PRIORITY_DEFAULT;
			return true;
		}
		if (parse_level(v->string, out)) {
			return true;
		}
	}
	cfg_error(ld, v,
		  "invalid priority of %s: write \"Level0\" .. \"Level31\" (higher runs first), "
		  "\"IDLE_PRIORITY\", \"DEFAULT_PRIORITY\" or a number 0..31",
		  what);
	return false;
}

static bool is_thread_entry(const struct json5_value *e)
{
	const struct json5_value *type = json5_get(e, "type");
	return type != NULL && type->kind == JSON5_STRING && strcmp(type->string, "thread") == 0;
}

void cfg_threads_from_objects(struct cfg_loader *ld, struct cfg_process *p,
			      const struct json5_value *objs)
{
	size_t count = 0;
	for (size_t i = 0; objs != NULL && i < objs->item_count; i++) {
		count += is_thread_entry(&objs->items[i]);
	}
	/* Filled by cfg_thread_from_object, one per thread entry. */
	p->threads = arena_array(ld->arena, count, sizeof(*p->threads));
	p->thread_count = 0;
}

void cfg_thread_from_object(struct cfg_loader *ld, struct cfg_process *p,
			    const struct json5_value *v, uint32_t object_index, const char *what)
{
	struct cfg_thread *t = &p->threads[p->thread_count];

	thread_init(t);
	p->objects[object_index].thread_index = (uint32_t)p->thread_count++;
	t->name = p->objects[object_index].name;
	t->pos = cfg_pos_of(v);
	t->object_index = object_index;
	t->from_object = true;
	cfg_get_size(ld, v, "kernel_stack_size_bytes", false, what, &t->kernel_stack_size_bytes);
	cfg_get_size(ld, v, "stack_size_bytes", false, what, &t->stack_size_bytes);
	cfg_get_priority(ld, v, what, &t->priority);
	cfg_get_bool(ld, v, "main_thread", false, what, &t->main);
}

void cfg_threads_load_array(struct cfg_loader *ld, struct cfg_process *p,
			    const struct json5_value *threads, bool stack_required)
{
	const char *proc = p->name != NULL ? p->name : "?";

	if (threads == NULL || !cfg_expect(ld, threads, JSON5_ARRAY, "\"threads\"")) {
		return;
	}
	p->thread_count = threads->item_count;
	p->threads = arena_array(ld->arena, p->thread_count, sizeof(*p->threads));
	for (size_t i = 0; i < p->thread_count; i++) {
		const struct json5_value *v = &threads->items[i];
		struct cfg_thread *t = &p->threads[i];
		const char *what = cfg_format(ld, "thread #%zu of process \"%s\"", i + 1, proc);

		thread_init(t);
		t->pos = cfg_pos_of(v);
		/* Every thread of a `threads` list starts with its process. */
		t->main = true;
		if (!cfg_expect(ld, v, JSON5_OBJECT, what)) {
			continue;
		}
		if (cfg_get_name(ld, v, what, &t->name, NULL)) {
			what = cfg_format(ld, "thread \"%s\" of process \"%s\"", t->name, proc);
		}
		cfg_check_members(ld, v, what, thread_fields);
		cfg_get_size(ld, v, "stack_size_bytes", stack_required, what, &t->stack_size_bytes);
		cfg_get_size(ld, v, "kernel_stack_size_bytes", false, what,
			     &t->kernel_stack_size_bytes);
		cfg_get_priority(ld, v, what, &t->priority);
	}
}

static struct cfg_thread *find_thread(struct cfg_process *p, const char *name)
{
	for (size_t i = 0; i < p->thread_count; i++) {
		if (p->threads[i].name != NULL && strcmp(p->threads[i].name, name) == 0) {
			return &p->threads[i];
		}
	}
	return NULL;
}

void cfg_threads_link_objects(struct cfg_loader *ld, struct cfg_process *p)
{
	for (uint32_t i = 0; i < p->object_count; i++) {
		struct cfg_object *o = &p->objects[i];
		if (o->type != PWK_OBJECT_THREAD || o->name == NULL) {
			continue;
		}
		struct cfg_thread *t = find_thread(p, o->name);
		if (t == NULL) {
			cfg_error_pos(ld, o->pos,
				      "thread object \"%s\" of process \"%s\" names no thread: add "
				      "{name: \"%s\", ...} to the process's \"threads\" list",
				      o->name, cfg_str(p->name), o->name);
		} else if (t->object_index != PWK_NONE) {
			cfg_error_pos(ld, o->pos,
				      "thread \"%s\" of process \"%s\" already has a thread object "
				      "(handle %u): remove this one",
				      o->name, cfg_str(p->name), t->object_index);
		} else {
			t->object_index = i;
			o->thread_index = (uint32_t)(t - p->threads);
		}
	}
}

void cfg_threads_check(struct cfg_loader *ld, struct cfg_process *p)
{
	const struct cfg_thread *first_main = NULL;

	if (p->thread_count == 0) {
		cfg_error_pos(ld, p->pos, "process \"%s\" has no threads: %s", cfg_str(p->name),
			      ld->sys->schema == CFG_SCHEMA_OBJECTS
				      ? "add an object {type: \"thread\", name: \"...\"}"
				      : "add a \"threads\" list with at least one thread");
		return;
	}
	if (ld->sys->schema != CFG_SCHEMA_OBJECTS) {
		return;
	}
	for (size_t i = 0; i < p->thread_count; i++) {
		const struct cfg_thread *t = &p->threads[i];
		if (t->main && first_main != NULL) {
			cfg_error_pos(ld, t->pos,
				      "process \"%s\" has several threads marked main_thread "
				      "(\"%s\" and \"%s\"): mark exactly one",
				      cfg_str(p->name), cfg_str(first_main->name),
				      cfg_str(t->name));
		} else if (t->main) {
			first_main = t;
		}
	}
	if (first_main == NULL && p->thread_count > 1) {
		cfg_error_pos(ld, p->pos,
			      "process \"%s\" has %zu threads but none is marked main_thread: "
			      "add main_thread: true to the one that starts with the process",
			      cfg_str(p->name), p->thread_count);
	} else if (first_main == NULL) {
		p->threads[0].main = true;
	}
}
