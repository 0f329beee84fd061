/* SPDX-License-Identifier: Apache-2.0 */
/*
 * system_fields.c — typed access to the members of a system.json5 object,
 * with the messages users see when a field is missing, misspelled, repeated
 * or of the wrong type. Every message says where (the offending value or
 * member name), what is wrong, and how to fix it.
 */
#include "system_internal.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

struct cfg_pos cfg_pos_of(const struct json5_value *v)
{
	struct cfg_pos p = {v->line, v->col};
	return p;
}

void cfg_error_pos(struct cfg_loader *ld, struct cfg_pos at, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_verror(ld->d, at.line, at.col, fmt, ap);
	va_end(ap);
}

void cfg_error(struct cfg_loader *ld, const struct json5_value *at, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_verror(ld->d, at->line, at->col, fmt, ap);
	va_end(ap);
}

void cfg_warning(struct cfg_loader *ld, const struct json5_value *at, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_vwarning(ld->d, at->line, at->col, fmt, ap);
	va_end(ap);
}

char *cfg_format(struct cfg_loader *ld, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *s = arena_alloc(ld->arena, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}

const char *cfg_kind_name(json5_kind_t kind)
{
	switch (kind) {
	case JSON5_NULL:
		return "null";
	case JSON5_BOOL:
		return "true or false";
	case JSON5_NUMBER:
		return "a number";
	case JSON5_STRING:
		return "a string";
	case JSON5_ARRAY:
		return "an array [...]";
	case JSON5_OBJECT:
		return "an object {...}";
	}
	return "?";
}

bool cfg_expect(struct cfg_loader *ld, const struct json5_value *v, json5_kind_t kind,
		const char *what)
{
	if (v->kind == kind) {
		return true;
	}
	cfg_error(ld, v, "%s must be %s, not %s", what, cfg_kind_name(kind),
		  cfg_kind_name(v->kind));
	return false;
}

/* Edit distance bounded by 3, for "did you mean" hints on misspelled names. */
static size_t edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), row[64];
	if (la >= 63 || lb >= 63) {
		return 3;
	}
	for (size_t j = 0; j <= lb; j++) {
		row[j] = j;
	}
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);
			best = up + 1 < best ? up + 1 : best;
			best = row[j - 1] + 1 < best ? row[j - 1] + 1 : best;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}

static void report_unknown(struct cfg_loader *ld, const struct json5_member *m, const char *what,
			   const char *const *allowed)
{
	char list[512] = "";
	const char *guess = NULL;
	size_t used = 0;

	for (size_t i = 0; allowed[i] != NULL; i++) {
		int n = snprintf(list + used, sizeof(list) - used, "%s%s", i ? ", " : "",
				 allowed[i]);
		used += n > 0 && (size_t)n < sizeof(list) - used ? (size_t)n : 0;
		if (guess == NULL && edit_distance(m->key, allowed[i]) <= 2) {
			guess = allowed[i];
		}
	}
	struct cfg_pos at = {m->line, m->col};
	if (guess != NULL) {
		cfg_error_pos(ld, at, "unknown field \"%s\" in %s: did you mean \"%s\"?", m->key,
			      what, guess);
	} else {
		cfg_error_pos(ld, at, "unknown field \"%s\" in %s: remove it (fields: %s)", m->key,
			      what, list);
	}
}

static bool is_allowed(const char *key, const char *const *allowed)
{
	for (size_t i = 0; allowed[i] != NULL; i++) {
		if (strcmp(key, allowed[i]) == 0) {
			return true;
		}
	}
	return false;
}

void cfg_check_members(struct cfg_loader *ld, const struct json5_value *obj, const char *what,
		       const char *const *allowed)
{
	for (size_t i = 0; i < obj->member_count; i++) {
		const struct json5_member *m = &obj->members[i];
		struct cfg_pos at = {m->line, m->col};
		for (size_t j = 0; j < i; j++) {
			if (strcmp(obj->members[j].key, m->key) == 0) {
				cfg_error_pos(ld, at,
					      "duplicate field \"%s\" in %s (first at line %d): "
					      "remove one",
					      m->key, what, obj->members[j].line);
				break;
			}
		}
		if (allowed != NULL && !is_allowed(m->key, allowed)) {
			report_unknown(ld, m, what, allowed);
		}
	}
}

