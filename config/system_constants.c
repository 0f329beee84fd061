/* SPDX-License-Identifier: Apache-2.0 */
/*
 * system_constants.c — an app's `constants`: typed values the generator
 * hands to every process of the app. The value is checked against the type
 * (range of each integer type; usize/isize are 32-bit like every supported
 * arch; u128/i128 are read up to 64 bits) and kept as normalized text.
 * As upstream, fields other than name, type and value are ignored.
 */
#include "system_internal.h"
#include "json5_unicode.h"

#include <inttypes.h>
#include <string.h>

struct int_type {
	const char *name;
	bool is_signed;
	int64_t min;
	uint64_t max;
};

static const struct int_type int_types[] = {
	{"u8", false, 0, UINT8_MAX},          {"u16", false, 0, UINT16_MAX},
	{"u32", false, 0, UINT32_MAX},        {"u64", false, 0, UINT64_MAX},
	{"u128", false, 0, UINT64_MAX},       {"usize", false, 0, UINT32_MAX},
	{"i8", true, INT8_MIN, INT8_MAX},     {"i16", true, INT16_MIN, INT16_MAX},
	{"i32", true, INT32_MIN, INT32_MAX},  {"i64", true, INT64_MIN, INT64_MAX},
	{"i128", true, INT64_MIN, INT64_MAX}, {"isize", true, INT32_MIN, INT32_MAX},
};

static const struct int_type *find_int_type(const char *name)
{
	for (size_t i = 0; i < sizeof(int_types) / sizeof(int_types[0]); i++) {
		if (strcmp(int_types[i].name, name) == 0) {
			return &int_types[i];
		}
	}
	return NULL;
}

static bool int_value(struct cfg_loader *ld, struct cfg_constant *c, const struct int_type *t,
		      const struct json5_value *v, const char *what)
{
	bool fits;
	if (v->kind != JSON5_NUMBER) {
		fits = false;
	} else if (t->is_signed) {
		fits = v->is_integer && v->integer >= t->min &&
		       (v->integer < 0 || (uint64_t)v->integer <= t->max);
	} else {
		fits = v->is_unsigned && v->uinteger <= t->max;
	}
	if (!fits) {
		if (t->is_signed) {
			cfg_error(ld, v,
				  "value of %s must be an integer from %" PRId64 " to %" PRIu64,
				  what, t->min, t->max);
		} else {
			cfg_error(ld, v, "value of %s must be an integer from 0 to %" PRIu64, what,
				  t->max);
		}
		return false;
	}
	c->value = t->is_signed ? cfg_format(ld, "%" PRId64, v->integer)
				: cfg_format(ld, "%" PRIu64, v->uinteger);
	c->value_len = strlen(c->value);
	return true;
}

static bool text_value(struct cfg_loader *ld, struct cfg_constant *c, const struct json5_value *v,
		       bool one_char, const char *what)
{
	uint32_t cp;
	if (v->kind != JSON5_STRING ||
	    (one_char &&
	     (v->string_len == 0 || json5_utf8_decode((const unsigned char *)v->string,
						      v->string_len, &cp) != v->string_len))) {
		cfg_error(ld, v, "value of %s must be %s", what,
			  one_char ? "a string of exactly one character (e.g. \"x\")"
				   : "a string (in quotes)");
		return false;
	}
	c->value = arena_strndup(ld->arena, v->string, v->string_len);
	c->value_len = v->string_len;
	return true;
}

static void load_value(struct cfg_loader *ld, struct cfg_constant *c, const struct json5_value *v,
		       struct cfg_pos type_pos, const char *what)
{
	const struct int_type *t = find_int_type(c->type);

	if (t != NULL) {
		int_value(ld, c, t, v, what);
	} else if (strcmp(c->type, "bool") == 0) {
		if (v->kind != JSON5_BOOL) {
			cfg_error(ld, v, "value of %s must be true or false", what);
			return;
		}
		c->value = arena_strdup(ld->arena, v->boolean ? "true" : "false");
		c->value_len = strlen(c->value);
	} else if (strcmp(c->type, "char") == 0 || strcmp(c->type, "string") == 0) {
		text_value(ld, c, v, strcmp(c->type, "char") == 0, what);
	} else {
		cfg_error_pos(ld, type_pos,
			      "unknown type \"%s\" of %s: expected bool, char, string, "
			      "u8/u16/u32/u64/u128/usize or i8/i16/i32/i64/i128/isize",
			      c->type, what);
	}
}

void cfg_constants_load(struct cfg_loader *ld, struct cfg_app *a, const struct json5_value *v,
			const char *what)
{
	if (v == NULL || !cfg_expect(ld, v, JSON5_ARRAY, "\"constants\"")) {
		return;
	}
	a->constants = arena_array(ld->arena, v->item_count, sizeof(*a->constants));
	for (size_t i = 0; i < v->item_count; i++) {
		const struct json5_value *e = &v->items[i];
		struct cfg_constant *c = &a->constants[a->constant_count];
		const char *cwhat = cfg_format(ld, "constant #%zu of %s", i + 1, what);
		struct cfg_pos type_pos;

		if (!cfg_expect(ld, e, JSON5_OBJECT, cwhat)) {
			continue;
		}
		c->pos = cfg_pos_of(e);
		if (cfg_get_name(ld, e, cwhat, &c->name, NULL)) {
			cwhat = cfg_format(ld, "constant \"%s\" of %s", c->name, what);
		}
		cfg_check_members(ld, e, cwhat, NULL);
		const struct json5_value *value = cfg_field(ld, e, "value", true, cwhat);
		if (cfg_get_string(ld, e, "type", true, cwhat, &c->type, &type_pos) &&
		    value != NULL) {
			load_value(ld, c, value, type_pos, cwhat);
		}
		if (c->name != NULL && c->value != NULL) {
			a->constant_count++;
		}
	}
}
