/* SPDX-License-Identifier: Apache-2.0 */
/*
 * json5_lex_string.c — JSON5 strings and unquoted member names, re-spelled
 * as JSON strings.
 *
 * A JSON5 string may be single- or double-quoted, may hold raw control
 * characters, U+2028/U+2029 and line continuations, and knows escapes JSON
 * does not (\' \v \0 \xHH, and "\q" meaning "q"). Each character is decoded
 * to a code point here and written back in the one JSON spelling: '"' and
 * '\' escaped, control characters as \b \f \n \r \t or \u00XX, everything
 * else as raw UTF-8. \u escapes that form a surrogate pair become one
 * character; a lone surrogate has no UTF-8 form and is an error.
 */
#include "json5_lex.h"
#include "json5_unicode.h"

#include <stdio.h>

static void emit_code_point(struct json5_lexer *lx, uint32_t cp, size_t src)
{
	char buf[8];
	size_t n;

	switch (cp) {
	case '"':
		json5_emit(lx, "\\\"", 2, src);
		return;
	case '\\':
		json5_emit(lx, "\\\\", 2, src);
		return;
	case '\b':
		json5_emit(lx, "\\b", 2, src);
		return;
	case '\f':
		json5_emit(lx, "\\f", 2, src);
		return;
	case '\n':
		json5_emit(lx, "\\n", 2, src);
		return;
	case '\r':
		json5_emit(lx, "\\r", 2, src);
		return;
	case '\t':
		json5_emit(lx, "\\t", 2, src);
		return;
	default:
		break;
	}
	if (cp < 0x20u) {
		snprintf(buf, sizeof(buf), "\\u%04x", (unsigned)cp);
		json5_emit(lx, buf, 6, src);
		return;
	}
	n = json5_utf8_encode(cp, buf);
	json5_emit(lx, buf, n, src);
}

static int hex_value(unsigned char c)
{
	if (c >= '0' && c <= '9') {
		return c - '0';
	}
	if (c >= 'a' && c <= 'f') {
		return c - 'a' + 10;
	}
	if (c >= 'A' && c <= 'F') {
		return c - 'A' + 10;
	}
	return -1;
}

/* Reads `digits` hex digits at `at`; false when any is missing. */
static bool read_hex(const struct json5_lexer *lx, size_t at, int digits, uint32_t *value)
{
	*value = 0;
	for (int i = 0; i < digits; i++) {
		int v = at + (size_t)i < lx->len ? hex_value(lx->in[at + (size_t)i]) : -1;
		if (v < 0) {
			return false;
		}
		*value = *value * 16u + (uint32_t)v;
	}
	return true;
}

static bool is_high_surrogate(uint32_t u)
{
	return u >= 0xd800u && u <= 0xdbffu;
}

static bool is_low_surrogate(uint32_t u)
{
	return u >= 0xdc00u && u <= 0xdfffu;
}

/* At "\u": one UTF-16 unit, or two for a surrogate pair. `esc` is where the
 * backslash is; on success lx->pos is past the escape(s). */
static bool lex_unicode_escape(struct json5_lexer *lx, size_t esc, uint32_t *cp)
{
	uint32_t u, low;

	if (!read_hex(lx, esc + 2, 4, &u)) {
		json5_lex_error(lx, esc,
				"invalid escape '\\u': write exactly four hex digits "
				"(e.g. \\u00e9)");
		return false;
	}
	lx->pos = esc + 6;
	if (is_high_surrogate(u) && lx->pos + 1 < lx->len && lx->in[lx->pos] == '\\' &&
	    lx->in[lx->pos + 1] == 'u' && read_hex(lx, lx->pos + 2, 4, &low) &&
	    is_low_surrogate(low)) {
		lx->pos += 6;
		*cp = 0x10000u + ((u - 0xd800u) << 10) + (low - 0xdc00u);
		return true;
	}
	if (is_high_surrogate(u) || is_low_surrogate(u)) {
		json5_lex_error(lx, esc,
				"invalid escape '\\u%04x': a lone UTF-16 surrogate has no UTF-8 "
				"form; write the whole pair (e.g. \\ud83d\\ude00) or the character",
				(unsigned)u);
		return false;
	}
	*cp = u;
	return true;
}

static uint32_t single_escape(uint32_t c)
{
	switch (c) {
	case 'b':
		return '\b';
	case 'f':
		return '\f';
	case 'n':
		return '\n';
	case 'r':
		return '\r';
	case 't':
		return '\t';
	case 'v':
		return '\v';
	default:
		return UINT32_MAX;
	}
}

