/* SPDX-License-Identifier: Apache-2.0 */
/*
 * json5_unicode.h — UTF-8 decoding and the Unicode classes the JSON5 grammar
 * is written in (identifier characters, whitespace, line terminators).
 * Internal to config/ (pwk-gen reuses the UTF-8 decoder for char constants).
 */
#ifndef PWK_CONFIG_JSON5_UNICODE_H
#define PWK_CONFIG_JSON5_UNICODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct json5_range {
	uint32_t lo, hi; /* inclusive */
};

/* Generated tables (json5_unicode_table.c), sorted, non-overlapping. */
extern const struct json5_range json5_id_start_ranges[];
extern const size_t json5_id_start_ranges_count;
extern const struct json5_range json5_id_part_ranges[];
extern const size_t json5_id_part_ranges_count;
extern const struct json5_range json5_space_ranges[];
extern const size_t json5_space_ranges_count;

/* Decodes one well-formed UTF-8 sequence at s[0..len). Returns its length
 * (1..4) and stores the code point, or 0 when the bytes are not well-formed
 * UTF-8 (overlong forms, surrogates and values past U+10FFFF included). */
size_t json5_utf8_decode(const unsigned char *s, size_t len, uint32_t *cp);

/* Encodes a Unicode scalar value; returns 1..4 bytes written to out. */
size_t json5_utf8_encode(uint32_t cp, char out[4]);

/* ECMAScript 5.1 IdentifierStart without the \u escape: $, _ or a letter. */
bool json5_is_id_start(uint32_t cp);
/* IdentifierPart: IdentifierStart, digits, combining marks, connectors,
 * ZWNJ, ZWJ. */
bool json5_is_id_part(uint32_t cp);
/* JSON5 WhiteSpace (tab, VT, FF, space, NBSP, BOM, any Zs). */
bool json5_is_space(uint32_t cp);
/* LineTerminator: LF, CR, U+2028, U+2029. */
bool json5_is_line_terminator(uint32_t cp);

#endif
