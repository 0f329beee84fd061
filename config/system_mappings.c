/* SPDX-License-Identifier: Apache-2.0 */
/*
 * system_mappings.c — a process's `memory_mappings`: extra regions (device
 * registers, shared code or data) the process may access besides its app's
 * flash and its own RAM. Those two are implicit and upstream names them
 * `flash` and `ram`, so a user mapping may not take either name.
 */
#include "system_internal.h"

#include <inttypes.h>
#include <string.h>

static const char *const mapping_fields[] = {"name", "type", "start_address", "size_bytes", NULL};

static bool parse_type(const char *s, cfg_mapping_type_t *out)
{
	static const struct {
		const char *name;
		cfg_mapping_type_t type;
	} types[] = {
		{"device", CFG_MAPPING_DEVICE},
		{"read_only_executable", CFG_MAPPING_READ_ONLY_EXECUTABLE},
		{"read_write_data", CFG_MAPPING_READ_WRITE_DATA},
	};
	for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
		if (strcmp(s, types[i].name) == 0) {
			*out = types[i].type;
			return true;
		}
	}
	return false;
}

static bool load_mapping(struct cfg_loader *ld, struct cfg_mapping *m, const struct json5_value *e,
			 const char *what)
{
	char *type;
	struct cfg_pos type_pos;
	bool ok = true;

	m->pos = cfg_pos_of(e);
	if (cfg_get_name(ld, e, what, &m->name, NULL)) {
		what = cfg_format(ld, "mapping \"%s\"", m->name);
		if (strcmp(m->name, "flash") == 0 || strcmp(m->name, "ram") == 0) {
			cfg_error(ld, json5_get(e, "name"),
				  "%s: the name is reserved for the process's implicit %s "
				  "mapping: choose another",
				  what, m->name);
		}
	} else {
		ok = false;
	}
	cfg_check_members(ld, e, what, mapping_fields);
	if (cfg_get_string(ld, e, "type", true, what, &type, &type_pos) &&
	    !parse_type(type, &m->type)) {
		cfg_error_pos(ld, type_pos,
			      "unknown type \"%s\" of %s: expected \"device\", "
			      "\"read_only_executable\" or \"read_write_data\"",
			      type, what);
		ok = false;
	}
	ok &= cfg_get_address(ld, e, "start_address", true, what, &m->start_address);
	ok &= cfg_get_size(ld, e, "size_bytes", true, what, &m->size_bytes);
	if (ok && m->start_address + m->size_bytes > CFG_ADDRESS_LIMIT) {
		cfg_error(ld, json5_get(e, "size_bytes"),
			  "%s ends at 0x%" PRIx64 ", past the 32-bit address space: reduce "
			  "size_bytes or start_address",
			  what, m->start_address + m->size_bytes);
		ok = false;
	}
	return ok;
}

void cfg_mappings_load(struct cfg_loader *ld, struct cfg_process *p, const struct json5_value *v,
		       const char *what)
{
	if (v == NULL || !cfg_expect(ld, v, JSON5_ARRAY, "\"memory_mappings\"")) {
		return;
	}
	p->mappings = arena_array(ld->arena, v->item_count, sizeof(*p->mappings));
	for (size_t i = 0; i < v->item_count; i++) {
		const struct json5_value *e = &v->items[i];
		const char *mwhat = cfg_format(ld, "mapping #%zu of %s", i + 1, what);

		if (cfg_expect(ld, e, JSON5_OBJECT, mwhat) &&
		    load_mapping(ld, &p->mappings[p->mapping_count], e, mwhat)) {
			p->mapping_count++;
		}
	}
}
