/* SPDX-License-Identifier: Apache-2.0 */
/*
 * copy.h — the kernel's only memory primitives. kernel-core links no libc,
 * so it brings its own byte copy and fill.
 */
#ifndef PWK_COPY_H
#define PWK_COPY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A word that may alias anything: the bytes copied are of any type. */
typedef uintptr_t __attribute__((may_alias)) pwk__any_word;

/* pwk_copy() for what its inline part leaves (copy.c). */
void pwk__copy_general(void *dst, const void *src, size_t len);

/* True when a copy a word at a time gives what the byte loop gives: both
 * ends word-aligned (RV32 traps on a misaligned word) and a whole number
 * of words. Ranges that overlap are then a whole number of words apart,
 * and a front-to-back copy by words reads each word before it overwrites
 * it exactly when the byte loop does (tests/kernel-core/test_copy.c). */
static inline bool pwk__copy_by_words(const void *dst, const void *src, size_t len)
{
	return (((uintptr_t)dst | (uintptr_t)src | len) & (sizeof(uintptr_t) - 1)) == 0;
}

/* Copies `len` bytes front to back (overlapping user buffers are the
 * user's business: the copy stays memory-safe, and its result is the byte
 * loop's). Inline for up to two aligned words, the usual IPC message, so
 * that it costs no call. */
static inline void pwk_copy(void *dst, const void *src, size_t len)
{
	const uintptr_t w = sizeof(uintptr_t);
	if (pwk__copy_by_words(dst, src, len) && len <= 2 * w) {
		pwk__any_word *d = dst;
		const pwk__any_word *s = src;
		if (len != 0) {
			d[0] = s[0];
		}
		if (len == 2 * w) {
			d[1] = s[1];
		}
		return;
	}
	pwk__copy_general(dst, src, len);
}

/* Sets `len` bytes to zero. */
void pwk_zero(void *dst, size_t len);

#endif /* PWK_COPY_H */
