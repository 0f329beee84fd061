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
	size_t n;
	uint32_t v, min;

	if (len == 0) {
		return 0;
	}
	if (s[0] < 0x80u) {
		*cp = s[0];
		return 1;
	} else if ((s[0] & 0xe0u) == 0xc0u) {
		n = 2, v = s[0] & 0x1fu, min = 0x80;
	} else if ((s[0] & 0xf0u) == 0xe0u) {
		n = 3, v = s[0] & 0x0fu, min = 0x800;
	} else if ((s[0] & 0xf8u) == 0xf0u) {
		n = 4, v = s[0] & 0x07u, min = 0x10000;
	} else {
		return 0;
	}
	if (len < n) {
		return 0;
	}
	for (size_t i = 1; i < n; i++) {
		if (!is_continuation(s[i])) {
			return 0;
		}
		v = (v << 6) | (s[i] & 0x3fu);
	}
	if (v < min || v > 0x10ffffu || (v >= 0xd800u && v <= 0xdfffu)) {
		return 0;
	}
	*cp = v;
	return n;
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
