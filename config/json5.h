/*
 * json5.h — a JSON5 reader (json5.org spec: comments, unquoted identifier
 * keys, single-quoted strings, trailing commas, hex numbers, leading/trailing
 * decimal points, +/-Infinity, NaN, explicit +, line continuations and the
 * JSON5 escapes). A JSON5 front-end rewrites the text into strict JSON with
 * a position map; jsmn tokenizes that; the tokens become this tree.
 * Positions in the tree and in errors are those of the original text.
 */
#ifndef PWK_CONFIG_JSON5_H
#define PWK_CONFIG_JSON5_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "diag.h"

typedef enum {
	JSON5_NULL,
	JSON5_BOOL,
	JSON5_NUMBER,
	JSON5_STRING,
	JSON5_ARRAY,
	JSON5_OBJECT,
} json5_kind_t;

struct json5_member;

struct json5_value {
	json5_kind_t kind;
	int line, col; /* where the value starts in the source */
	bool boolean;
	/* NUMBER: `number` always; `is_integer` when the literal is an integer
	 * (decimal or hex, optional sign) that fits `integer`; `is_unsigned`
	 * when it is non-negative and fits `uinteger`. */
	double number;
	bool is_integer, is_unsigned;
	int64_t integer;
	uint64_t uinteger;
	/* STRING: unescaped UTF-8, NUL-terminated (may contain NULs: use len). */
	char *string;
	size_t string_len;
	/* ARRAY */
	struct json5_value *items;
	size_t item_count;
	/* OBJECT, in document order */
	struct json5_member *members;
	size_t member_count;
};

struct json5_member {
	char *key;      /* unescaped, NUL-terminated */
	size_t key_len; /* bytes in key (a \u0000 escape may put a NUL inside) */
	int line, col;  /* position of the key */
	struct json5_value value;
};

struct json5_doc {
	struct json5_value root;
	char *arena; /* owned storage; freed by json5_free */
};

/* Parses `text` (len bytes). On error reports through `d` (path:line:col)
 * and returns false; `doc` is then empty. */
bool json5_parse(const char *text, size_t len, struct json5_doc *doc, struct diag *d);

/* Reads the whole file and parses it; reports unreadable files through d. */
bool json5_parse_file(const char *path, struct json5_doc *doc, struct diag *d);

void json5_free(struct json5_doc *doc);

/* Member lookup by key (first match), or NULL. */
const struct json5_value *json5_get(const struct json5_value *object, const char *key);

/* Writes `v` as canonical JSON (RFC 8259, members in document order, two-space
 * indentation, numbers: integers as integers, others with %.17g; non-finite
 * numbers are not representable in JSON and are written as null). Writes no
 * trailing newline. */
void json5_write_json(FILE *out, const struct json5_value *v);

#endif
