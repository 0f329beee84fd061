/* SPDX-License-Identifier: Apache-2.0 */
/*
 * pwk_copy: whatever the lengths, alignments and overlap, the bytes it
 * leaves are those of a front-to-back byte loop (copy.h) — the inline
 * word copies, the word loop and the byte loop alike — and nothing outside
 * the destination changes.
 */
#include "kc_test.h"

#include "copy.h"

enum {
	SPAN = 96
};

/* The reference: one byte at a time, front to back. */
static void byte_loop(unsigned char *d, const unsigned char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		d[i] = s[i];
	}
}

static void fill(unsigned char *buf)
{
	for (size_t i = 0; i < SPAN; i++) {
		buf[i] = (unsigned char)(i * 7 + 1);
	}
}

/* Copies `len` bytes from offset `from` to offset `to` of one buffer (an
 * overlap when they are closer than len) and compares with the reference. */
static void check(size_t from, size_t to, size_t len)
{
	_Alignas(16) unsigned char got[SPAN];
	_Alignas(16) unsigned char want[SPAN];
	fill(got);
	fill(want);
	pwk_copy(got + to, got + from, len);
	byte_loop(want + to, want + from, len);
	for (size_t i = 0; i < SPAN; i++) {
		cr_assert_eq(got[i], want[i], "from %zu to %zu, %zu bytes: byte %zu is %u, not %u",
			     from, to, len, i, got[i], want[i]);
	}
}

Test(copy, leaves_what_a_byte_loop_leaves_for_any_alignment_length_and_overlap)
{
	for (size_t len = 0; len <= 40; len++) {
		for (size_t from = 0; from + len <= SPAN && from <= 24; from++) {
			for (size_t to = 0; to + len <= SPAN && to <= 24 + len; to++) {
				check(from, to, len);
			}
		}
	}
}

Test(copy, moves_aligned_words_between_separate_buffers)
{
	for (size_t words = 0; words <= 6; words++) {
		uintptr_t src[6];
		uintptr_t dst[7];
		for (size_t i = 0; i < 6; i++) {
			src[i] = (uintptr_t)0x1234567u * (i + 1);
		}
		for (size_t i = 0; i < 7; i++) {
			dst[i] = ~(uintptr_t)0;
		}
		pwk_copy(dst, src, words * sizeof(uintptr_t));
		for (size_t i = 0; i < 7; i++) {
			cr_assert_eq(dst[i], i < words ? src[i] : ~(uintptr_t)0,
				     "%zu words: word %zu", words, i);
		}
	}
}
