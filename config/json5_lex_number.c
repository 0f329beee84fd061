/* SPDX-License-Identifier: Apache-2.0 */
/*
 * json5_lex_number.c — JSON5 numbers: optional sign (+ or -), decimal with
 * optional leading or trailing decimal point and exponent, hexadecimal
 * (0x/0X), Infinity and NaN.
 *
 * Integers (decimal or hex, no point, no exponent) are accumulated exactly in
 * 64 bits so addresses like 0xFFFFFFFFFFFFFFFF survive; the double comes
 * from strtod, which rounds decimal and hex spellings correctly. Following
 * ECMAScript, a number may not run straight into a letter or digit ("3in",
 * "0x1g").
 */
#include "json5_lex.h"
#include "json5_unicode.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool is_digit(const struct json5_lexer *lx, size_t at, bool hex)
{
	if (at >= lx->len) {
		return false;
	}
	unsigned char c = lx->in[at];
	return (c >= '0' && c <= '9') ||
	       (hex && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
}

static size_t count_digits(const struct json5_lexer *lx, size_t at, bool hex)
{
	size_t n = 0;
	while (is_digit(lx, at + n, hex)) {
		n++;
	}
	return n;
}

static bool word_at(const struct json5_lexer *lx, size_t at, const char *word)
{
	size_t n = strlen(word);
	return at + n <= lx->len && memcmp(lx->in + at, word, n) == 0;
}

/* Exact magnitude of an integer literal's digits; false on overflow. */
static bool magnitude(const struct json5_lexer *lx, size_t at, size_t n, bool hex, uint64_t *mag)
{
	uint64_t base = hex ? 16u : 10u, v = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = lx->in[at + i];
		uint64_t digit = c <= '9' ? (uint64_t)(c - '0') : (uint64_t)((c | 0x20) - 'a' + 10);
		if (v > (UINT64_MAX - digit) / base) {
			return false;
		}
		v = v * base + digit;
	}
	*mag = v;
	return true;
}

static void set_integer(struct json5_number_lit *lit, bool negative, uint64_t mag)
{
	const uint64_t int64_min_mag = (uint64_t)INT64_MAX + 1u;

	if (negative) {
		lit->is_integer = mag <= int64_min_mag;
		lit->integer = mag == int64_min_mag ? INT64_MIN : -(int64_t)mag;
		lit->is_unsigned = mag == 0;
		lit->uinteger = 0;
	} else {
		lit->is_integer = mag <= (uint64_t)INT64_MAX;
		lit->integer = (int64_t)mag;
		lit->is_unsigned = true;
		lit->uinteger = mag;
	}
}

/* strtod over the literal's bytes (sign included). */
static double parse_double(const struct json5_lexer *lx, size_t start, size_t end)
{
	char *copy = malloc(end - start + 1);
	if (copy == NULL) {
		fputs("pwk: out of memory while reading JSON5\n", stderr);
		abort();
	}
	memcpy(copy, lx->in + start, end - start);
	copy[end - start] = '\0';
	double v = strtod(copy, NULL);
	free(copy);
	return v;
}

size_t json5_number_spell(double number, bool is_integer, bool is_unsigned, int64_t integer,
			  uint64_t uinteger, char buf[JSON5_NUMBER_SPELL_MAX])
{
	int n;
	if (is_integer) {
		n = snprintf(buf, JSON5_NUMBER_SPELL_MAX, "%" PRId64, integer);
	} else if (is_unsigned) {
		n = snprintf(buf, JSON5_NUMBER_SPELL_MAX, "%" PRIu64, uinteger);
	} else if (isfinite(number)) {
		n = snprintf(buf, JSON5_NUMBER_SPELL_MAX, "%.17g", number);
	} else {
		n = snprintf(buf, JSON5_NUMBER_SPELL_MAX, "null");
	}
	return (size_t)n;
}

