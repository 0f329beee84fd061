/*
 * trace_pb.c — see trace_pb.h.
 */
#include "trace_pb.h"

#include <string.h>

uint8_t *pb_put_varint(uint8_t *p, uint64_t v)
{
	while (v >= 0x80) {
		*p++ = (uint8_t)(v | 0x80);
		v >>= 7;
	}
	*p++ = (uint8_t)v;
	return p;
}

static uint64_t tag(uint32_t field, enum pb_wire wire)
{
	return (uint64_t)field << 3 | wire;
}

/* Room for `n` more bytes, or false (and overflow) if there is none. */
static bool room(struct pb_buf *b, size_t n)
{
	if (b->overflow || b->cap - b->len < n) {
		b->overflow = true;
		return false;
	}
	return true;
}

void pb_uint_any(struct pb_buf *b, uint32_t field, uint64_t v)
{
	if (room(b, 2 * PB_VARINT_MAX)) {
		uint8_t *p = pb_put_varint(b->data + b->len, tag(field, PB_VARINT));
		b->len = (size_t)(pb_put_varint(p, v) - b->data);
	}
}

void pb_fixed64(struct pb_buf *b, uint32_t field, uint64_t v)
{
	if (room(b, PB_VARINT_MAX + 8)) {
		uint8_t *p = pb_put_varint(b->data + b->len, tag(field, PB_FIXED64));
		for (int i = 0; i < 8; i++) {
			*p++ = (uint8_t)(v >> (8 * i)); /* little-endian */
		}
		b->len = (size_t)(p - b->data);
	}
}

void pb_bytes(struct pb_buf *b, uint32_t field, const void *data, size_t len)
{
	if (room(b, 2 * PB_VARINT_MAX + len)) {
		uint8_t *p = pb_put_varint(b->data + b->len, tag(field, PB_LEN));
		p = pb_put_varint(p, len);
		memcpy(p, data, len);
		b->len = (size_t)(p + len - b->data);
	}
}

void pb_string(struct pb_buf *b, uint32_t field, const char *s)
{
	pb_bytes(b, field, s, strlen(s));
}

static size_t varint_size(uint64_t v)
{
	size_t n = 1;
	while (v >= 0x80) {
		v >>= 7;
		n++;
	}
	return n;
}

size_t pb_uint_size(uint32_t field, uint64_t v)
{
	return varint_size(tag(field, PB_VARINT)) + varint_size(v);
}

size_t pb_bytes_size(uint32_t field, size_t len)
{
	return varint_size(tag(field, PB_LEN)) + varint_size(len) + len;
}

void pb_message_header(struct pb_buf *b, uint32_t field, size_t len)
{
	if (room(b, 2 * PB_VARINT_MAX + len)) {
		uint8_t *p = pb_put_varint(b->data + b->len, tag(field, PB_LEN));
		b->len = (size_t)(pb_put_varint(p, len) - b->data);
	}
}

void pb_message(struct pb_buf *b, uint32_t field, const struct pb_buf *inner)
{
	if (inner->overflow) {
		b->overflow = true;
		return;
	}
	pb_bytes(b, field, inner->data, inner->len);
}