const struct json5_value *cfg_field(struct cfg_loader *ld, const struct json5_value *obj,
				    const char *key, bool required, const char *what)
{
	const struct json5_value *v = json5_get(obj, key);
	if (v == NULL && required) {
		cfg_error(ld, obj, "%s is missing the required field \"%s\"", what, key);
	}
	return v;
}

bool cfg_get_string(struct cfg_loader *ld, const struct json5_value *obj, const char *key,
		    bool required, const char *what, char **out, struct cfg_pos *pos)
{
	const struct json5_value *v = cfg_field(ld, obj, key, required, what);
	if (v == NULL) {
		return false;
	}
	if (v->kind != JSON5_STRING) {
		cfg_error(ld, v, "\"%s\" of %s must be a string (in quotes), not %s", key, what,
			  cfg_kind_name(v->kind));
		return false;
	}
	if (strlen(v->string) != v->string_len) {
		cfg_error(ld, v, "\"%s\" of %s contains a NUL character: remove it", key, what);
		return false;
	}
	*out = arena_strndup(ld->arena, v->string, v->string_len);
	if (pos != NULL) {
		*pos = cfg_pos_of(v);
	}
	return true;
}

bool cfg_get_bool(struct cfg_loader *ld, const struct json5_value *obj, const char *key,
		  bool required, const char *what, bool *out)
{
	const struct json5_value *v = cfg_field(ld, obj, key, required, what);
	if (v == NULL) {
		return false;
	}
	if (v->kind != JSON5_BOOL) {
		cfg_error(ld, v, "\"%s\" of %s must be true or false (no quotes), not %s", key,
			  what, cfg_kind_name(v->kind));
		return false;
	}
	*out = v->boolean;
	return true;
}

bool cfg_get_uint(struct cfg_loader *ld, const struct json5_value *obj, const char *key,
		  bool required, const char *what, uint64_t max, const char *why, uint64_t *out)
{
	const struct json5_value *v = cfg_field(ld, obj, key, required, what);
	if (v == NULL) {
		return false;
	}
	if (v->kind == JSON5_STRING) {
		cfg_error(ld, v, "\"%s\" of %s must be a number, not a string: remove the quotes",
			  key, what);
		return false;
	}
	if (v->kind != JSON5_NUMBER) {
		cfg_error(ld, v, "\"%s\" of %s must be a number, not %s", key, what,
			  cfg_kind_name(v->kind));
		return false;
	}
	if (!v->is_integer && !v->is_unsigned) {
		cfg_error(ld, v, "\"%s\" of %s must be a whole number (like 4096 or 0x1000)", key,
			  what);
		return false;
	}
	if (!v->is_unsigned) {
		cfg_error(ld, v, "\"%s\" of %s must not be negative", key, what);
		return false;
	}
	if (v->uinteger > max) {
		cfg_error(ld, v, "\"%s\" of %s is %" PRIu64 " (0x%" PRIx64 "), but %s", key, what,
			  v->uinteger, v->uinteger, why);
		return false;
	}
	*out = v->uinteger;
	return true;
}

bool cfg_get_size(struct cfg_loader *ld, const struct json5_value *obj, const char *key,
		  bool required, const char *what, uint64_t *out)
{
	uint64_t size;
	if (!cfg_get_uint(ld, obj, key, required, what, CFG_ADDRESS_LIMIT,
			  "sizes above 4 GiB do not fit the 32-bit address space", &size)) {
		return false;
	}
	if (size == 0) {
		cfg_error(ld, json5_get(obj, key), "\"%s\" of %s must be greater than 0", key,
			  what);
		return false;
	}
	*out = size;
	return true;
}

bool cfg_get_address(struct cfg_loader *ld, const struct json5_value *obj, const char *key,
		     bool required, const char *what, uint64_t *out)
{
	return cfg_get_uint(ld, obj, key, required, what, CFG_ADDRESS_LIMIT - 1,
			    "addresses are 32-bit (at most 0xffffffff)", out);
}

bool cfg_get_name(struct cfg_loader *ld, const struct json5_value *obj, const char *what,
		  char **out, struct cfg_pos *pos)
{
	if (!cfg_get_string(ld, obj, "name", true, what, out, pos)) {
		return false;
	}
	if ((*out)[0] == '\0') {
		cfg_error(ld, json5_get(obj, "name"), "the name of %s must not be empty", what);
		*out = NULL;
		return false;
	}
	return true;
}
