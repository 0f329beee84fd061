/* SPDX-License-Identifier: Apache-2.0 */
/*
 * json5_lex.c — the JSON5 grammar (values, arrays, objects, whitespace and
 * comments) and the strict-JSON output it produces. Strings, member names
 * and numbers are spelled out in json5_lex_string.c and json5_lex_number.c.
 *
 * Recursive descent, one function per production; recursion is bounded by
 * JSON5_DEPTH_MAX. The first error stops the parse: after a syntax error
 * the rest of the text has no reliable structure to report on.
 */
#include "json5_lex.h"
#include "json5_unicode.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void json5_lex_error(struct json5_lexer *lx, size_t at, const char *fmt, ...)
{
	int line, col;
	va_list ap;

	json5_lines_position(lx->lines, at, &line, &col);
	va_start(ap, fmt);
	diag_verror(lx->d, line, col, fmt, ap);
	va_end(ap);
}

static void *grow(void *p, size_t count, size_t size)
{
	p = realloc(p, count * size);
	if (p == NULL) {
		fputs("pwk: out of memory while reading JSON5\n", stderr);
		abort();
	}
	return p;
}

void json5_emit(struct json5_lexer *lx, const char *s, size_t n, size_t src)
{
	struct json5_strict *o = lx->out;

	if (o->cap - o->len < n + 1) {
		/* Invariant: json[len] is always a NUL, so keep one spare byte. */
		size_t cap = (o->cap + n + 1) * 2;
		o->json = grow(o->json, cap, 1);
		o->src = grow(o->src, cap, sizeof(*o->src));
		o->cap = cap;
	}
	for (size_t i = 0; i < n; i++) {
		o->json[o->len] = s[i];
		o->src[o->len++] = (uint32_t)src;
	}
	o->json[o->len] = '\0';
}

static uint32_t peek_at(const struct json5_lexer *lx, size_t at)
{
	size_t w;
	return json5_peek(lx, at, &w);
}

static bool at_end(const struct json5_lexer *lx)
{
	return lx->pos >= lx->len;
}

static void skip_line_comment(struct json5_lexer *lx)
{
	while (!at_end(lx)) {
		size_t w;
		if (json5_is_line_terminator(json5_peek(lx, lx->pos, &w))) {
			return;
		}
		lx->pos += w;
	}
}

static bool skip_block_comment(struct json5_lexer *lx)
{
	size_t open = lx->pos;
	for (lx->pos += 2; lx->pos + 1 < lx->len; lx->pos++) {
		if (lx->in[lx->pos] == '*' && lx->in[lx->pos + 1] == '/') {
			lx->pos += 2;
			return true;
		}
	}
	json5_lex_error(lx, open, "unterminated comment: add the closing */");
	return false;
}

/* Skips whitespace and comments; false after reporting an open comment. */
static bool skip_blank(struct json5_lexer *lx)
{
	while (!at_end(lx)) {
		size_t w;
		uint32_t cp = json5_peek(lx, lx->pos, &w);
		uint32_t next = peek_at(lx, lx->pos + 1);

		if (json5_is_space(cp) || json5_is_line_terminator(cp)) {
			lx->pos += w;
		} else if (cp == '/' && next == '/') {
			skip_line_comment(lx);
		} else if (cp == '/' && next == '*') {
			if (!skip_block_comment(lx)) {
				return false;
			}
		} else {
			break;
		}
	}
	return true;
}

/* Could the character at `at` begin a value or a member name? Used to tell
 * a missing comma from any other unexpected character. */
static bool starts_item(const struct json5_lexer *lx, size_t at)
{
	uint32_t cp = peek_at(lx, at);
	if (at < lx->len && cp != 0 && cp < 0x80u && strchr("{[\"'+-.0123456789", (int)cp)) {
		return true;
	}
	return json5_starts_name(cp);
}

static bool lex_value(struct json5_lexer *lx, int depth);

/* A bare word in value position: true, false, null, Infinity or NaN. */
static bool lex_word(struct json5_lexer *lx)
{
	static const char *const literals[] = {"true", "false", "null"};
	size_t start = lx->pos, end = start, w;
	uint32_t cp;

	while ((cp = json5_peek(lx, end, &w), w != 0) && json5_is_id_part(cp)) {
		end += w;
	}
	size_t n = end - start;
	for (size_t i = 0; i < sizeof(literals) / sizeof(literals[0]); i++) {
		if (n == strlen(literals[i]) && memcmp(lx->in + start, literals[i], n) == 0) {
			json5_emit(lx, literals[i], n, start);
			lx->pos = end;
			return true;
		}
	}
	if ((n == 8 && memcmp(lx->in + start, "Infinity", 8) == 0) ||
	    (n == 3 && memcmp(lx->in + start, "NaN", 3) == 0)) {
		return json5_lex_number(lx);
	}
	int shown = n > 40 ? 40 : (int)n;
	json5_lex_error(lx, start,
			"unexpected word '%.*s': quote text values (\"%.*s\"); the only bare "
			"words are true, false, null, Infinity and NaN",
			shown, (const char *)lx->in + start, shown, (const char *)lx->in + start);
	return false;
}

static bool lex_member_name(struct json5_lexer *lx)
{
	char what[32];
	uint32_t cp = peek_at(lx, lx->pos);

	if (!at_end(lx) && (cp == '"' || cp == '\'')) {
		return json5_lex_string(lx);
	}
	if (json5_starts_name(cp)) {
		return json5_lex_name(lx);
	}
	json5_lex_error(lx, lx->pos,
			"expected a member name (an identifier or a quoted string), found %s",
			json5_describe(lx, lx->pos, what));
	return false;
}

