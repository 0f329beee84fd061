/* SPDX-License-Identifier: Apache-2.0 */
/*
 * json5_unicode.c — UTF-8 and character classes for the JSON5 reader. ASCII
 * is decided inline; everything else by binary search in the generated
 * range tables, so the answer never depends on the C library's locale.
 */
#include "json5_unicode.h"

static bool in_ranges(const struct json5_range *r, size_t count, uint32_t cp)
{
	size_t lo = 0, hi = count;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cp < r[mid].lo) {
			hi = mid;
		} else if (cp > r[mid].hi) {
			lo = mid + 1;
		} else {
			return true;
		}
	}
	return false;
}

static bool is_continuation(unsigned char c)
{
	return (c & 0xc0u) == 0x80u;
}

size_t json5_utf8_decode(const unsigned char *s, size_t len, uint32_t *cp)
{
	/* Lead byte forms of 2-, 3- and 4-byte sequences and the smallest
	 * value each may encode (anything smaller is an overlong form). */
	static const struct {
		unsigned char mask, lead;
		size_t n;
		uint32_t min;
	} forms[] = {
		{0xe0u, 0xc0u, 2, 0x80u}, {0xf0u, 0xe0u, 3, 0x800u}, {0xf8u, 0xf0u, 4, 0x10000u}};

	if (len == 0) {
		return 0;
	}
	if (s[0] < 0x80u) {
		*cp = s[0];
		return 1;
	}
	for (size_t f = 0; f < sizeof(forms) / sizeof(forms[0]); f++) {
		if ((s[0] & forms[f].mask) != forms[f].lead) {
			continue;
		}
		size_t n = forms[f].n;
		uint32_t v = s[0] & (uint32_t)~forms[f].mask & 0xffu;
		for (size_t i = 1; i < n; i++) {
			if (i >= len || !is_continuation(s[i])) {
				return 0;
			}
			v = (v << 6) | (s[i] & 0x3fu);
		}
		if (v < forms[f].min || v > 0x10ffffu || (v >= 0xd800u && v <= 0xdfffu)) {
			return 0;
		}
		*cp = v;
		return n;
	}
	return 0;
}

size_t json5_utf8_encode(uint32_t cp, char out[4])
{
	if (cp < 0x80u) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800u) {
		out[0] = (char)(0xc0u | (cp >> 6));
		out[1] = (char)(0x80u | (cp & 0x3fu));
		return 2;
	}
	if (cp < 0x10000u) {
		out[0] = (char)(0xe0u | (cp >> 12));
		out[1] = (char)(0x80u | ((cp >> 6) & 0x3fu));
		out[2] = (char)(0x80u | (cp & 0x3fu));
		return 3;
	}
	out[0] = (char)(0xf0u | (cp >> 18));
	out[1] = (char)(0x80u | ((cp >> 12) & 0x3fu));
	out[2] = (char)(0x80u | ((cp >> 6) & 0x3fu));
	out[3] = (char)(0x80u | (cp & 0x3fu));
	return 4;
}

bool json5_is_id_start(uint32_t cp)
{
	if (cp < 0x80u) {
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == '$' ||
		       cp == '_';
	}
	return in_ranges(json5_id_start_ranges, json5_id_start_ranges_count, cp);
}

bool json5_is_id_part(uint32_t cp)
{
	if (cp < 0x80u) {
		return json5_is_id_start(cp) || (cp >= '0' && cp <= '9');
	}
	if (cp == 0x200cu || cp == 0x200du) {
		return true;
	}
	return json5_is_id_start(cp) ||
	       in_ranges(json5_id_part_ranges, json5_id_part_ranges_count, cp);
}

bool json5_is_space(uint32_t cp)
{
	switch (cp) {
	case '\t':
	case '\v':
	case '\f':
	case ' ':
	case 0xa0u:
	case 0xfeffu:
		return true;
	default:
		break;
	}
	return cp >= 0x80u && in_ranges(json5_space_ranges, json5_space_ranges_count, cp);
}

bool json5_is_line_terminator(uint32_t cp)
{
	return cp == '\n' || cp == '\r' || cp == 0x2028u || cp == 0x2029u;
}
