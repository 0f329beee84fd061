/*
 * protocol.h — the uppercase channel's wire format (pw_kernel's ipc test):
 * the request is one character as a little-endian u32 code point; the reply
 * is the uppercase character followed by the original, 4 bytes each.
 */
#ifndef UPPERCASE_PROTOCOL_H
#define UPPERCASE_PROTOCOL_H

#include <stdint.h>

#define UPPERCASE_REQUEST_SIZE 4u
#define UPPERCASE_REPLY_SIZE   8u

static inline void uppercase_put_u32(uint8_t *out, uint32_t v)
{
	for (unsigned i = 0; i < 4; i++) {
		out[i] = (uint8_t)(v >> (8 * i));
	}
}

static inline uint32_t uppercase_get_u32(const uint8_t *in)
{
	return (uint32_t)in[0] | (uint32_t)in[1] << 8 | (uint32_t)in[2] << 16 |
	       (uint32_t)in[3] << 24;
}

static inline uint32_t uppercase_of(uint32_t c)
{
	return c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c;
}

#endif
