/* SPDX-License-Identifier: Apache-2.0 */
/*
 * json5_text.c — the input as text: UTF-8 well-formedness, line starts
 * (LF, CR, CRLF, U+2028 and U+2029 end a line, as in JSON5), offset ->
 * line:col (columns count bytes, like compilers), and how a character is
 * named in error messages.
 */
#include "json5_lex.h"
#include "json5_unicode.h"

#include <stdio.h>
#include <stdlib.h>

static size_t line_break_width(const unsigned char *in, size_t len, size_t i)
{
	if (in[i] == '\n') {
		return 1;
	}
	if (in[i] == '\r') {
		return i + 1 < len && in[i + 1] == '\n' ? 2 : 1;
	}
	/* U+2028 and U+2029 are E2 80 A8 / E2 80 A9. */
	if (in[i] == 0xe2u && i + 2 < len && in[i + 1] == 0x80u &&
	    (in[i + 2] == 0xa8u || in[i + 2] == 0xa9u)) {
		return 3;
	}
	return 0;
}

void json5_lines_build(struct json5_lines *l, const unsigned char *in, size_t len)
{
	size_t count = 1;
	for (size_t i = 0; i < len;) {
		size_t w = line_break_width(in, len, i);
		count += w != 0;
		i += w != 0 ? w : 1;
	}
	l->starts = malloc(count * sizeof(*l->starts));
	if (l->starts == NULL) {
		fputs("pwk: out of memory while reading JSON5\n", stderr);
		abort();
	}
	l->count = 0;
	l->starts[l->count++] = 0;
	for (size_t i = 0; i < len;) {
		size_t w = line_break_width(in, len, i);
		i += w != 0 ? w : 1;
		if (w != 0) {
			l->starts[l->count++] = i;
		}
	}
}

void json5_lines_free(struct json5_lines *l)
{
	free(l->starts);
	l->starts = NULL;
	l->count = 0;
}

void json5_lines_position(const struct json5_lines *l, size_t offset, int *line, int *col)
{
	/* The last line start not after `offset`. */
	size_t lo = 0, hi = l->count;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (l->starts[mid] <= offset) {
			lo = mid;
		} else {
			hi = mid;
		}
	}
	*line = (int)(lo + 1);
	*col = (int)(offset - l->starts[lo] + 1);
}

bool json5_check_input(const unsigned char *in, size_t len, const struct json5_lines *lines,
		       struct diag *d)
{
	if (len > JSON5_INPUT_MAX) {
		diag_error(d, 0, 0, "file too large (%zu bytes; the limit is %u bytes)", len,
			   JSON5_INPUT_MAX);
		return false;
	}
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = json5_utf8_decode(in + i, len - i, &cp);
		if (n == 0) {
			int line, col;
			json5_lines_position(lines, i, &line, &col);
			diag_error(d, line, col,
				   "invalid UTF-8 (byte 0x%02x): save the file as UTF-8", in[i]);
			return false;
		}
		i += n;
	}
	return true;
}

uint32_t json5_peek(const struct json5_lexer *lx, size_t at, size_t *width)
{
	uint32_t cp = 0;
	*width = at < lx->len ? json5_utf8_decode(lx->in + at, lx->len - at, &cp) : 0;
	return cp;
}

const char *json5_describe(const struct json5_lexer *lx, size_t at, char buf[32])
{
	size_t w;
	uint32_t cp = json5_peek(lx, at, &w);

	if (w == 0) {
		return "end of input";
	}
	if (cp >= 0x21u && cp < 0x7fu) {
		snprintf(buf, 32, "'%c'", (char)cp);
	} else {
		snprintf(buf, 32, "U+%04X", (unsigned)cp);
	}
	return buf;
}
