/*
 * fuzz_mutate.c — see fuzz_mutate.h. The parser follows fuzz_driver.c's
 * grammar exactly, with the opcodes of fuzz_input.h (an operation cut short
 * by the end of the input ends the list there; a death cut short still
 * dies), so what it re-encodes is what the driver will read.
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

/* Reads the fields `o->code` says follow it, from in[*at], into `o`; false
 * when the input ends inside them (o keeps those it got). */
static bool take_fields(const uint8_t *in, size_t len, size_t *at, struct op *o)
{
	unsigned kind = PWK_FUZZ_OP_KIND(o->code);
	bool transacts = kind != PWK_FUZZ_OP_ASYNC && kind != PWK_FUZZ_OP_SIGNAL &&
			 kind != PWK_FUZZ_OP_PAUSE && kind != PWK_FUZZ_OP_DIE;
	bool dies_after_one = kind == PWK_FUZZ_OP_DIE && (o->code & PWK_FUZZ_FLAG_B);
	bool wants_request = transacts || kind == PWK_FUZZ_OP_ASYNC || dies_after_one;
	bool wants_byte = kind == PWK_FUZZ_OP_ASYNC || kind == PWK_FUZZ_OP_PAUSE ||
			  dies_after_one || (transacts && PWK_FUZZ_SHORT_DEADLINE(o->code));
	if (wants_request) {
		if (*at >= len) {
			return false;
		}
		size_t want = in[*at];
		if (want == 255) {
			if (len - *at < 3) {
				return false;
			}
			want = (size_t)in[*at + 1] | (size_t)in[*at + 2] << 8;
			*at += 2;
		}
		*at += 1;
		o->has_request = true;
		o->request = in + *at;
		o->request_len = want < len - *at ? want : len - *at;
		*at += o->request_len;
	}
	if (wants_byte) {
		if (*at >= len) {
			return false;
		}
		o->has_byte = true;
		o->byte = in[(*at)++];
	}
	return true;
}

static size_t parse(const uint8_t *in, size_t len, struct op *ops)
{
	size_t n = 0, at = 0;
	while (at < len && n < OPS_MAX) {
		struct op o = {.code = in[at++]};
		bool dies = PWK_FUZZ_OP_KIND(o.code) == PWK_FUZZ_OP_DIE;
		bool whole = take_fields(in, len, &at, &o);
		/* The driver ends the list at an operation cut short, but a
		 * death still happens (with the fields it got): keep it. */
		if (whole || dies) {
			ops[n++] = o;
		}
		if (!whole || dies) {
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
