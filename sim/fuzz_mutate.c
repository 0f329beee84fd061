/*
 * fuzz_mutate.c — see fuzz_mutate.h. The parser follows fuzz_driver.c's
 * grammar exactly (an operation cut short by the end of the input ends the
 * list there), so what it re-encodes is what the driver will read.
 */
#include "fuzz_mutate.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_input.h"

#define OPS_MAX 128

struct op {
	uint8_t code;
	bool has_request;
	const uint8_t *request;
	size_t request_len;
	bool has_byte; /* a trailing microseconds byte */
	uint8_t byte;
};

enum {
	KIND_ASYNC = 3,
	KIND_SIGNAL = 4,
	KIND_PAUSE = 5,
	KIND_DIE = 6
};
#define FLAG_A 0x08u
#define FLAG_B 0x10u

static size_t parse(const uint8_t *in, size_t len, struct op *ops)
{
	size_t n = 0, at = 0;
	while (at < len && n < OPS_MAX) {
		struct op o = {.code = in[at++]};
		unsigned kind = o.code & 7u;
		bool short_deadline = (o.code & (FLAG_A | FLAG_B)) == (FLAG_A | FLAG_B);
		o.has_request = kind != KIND_SIGNAL && kind != KIND_PAUSE &&
				(kind != KIND_DIE || (o.code & FLAG_B));
		o.has_byte = kind == KIND_ASYNC || kind == KIND_PAUSE ||
			     (kind == KIND_DIE && (o.code & FLAG_B)) ||
			     (kind <= 2 && short_deadline) || (kind == 7 && short_deadline);
		if (o.has_request) {
			if (at >= len) {
				break;
			}
			size_t want = in[at++];
			if (want == 255) {
				if (len - at < 2) {
					break;
				}
				want = (size_t)in[at] | (size_t)in[at + 1] << 8;
				at += 2;
			}
			o.request = in + at;
			o.request_len = want < len - at ? want : len - at;
			at += o.request_len;
		}
		if (o.has_byte) {
			if (at >= len) {
				break;
			}
			o.byte = in[at++];
		}
		ops[n++] = o;
		if (kind == KIND_DIE) {
			break; /* nothing after a death runs */
		}
	}
	return n;
}

/* Encodes ops into out (at most cap bytes); returns the length. */
static size_t encode(const struct op *ops, size_t n, uint8_t *out, size_t cap)
{
	size_t at = 0;
	for (size_t i = 0; i < n; i++) {
		size_t need =
			1 + (ops[i].has_request ? 3 + ops[i].request_len : 0) + ops[i].has_byte;
		if (at + need > cap) {
			break;
		}
		out[at++] = ops[i].code;
		if (ops[i].has_request) {
			size_t l = ops[i].request_len;
			if (l < 255) {
				out[at++] = (uint8_t)l;
			} else {
				out[at++] = 255;
				out[at++] = (uint8_t)l;
				out[at++] = (uint8_t)(l >> 8);
			}
			memcpy(out + at, ops[i].request, l);
			at += l;
		}
		if (ops[i].has_byte) {
			out[at++] = ops[i].byte;
		}
	}
	return at;
}

static uint32_t next(uint32_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 17;
	*s ^= *s << 5;
	return *s;
}

size_t fuzz_mutate(uint8_t *data, size_t size, size_t max_size, unsigned seed,
		   fuzz_byte_mutator_t bytes)
{
	uint32_t s = seed * 2654435761u + 1u;
	static struct op ops[OPS_MAX + 1];
	static uint8_t copy[PWK_FUZZ_INPUT_MAX], scratch[PWK_FUZZ_INPUT_MAX],
		out[PWK_FUZZ_INPUT_MAX];
	if (max_size > sizeof(out)) {
		max_size = sizeof(out);
	}
	size_t n = size <= sizeof(copy) ? parse(memcpy(copy, data, size), size, ops) : 0;
	unsigned choice = next(&s) % 8u;
	if (n == 0 || choice < 3) {
		return bytes(data, size, max_size);
	}
	size_t pick = next(&s) % n;
	switch (choice) {
	case 3:
	case 4: /* one request, mutated, its length re-encoded */
	case 5: /* a copy of an operation, its request mutated, placed after it */
		if (choice == 5 && n < OPS_MAX) {
			memmove(&ops[pick + 1], &ops[pick], (n - pick) * sizeof(ops[0]));
			n++;
			pick++;
		}
		if (ops[pick].has_request) {
			size_t len = ops[pick].request_len;
			memcpy(scratch, ops[pick].request, len);
			ops[pick].request_len =
				bytes(scratch, len,
				      len + 64 < sizeof(scratch) ? len + 64 : sizeof(scratch));
			ops[pick].request = scratch;
		} else {
			ops[pick].code = (uint8_t)next(&s);
			return bytes(data, size, max_size);
		}
		break;
	case 6: /* an operation removed */
		memmove(&ops[pick], &ops[pick + 1], (n - pick - 1) * sizeof(ops[0]));
		n--;
		break;
	default: { /* two operations swapped */
		size_t other = next(&s) % n;
		struct op t = ops[pick];
		ops[pick] = ops[other];
		ops[other] = t;
		break;
	}
	}
	size_t len = encode(ops, n, out, max_size);
	memcpy(data, out, len);
	return len;
}