/* At a backslash inside a string. Sets *cp, or *cp = UINT32_MAX for a line
 * continuation (which stands for nothing). */
static bool lex_escape(struct json5_lexer *lx, uint32_t *cp)
{
	size_t esc = lx->pos, w;
	uint32_t c = json5_peek(lx, esc + 1, &w), hex;

	if (c == 'u') {
		return lex_unicode_escape(lx, esc, cp);
	}
	lx->pos = esc + 1 + w;
	if (c == 'x') {
		if (!read_hex(lx, esc + 2, 2, &hex)) {
			json5_lex_error(lx, esc,
					"invalid escape '\\x': write exactly two hex "
					"digits (e.g. \\x41)");
			return false;
		}
		lx->pos = esc + 4;
		*cp = hex;
		return true;
	}
	uint32_t next = json5_peek(lx, lx->pos, &w);
	if ((c == '0' && next >= '0' && next <= '9') || (c >= '1' && c <= '9')) {
		json5_lex_error(lx, esc,
				"invalid escape '\\%c': JSON5 has no octal escapes; "
				"write \\xHH or \\uHHHH",
				(char)c);
		return false;
	}
	if (c == '\r' && next == '\n') {
		lx->pos++;
	}
	if (json5_is_line_terminator(c)) {
		*cp = UINT32_MAX;
		return true;
	}
	*cp = c == '0' ? 0 : single_escape(c);
	if (*cp == UINT32_MAX) {
		/* \' \" \\ \/ and any other character stand for themselves. */
		*cp = c;
	}
	return true;
}

bool json5_lex_string(struct json5_lexer *lx)
{
	size_t open = lx->pos, w;
	unsigned char quote = lx->in[open];

	json5_emit(lx, "\"", 1, open);
	lx->pos++;
	for (;;) {
		size_t at = lx->pos;
		uint32_t cp = json5_peek(lx, at, &w);

		if (w == 0 || cp == '\n' || cp == '\r') {
			json5_lex_error(lx, open,
					"unterminated string: add the closing %c (to continue a "
					"string on the next line, end the line with \\)",
					quote);
			return false;
		}
		if (cp == quote) {
			lx->pos += w;
			json5_emit(lx, "\"", 1, at);
			return true;
		}
		if (cp != '\\') {
			lx->pos += w;
			emit_code_point(lx, cp, at);
			continue;
		}
		if (lx->pos + 1 >= lx->len) {
			json5_lex_error(lx, open, "unterminated string: add the closing %c", quote);
			return false;
		}
		if (!lex_escape(lx, &cp)) {
			return false;
		}
		if (cp != UINT32_MAX) {
			emit_code_point(lx, cp, at);
		}
	}
}

bool json5_starts_name(uint32_t cp)
{
	return cp == '\\' || json5_is_id_start(cp);
}

/* One character of an unquoted name: raw, or a \uHHHH escape that must
 * itself be an identifier character (ECMAScript 5.1, 7.6). */
static bool lex_name_char(struct json5_lexer *lx, bool first, uint32_t *cp)
{
	size_t at = lx->pos, w;

	*cp = json5_peek(lx, at, &w);
	if (*cp != '\\') {
		if (w == 0 || !(first ? json5_is_id_start(*cp) : json5_is_id_part(*cp))) {
			return false;
		}
		lx->pos += w;
		return true;
	}
	if (json5_peek(lx, at + 1, &w) != 'u' || !read_hex(lx, at + 2, 4, cp) ||
	    !(first ? json5_is_id_start(*cp) : json5_is_id_part(*cp))) {
		json5_lex_error(lx, at,
				"invalid escape in a member name: only \\uHHHH escapes "
				"of identifier characters are allowed; quote the name "
				"instead");
		*cp = UINT32_MAX;
		return false;
	}
	lx->pos += 6;
	return true;
}

bool json5_lex_name(struct json5_lexer *lx)
{
	size_t open = lx->pos;
	uint32_t cp;

	json5_emit(lx, "\"", 1, open);
	for (bool first = true;; first = false) {
		size_t at = lx->pos;
		if (!lex_name_char(lx, first, &cp)) {
			if (cp == UINT32_MAX) {
				return false;
			}
			break;
		}
		emit_code_point(lx, cp, at);
	}
	json5_emit(lx, "\"", 1, lx->pos);
	return true;
}
