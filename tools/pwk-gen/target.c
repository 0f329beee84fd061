/* SPDX-License-Identifier: Apache-2.0 */
/*
 * target.c — opening a target: load, place, check, describe (target.h),
 * and pointing messages at the field of system.json5 they are about.
 */
#include "target.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n + 1, size);
	if (p == NULL) {
		fputs("pwk-gen: out of memory\n", stderr);
		exit(1);
	}
	return p;
}

/* The object value that starts at `at`, searched depth first. */
static const struct json5_value *object_at(const struct json5_value *v, struct cfg_pos at)
{
	if (v->kind == JSON5_OBJECT && v->line == at.line && v->col == at.col) {
		return v;
	}
	for (size_t i = 0; v->kind == JSON5_ARRAY && i < v->item_count; i++) {
		const struct json5_value *found = object_at(&v->items[i], at);
		if (found != NULL) {
			return found;
		}
	}
	for (size_t i = 0; v->kind == JSON5_OBJECT && i < v->member_count; i++) {
		const struct json5_value *found = object_at(&v->members[i].value, at);
		if (found != NULL) {
			return found;
		}
	}
	return NULL;
}

void pwkgen_error_at(struct pwkgen_target *t, struct cfg_pos at, const char *key, const char *fmt,
		     ...)
{
	const struct json5_value *obj = at.line > 0 ? object_at(&t->doc.root, at) : NULL;
	const struct json5_value *field = obj != NULL && key != NULL ? json5_get(obj, key) : NULL;
	if (field != NULL) {
		at = (struct cfg_pos){field->line, field->col};
	}
	va_list ap;
	va_start(ap, fmt);
	diag_verror(&t->d, at.line, at.col, fmt, ap);
	va_end(ap);
}

/* The kernel's description and each process's PMP image. */
static bool describe(struct pwkgen_target *t)
{
	struct cfg_placement place = {.processes = t->placement, .mappings_as_regions = true};
	char err[512];
	if (!cfg_system_desc_build(&t->desc, &t->sys, &place, err, sizeof(err))) {
		diag_error(&t->d, 0, 0, "%s", err);
		return false;
	}
	t->pmp = xcalloc(t->sys.process_count, sizeof(*t->pmp));
	for (size_t p = 0; p < t->sys.process_count; p++) {
		const struct pwk_process_desc *pd = &t->desc.desc.processes[p];
		pwkgen_pmp_encode(&t->desc.desc.regions[pd->first_region], pd->region_count,
				  &t->pmp[p]);
	}
	return true;
}

bool pwkgen_target_open(struct pwkgen_target *t, const char *path, const struct pwkgen_board *board,
			enum pwkgen_place place, FILE *diag_out)
{
	memset(t, 0, sizeof(*t));
	t->path = path;
	t->board = board;
	t->place = place;
	diag_init(&t->d, path, diag_out);
	if (!json5_parse_file(path, &t->doc, &t->d)) {
		return false;
	}
	t->sys_loaded = cfg_system_from_json(path, &t->doc.root, &t->sys, &t->d);
	if (!t->sys_loaded) {
		return false;
	}
	size_t na = t->sys.app_count, np = t->sys.process_count;
	t->app_flash = xcalloc(na, sizeof(*t->app_flash));
	t->process_flash = xcalloc(np, sizeof(*t->process_flash));
	t->process_ram = xcalloc(np, sizeof(*t->process_ram));
	t->placement = xcalloc(np, sizeof(*t->placement));
	if (!pwkgen_layout(t) || !pwkgen_fit_check(t) || !describe(t)) {
		return false;
	}
	return pwkgen_pmp_check(t);
}

void pwkgen_target_close(struct pwkgen_target *t)
{
	cfg_system_desc_free(&t->desc);
	if (t->sys_loaded) {
		cfg_system_free(&t->sys);
	}
	json5_free(&t->doc);
	free(t->app_flash);
	free(t->process_flash);
	free(t->process_ram);
	free(t->placement);
	free(t->pmp);
	memset(t, 0, sizeof(*t));
}