static void add_number(struct json5_lexer *lx, struct json5_number_lit *lit, size_t src)
{
	struct json5_strict *o = lx->out;
	char buf[JSON5_NUMBER_SPELL_MAX];

	if (o->number_count == o->number_cap) {
		o->number_cap = o->number_cap ? o->number_cap * 2 : 16;
		o->numbers = realloc(o->numbers, o->number_cap * sizeof(*o->numbers));
		if (o->numbers == NULL) {
			fputs("pwk: out of memory while reading JSON5\n", stderr);
			abort();
		}
	}
	lit->out_offset = o->len;
	o->numbers[o->number_count++] = *lit;
	size_t n = json5_number_spell(lit->number, lit->is_integer, lit->is_unsigned, lit->integer,
				      lit->uinteger, buf);
	json5_emit(lx, buf, n, src);
}

/* The digits after an optional sign; returns the end, or 0 after an error. */
static size_t lex_decimal(struct json5_lexer *lx, size_t start, size_t p, bool *integral)
{
	size_t int_digits = count_digits(lx, p, false), frac_digits = 0;

	if (int_digits > 1 && lx->in[p] == '0') {
		json5_lex_error(lx, start,
				"invalid number: leading zeros are not allowed "
				"(JSON5 has no octal numbers; write 0x.. for hex)");
		return 0;
	}
	p += int_digits;
	*integral = true;
	if (p < lx->len && lx->in[p] == '.') {
		*integral = false;
		frac_digits = count_digits(lx, ++p, false);
		p += frac_digits;
	}
	if (int_digits == 0 && frac_digits == 0) {
		json5_lex_error(lx, start,
				"invalid number: digits, Infinity or NaN must follow "
				"the sign or decimal point");
		return 0;
	}
	if (p < lx->len && (lx->in[p] == 'e' || lx->in[p] == 'E')) {
		*integral = false;
		p++;
		p += p < lx->len && (lx->in[p] == '+' || lx->in[p] == '-');
		size_t exp_digits = count_digits(lx, p, false);
		if (exp_digits == 0) {
			json5_lex_error(lx, start,
					"invalid number: the exponent needs digits "
					"(e.g. 1e3)");
			return 0;
		}
		p += exp_digits;
	}
	return p;
}

/* Fills `lit` from the body at p; returns the end of the literal or 0. */
static size_t lex_body(struct json5_lexer *lx, size_t start, size_t p, bool negative,
		       struct json5_number_lit *lit)
{
	uint64_t mag;
	bool integral;

	if (word_at(lx, p, "Infinity")) {
		lit->number = negative ? -INFINITY : INFINITY;
		return p + 8;
	}
	if (word_at(lx, p, "NaN")) {
		lit->number = NAN;
		return p + 3;
	}
	if (word_at(lx, p, "0x") || word_at(lx, p, "0X")) {
		size_t n = count_digits(lx, p + 2, true);
		if (n == 0) {
			json5_lex_error(lx, start,
					"invalid number: write at least one hex digit "
					"after 0x");
			return 0;
		}
		lit->number = parse_double(lx, start, p + 2 + n);
		if (magnitude(lx, p + 2, n, true, &mag)) {
			set_integer(lit, negative, mag);
		}
		return p + 2 + n;
	}
	size_t end = lex_decimal(lx, start, p, &integral);
	if (end == 0) {
		return 0;
	}
	lit->number = parse_double(lx, start, end);
	if (integral && magnitude(lx, p, end - p, false, &mag)) {
		set_integer(lit, negative, mag);
	}
	return end;
}

bool json5_lex_number(struct json5_lexer *lx)
{
	struct json5_number_lit lit = {0};
	size_t start = lx->pos, p = start, w;
	bool negative = false;
	char what[32];

	if (lx->in[p] == '+' || lx->in[p] == '-') {
		negative = lx->in[p] == '-';
		p++;
	}
	size_t end = lex_body(lx, start, p, negative, &lit);
	if (end == 0) {
		return false;
	}
	uint32_t next = json5_peek(lx, end, &w);
	if (w != 0 && (next == '\\' || json5_is_id_part(next))) {
		json5_lex_error(lx, end,
				"invalid number: unexpected %s right after it (separate "
				"values with ',' or quote text)",
				json5_describe(lx, end, what));
		return false;
	}
	lx->pos = end;
	add_number(lx, &lit, start);
	return true;
}
