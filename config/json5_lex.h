/* SPDX-License-Identifier: Apache-2.0 */
/*
 * json5_lex.h — the JSON5 front-end, internal to config/.
 *
 * json5_to_strict() reads JSON5 text and writes the same document as strict
 * JSON (RFC 8259), which jsmn can tokenize. Alongside the JSON it keeps:
 *   - src[i], the input offset of the JSON5 character that produced json[i],
 *     so every token jsmn finds maps back to the user's line:col;
 *   - the value of every number literal, computed from the JSON5 spelling
 *     (hex integers up to 0xFFFFFFFFFFFFFFFF stay exact, and Infinity/NaN
 *     survive although JSON cannot spell them).
 * The front-end checks the whole JSON5 grammar itself, so each error names
 * what is wrong in JSON5 terms; jsmn then never sees invalid input.
 */
#ifndef PWK_CONFIG_JSON5_LEX_H
#define PWK_CONFIG_JSON5_LEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"

/* Deeper nesting is an error; the tree builder recurses once per level. */
#define JSON5_DEPTH_MAX 256
/* Larger inputs are refused (offsets fit in uint32_t and in jsmn's int). */
#define JSON5_INPUT_MAX (16u * 1024u * 1024u)

struct json5_number_lit {
	size_t out_offset; /* where its JSON spelling starts in json[] */
	double number;
	bool is_integer, is_unsigned;
	int64_t integer;
	uint64_t uinteger;
};

/* Offsets where each line starts, for offset -> line:col. */
struct json5_lines {
	size_t *starts;
	size_t count;
};

struct json5_strict {
	char *json; /* strict JSON, NUL-terminated */
	uint32_t *src;
	size_t len, cap;
	struct json5_number_lit *numbers; /* in document order */
	size_t number_count, number_cap;
};

struct json5_lexer {
	const unsigned char *in;
	size_t len, pos;
	struct json5_strict *out;
	const struct json5_lines *lines;
	struct diag *d;
};

void json5_lines_build(struct json5_lines *l, const unsigned char *in, size_t len);
void json5_lines_free(struct json5_lines *l);
void json5_lines_position(const struct json5_lines *l, size_t offset, int *line, int *col);

/* Checks that the whole input is UTF-8 and not too large; reports the
 * first offending byte. */
bool json5_check_input(const unsigned char *in, size_t len, const struct json5_lines *lines,
		       struct diag *d);

/* The front-end proper. On failure one error has been reported. */
bool json5_to_strict(const unsigned char *in, size_t len, const struct json5_lines *lines,
		     struct json5_strict *out, struct diag *d);
void json5_strict_free(struct json5_strict *s);

/* Shared by the lexer files. */
void json5_lex_error(struct json5_lexer *lx, size_t at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void json5_emit(struct json5_lexer *lx, const char *s, size_t n, size_t src);
/* Decodes the code point at `at` (input is valid UTF-8); width 0 at EOF. */
uint32_t json5_peek(const struct json5_lexer *lx, size_t at, size_t *width);
/* Describes the character at `at` for an error message ("'@'", "end of input"). */
const char *json5_describe(const struct json5_lexer *lx, size_t at, char buf[32]);

/* At a quote: the string, re-spelled as a JSON string. */
bool json5_lex_string(struct json5_lexer *lx);
/* At an identifier start or '\': an unquoted member name, as a JSON string. */
bool json5_lex_name(struct json5_lexer *lx);
/* Longest JSON spelling of a number ("%.17g" of a double, or an int64). */
#define JSON5_NUMBER_SPELL_MAX 40
/* The one JSON spelling of a number, shared by the front-end and the
 * canonical writer: integers exactly, other finite values with %.17g,
 * non-finite values as null. Returns the length written. */
size_t json5_number_spell(double number, bool is_integer, bool is_unsigned, int64_t integer,
			  uint64_t uinteger, char buf[JSON5_NUMBER_SPELL_MAX]);

/* At '+', '-', '.', a digit, 'I' or 'N': a number. */
bool json5_lex_number(struct json5_lexer *lx);
/* True when the code point may start an unquoted member name. */
bool json5_starts_name(uint32_t cp);

#endif
