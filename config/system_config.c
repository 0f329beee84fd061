/* SPDX-License-Identifier: Apache-2.0 */
/*
 * system_config.c — the public entry points of the system.json5 loader
 * (load, free, lookups, naming). The stages live in system_*.c; see
 * system_internal.h for their order.
 */
#include "system_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool cfg_system_from_json(const char *path, const struct json5_value *root, struct cfg_system *sys,
			  struct diag *d)
{
	struct arena *arena = calloc(1, sizeof(*arena));

	memset(sys, 0, sizeof(*sys));
	if (arena == NULL) {
		diag_error(d, 0, 0, "out of memory");
		return false;
	}
	sys->storage = arena;
	sys->path = arena_strdup(arena, path != NULL ? path : "<input>");

	struct cfg_loader ld = {.sys = sys, .d = d, .arena = arena, .errors_at_start = d->errors};
	if (!cfg_schema_load(&ld, root)) {
		cfg_system_free(sys);
		return false;
	}
	return true;
}

bool cfg_system_load(const char *path, struct cfg_system *sys, struct diag *d)
{
	struct json5_doc doc;

	memset(sys, 0, sizeof(*sys));
	if (!json5_parse_file(path, &doc, d)) {
		return false;
	}
	bool ok = cfg_system_from_json(path, &doc.root, sys, d);
	json5_free(&doc);
	return ok;
}

void cfg_system_free(struct cfg_system *sys)
{
	if (sys->storage != NULL) {
		arena_free(sys->storage);
		free(sys->storage);
	}
	memset(sys, 0, sizeof(*sys));
}

uint32_t cfg_process_find(const struct cfg_system *sys, const char *name)
{
	for (size_t i = 0; i < sys->process_count; i++) {
		if (sys->processes[i].name != NULL && strcmp(sys->processes[i].name, name) == 0) {
			return (uint32_t)i;
		}
	}
	return PWK_NONE;
}

size_t cfg_constant_name(const char *prefix, const char *name, char *out, size_t cap)
{
	size_t n = 0;

	/* Invariant: bytes n < cap - 1 are written, the rest only counted. */
	for (const char *s = prefix; *s != '\0'; s++, n++) {
		if (n + 1 < cap) {
			out[n] = *s;
		}
	}
	for (const unsigned char *s = (const unsigned char *)name; *s != '\0'; s++, n++) {
		char c = '_';
		if (*s >= 'a' && *s <= 'z') {
			c = (char)(*s - 'a' + 'A');
		} else if ((*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9')) {
			c = (char)*s;
		}
		if (n + 1 < cap) {
			out[n] = c;
		}
	}
	if (cap > 0) {
		out[n < cap ? n : cap - 1] = '\0';
	}
	return n;
}

void cfg_handle_constant_name(const char *object_name, char *out, size_t cap)
{
	cfg_constant_name("HANDLE_", object_name, out, cap);
}

const char *cfg_schema_name(cfg_schema_t schema)
{
	switch (schema) {
	case CFG_SCHEMA_APP_MAP:
		return "app-map (2025: apps keyed by name, one process each)";
	case CFG_SCHEMA_APP_THREADS:
		return "app-threads (seed document / early 2026: apps list, threads lists)";
	case CFG_SCHEMA_OBJECTS:
		return "objects (2026: RAM per process, threads as objects)";
	}
	return "?";
}

const char *cfg_arch_name(cfg_arch_t arch)
{
	switch (arch) {
	case CFG_ARCH_NONE:
		return "none (host defaults)";
	case CFG_ARCH_RISCV:
		return "riscv";
	case CFG_ARCH_ARMV8M:
		return "armv8m";
	case CFG_ARCH_ARMV7M:
		return "armv7m";
	}
	return "?";
}

const char *cfg_object_type_name(const struct cfg_object *o)
{
	return o->legacy_ticker ? "ticker" : pwk_object_type_name(o->type);
}

const char *cfg_mapping_type_name(cfg_mapping_type_t type)
{
	switch (type) {
	case CFG_MAPPING_DEVICE:
		return "device";
	case CFG_MAPPING_READ_ONLY_EXECUTABLE:
		return "read_only_executable";
	case CFG_MAPPING_READ_WRITE_DATA:
		return "read_write_data";
	}
	return "?";
}