/* One `name: value` pair; the caller has emitted any separating comma. */
static bool lex_member(struct json5_lexer *lx, int depth)
{
	char what[32];

	if (!lex_member_name(lx) || !skip_blank(lx)) {
		return false;
	}
	if (at_end(lx) || lx->in[lx->pos] != ':') {
		json5_lex_error(lx, lx->pos, "missing ':' after the member name: found %s",
				json5_describe(lx, lx->pos, what));
		return false;
	}
	json5_emit(lx, ":", 1, lx->pos++);
	return skip_blank(lx) && lex_value(lx, depth + 1) && skip_blank(lx);
}

/* Reports what follows an element or member when it is neither ',' nor the
 * closing bracket. */
static void report_after_item(struct json5_lexer *lx, size_t open, bool object)
{
	char what[32];
	const char *kind = object ? "object" : "array";
	char close = object ? '}' : ']';

	if (at_end(lx)) {
		json5_lex_error(lx, open, "unterminated %s: add the closing '%c'", kind, close);
	} else if (starts_item(lx, lx->pos)) {
		json5_lex_error(lx, lx->pos, "missing ',' between %s: add ',' before %s",
				object ? "members" : "array elements",
				json5_describe(lx, lx->pos, what));
	} else {
		json5_lex_error(lx, lx->pos, "unexpected %s: expected ',' or '%c'",
				json5_describe(lx, lx->pos, what), close);
	}
}

/* An array or an object: items separated by commas, one trailing comma
 * allowed. The comma before an item is emitted only once the item starts,
 * so a trailing comma never reaches the strict JSON. */
static bool lex_items(struct json5_lexer *lx, int depth, bool object)
{
	const char close = object ? '}' : ']';
	size_t open = lx->pos, count = 0, comma = 0;

	json5_emit(lx, object ? "{" : "[", 1, open);
	lx->pos++;
	for (;;) {
		if (!skip_blank(lx)) {
			return false;
		}
		if (at_end(lx)) {
			report_after_item(lx, open, object);
			return false;
		}
		if (lx->in[lx->pos] == (unsigned char)close) {
			break;
		}
		if (!object && lx->in[lx->pos] == ',') {
			json5_lex_error(lx, lx->pos,
					"unexpected ',': an array element is missing before it");
			return false;
		}
		if (count++ > 0) {
			json5_emit(lx, ",", 1, comma);
		}
		bool ok =
			object ? lex_member(lx, depth) : lex_value(lx, depth + 1) && skip_blank(lx);
		if (!ok) {
			return false;
		}
		if (!at_end(lx) && lx->in[lx->pos] == ',') {
			comma = lx->pos++;
			continue;
		}
		if (!at_end(lx) && lx->in[lx->pos] == (unsigned char)close) {
			break;
		}
		report_after_item(lx, open, object);
		return false;
	}
	json5_emit(lx, &close, 1, lx->pos++);
	return true;
}

static bool lex_value(struct json5_lexer *lx, int depth)
{
	char what[32];
	uint32_t cp = peek_at(lx, lx->pos);

	if (at_end(lx)) {
		json5_lex_error(lx, lx->pos, "unexpected end of input: a value is missing");
		return false;
	}
	if ((cp == '{' || cp == '[') && depth > JSON5_DEPTH_MAX) {
		json5_lex_error(lx, lx->pos,
				"nesting too deep: at most %d levels of arrays and "
				"objects are supported",
				JSON5_DEPTH_MAX);
		return false;
	}
	if (cp == '{' || cp == '[') {
		return lex_items(lx, depth, cp == '{');
	}
	if (cp == '"' || cp == '\'') {
		return json5_lex_string(lx);
	}
	if (cp == '+' || cp == '-' || cp == '.' || (cp >= '0' && cp <= '9')) {
		return json5_lex_number(lx);
	}
	if (json5_is_id_start(cp)) {
		return lex_word(lx);
	}
	json5_lex_error(lx, lx->pos,
			"unexpected %s: expected a value (object, array, string, "
			"number, true, false or null)",
			json5_describe(lx, lx->pos, what));
	return false;
}

bool json5_to_strict(const unsigned char *in, size_t len, const struct json5_lines *lines,
		     struct json5_strict *out, struct diag *d)
{
	struct json5_lexer lx = {.in = in, .len = len, .out = out, .lines = lines, .d = d};
	char what[32];

	memset(out, 0, sizeof(*out));
	if (!skip_blank(&lx)) {
		return false;
	}
	if (at_end(&lx)) {
		json5_lex_error(&lx, lx.pos, "empty document: expected a JSON5 value");
		return false;
	}
	if (!lex_value(&lx, 1) || !skip_blank(&lx)) {
		return false;
	}
	if (!at_end(&lx)) {
		json5_lex_error(&lx, lx.pos,
				"unexpected %s after the end of the document: a file holds one "
				"value (wrap several in [ ] or { })",
				json5_describe(&lx, lx.pos, what));
		return false;
	}
	/* jsmn's strict mode wants a delimiter after a top-level primitive. */
	json5_emit(&lx, "\n", 1, len);
	return true;
}

void json5_strict_free(struct json5_strict *s)
{
	free(s->json);
	free(s->src);
	free(s->numbers);
	memset(s, 0, sizeof(*s));
}
