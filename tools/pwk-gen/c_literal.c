/* SPDX-License-Identifier: Apache-2.0 */
/*
 * c_literal.c — app constants as C literals. Rust constants carry their
 * type; C literals carry it in their suffix, so each integer type gets the
 * suffix of a C type at least as wide (u32 -> u, u64 -> ull, ...). Negative
 * values are parenthesised so a macro use like `-CONSTANT_X` stays correct.
 */
#include "c_literal.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "json5_unicode.h"

static char *format(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static char *format(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *s = malloc((size_t)n + 1);
	if (s != NULL) {
		va_start(ap, fmt);
		vsnprintf(s, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	return s;
}

static bool is_64bit(const char *type)
{
	return strcmp(type + 1, "64") == 0 || strcmp(type + 1, "128") == 0;
}

static char *integer_literal(const struct cfg_constant *c)
{
	bool is_signed = c->type[0] == 'i';
	bool wide = is_64bit(c->type);
	const char *v = c->value;

	if (!is_signed) {
		return format("%s%s", v, wide ? "ull" : "u");
	}
	if (v[0] != '-') {
		return format("%s%s", v, wide ? "ll" : "");
	}
	/* The most negative value has no positive counterpart to negate. */
	if (strcmp(v, "-9223372036854775808") == 0) {
		return format("(-9223372036854775807ll - 1)");
	}
	if (strcmp(v, "-2147483648") == 0) {
		return format("(-2147483647 - 1)");
	}
	return format("(%s%s)", v, wide ? "ll" : "");
}

static char *char_literal(const struct cfg_constant *c)
{
	uint32_t cp = 0;

	json5_utf8_decode((const unsigned char *)c->value, c->value_len, &cp);
	if (cp == '\'' || cp == '\\') {
		return format("'\\%c'", (char)cp);
	}
	if (cp >= 0x20u && cp < 0x7fu) {
		return format("'%c'", (char)cp);
	}
	return format("0x%xu", (unsigned)cp);
}

char *pwkgen_constant_literal(const struct cfg_constant *c)
{
	if (strcmp(c->type, "bool") == 0) {
		return format("%s", c->value);
	}
	if (strcmp(c->type, "char") == 0) {
		return char_literal(c);
	}
	if (strcmp(c->type, "string") == 0) {
		char *buf = NULL;
		size_t len = 0;
		FILE *f = open_memstream(&buf, &len);
		if (f == NULL) {
			return NULL;
		}
		pwkgen_write_c_string(f, c->value, c->value_len);
		fclose(f);
		return buf;
	}
	return integer_literal(c);
}

void pwkgen_write_c_string(FILE *out, const char *s, size_t len)
{
	fputc('"', out);
	for (size_t i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (ch == '"' || ch == '\\') {
			fprintf(out, "\\%c", ch);
		} else if (ch == '?') {
			fputs("\\?", out); /* never part of a trigraph */
		} else if (ch >= 0x20u && ch < 0x7fu) {
			fputc(ch, out);
		} else {
			/* Always three octal digits, so a following digit is never
			 * taken into the escape. */
			fprintf(out, "\\%03o", ch);
		}
	}
	fputc('"', out);
}
