/*
 * trace_pb.h — the few protobuf encodings a Perfetto trace needs (see
 * https://protobuf.dev/programming-guides/encoding/): base-128 varints,
 * field tags, fixed64, and length-delimited bytes. No schema, no
 * generated code: trace_perfetto.c names each field number it uses.
 *
 * A pb_buf is caller-owned storage with a fixed capacity; a write that
 * does not fit sets `overflow` and writes nothing, so an over-long event
 * is noticed and dropped instead of being written corrupt.
 */
#ifndef PWK_SIM_TRACE_PB_H
#define PWK_SIM_TRACE_PB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum pb_wire {
	PB_VARINT = 0,
	PB_FIXED64 = 1,
	PB_LEN = 2,
};

/* The most bytes a varint of a uint64_t takes. */
#define PB_VARINT_MAX 10

struct pb_buf {
	uint8_t *data;
	size_t len, cap;
	bool overflow;
};

/* Points `b` at empty storage `data` of `cap` bytes. Field by field: a
 * struct literal copied in made GCC store it in halves and reload it
 * whole, a store-forwarding stall on every event. */
static inline void pb_reset(struct pb_buf *b, uint8_t *data, size_t cap)
{
	b->data = data;
	b->len = 0;
	b->cap = cap;
	b->overflow = false;
}

/* Writes varint `v` at `p` (which has room for PB_VARINT_MAX); returns the
 * byte after it. */
uint8_t *pb_put_varint(uint8_t *p, uint64_t v);

void pb_uint_any(struct pb_buf *b, uint32_t field, uint64_t v);

/* A varint field. Inline for the common case, a one-byte tag and a
 * one-byte value: most of a trace's fields are that. */
static inline void pb_uint(struct pb_buf *b, uint32_t field, uint64_t v)
{
	if (field < 16 && v < 0x80 && !b->overflow && b->cap - b->len >= 2) {
		b->data[b->len] = (uint8_t)(field << 3 | PB_VARINT);
		b->data[b->len + 1] = (uint8_t)v;
		b->len += 2;
		return;
	}
	pb_uint_any(b, field, v);
}

void pb_fixed64(struct pb_buf *b, uint32_t field, uint64_t v);
void pb_bytes(struct pb_buf *b, uint32_t field, const void *data, size_t len);
void pb_string(struct pb_buf *b, uint32_t field, const char *s);
/* The encoded sizes of a varint field and of a length-delimited one. */
size_t pb_uint_size(uint32_t field, uint64_t v);
size_t pb_bytes_size(uint32_t field, size_t len);

/* The tag and length of a nested message of `len` bytes, whose fields the
 * caller writes next (in place: no copy of the message). */
void pb_message_header(struct pb_buf *b, uint32_t field, size_t len);

/* A nested message: `inner`'s bytes as a length-delimited field. */
void pb_message(struct pb_buf *b, uint32_t field, const struct pb_buf *inner);

#endif
