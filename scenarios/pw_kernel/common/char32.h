/*
 * char32.h — the wire format of the ipc and stress/ipc tests: a character
 * travels as its code point in a little-endian u32 (Rust's char::encode_utf8
 * into a zeroed 4-byte buffer, read back with u32::from_ne_bytes on a
 * little-endian target).
 */
#ifndef PW_TEST_CHAR32_H
#define PW_TEST_CHAR32_H

#include <stdint.h>

#define CHAR_SIZE 4u

static inline void put_char32(uint8_t *out, uint32_t c)
{
	for (unsigned i = 0; i < CHAR_SIZE; i++) {
		out[i] = (uint8_t)(c >> (8 * i));
	}
}

static inline uint32_t get_char32(const uint8_t *in)
{
	return (uint32_t)in[0] | (uint32_t)in[1] << 8 | (uint32_t)in[2] << 16 |
	       (uint32_t)in[3] << 24;
}

static inline uint32_t ascii_upper(uint32_t c)
{
	return c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c;
}

static inline uint8_t ascii_lower(uint8_t c)
{
	return c >= 'A' && c <= 'Z' ? (uint8_t)(c - 'A' + 'a') : c;
}

#endif
