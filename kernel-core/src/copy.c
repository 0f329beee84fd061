/* SPDX-License-Identifier: Apache-2.0 */
/*
 * copy.c — pwk_copy / pwk_zero. Plain loops: the copies the kernel makes
 * are user transfers of at most a few pages and small records. A byte loop
 * has no alignment preconditions on user addresses; aligned, disjoint,
 * whole-word copies (the usual IPC message) go a word at a time.
 *
 * GCC recognises such loops and may replace them with calls to memcpy /
 * memset, which kernel-core does not have (and which would be the libc ones
 * on the host). The attribute below keeps them loops.
 */
#include "copy.h"

#include <stdbool.h>
#include <stdint.h>

#if defined(__GNUC__) && !defined(__clang__)
#define PWK_NO_LIBCALLS __attribute__((optimize("no-tree-loop-distribute-patterns")))
#else
#define PWK_NO_LIBCALLS
#endif

/* True when a word at a time gives what the byte loop gives: both ends
 * word-aligned (RV32 traps on a misaligned word), a whole number of words,
 * and the ranges apart (a front-to-back copy of overlapping ranges depends
 * on its step). */
static bool words_will_do(uintptr_t d, uintptr_t s, size_t len)
{
	const uintptr_t w = sizeof(uintptr_t);
	return ((d | s | len) & (w - 1)) == 0 && (d + len <= s || s + len <= d);
}

/* A word that may alias anything: the bytes copied are of any type. */
typedef uintptr_t __attribute__((may_alias)) any_word;

PWK_NO_LIBCALLS void pwk_copy(void *dst, const void *src, size_t len)
{
	if (words_will_do((uintptr_t)dst, (uintptr_t)src, len)) {
		any_word *d = dst;
		const any_word *s = src;
		for (size_t i = 0; i < len / sizeof(uintptr_t); i++) {
			d[i] = s[i];
		}
		return;
	}
	unsigned char *d = dst;
	const unsigned char *s = src;
	for (size_t i = 0; i < len; i++) {
		d[i] = s[i];
	}
}

PWK_NO_LIBCALLS void pwk_zero(void *dst, size_t len)
{
	unsigned char *d = dst;
	for (size_t i = 0; i < len; i++) {
		d[i] = 0;
	}
}
