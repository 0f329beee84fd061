/* SPDX-License-Identifier: Apache-2.0 */
/*
 * copy.c — pwk_copy's general case and pwk_zero. Plain loops: the copies
 * the kernel makes are user transfers of at most a few pages and small
 * records. A byte loop has no alignment preconditions on user addresses;
 * aligned whole-word copies go a word at a time (two words or fewer
 * inline, copy.h).
 *
 * GCC recognises such loops and may replace them with calls to memcpy /
 * memset, which kernel-core does not have (and which would be the libc ones
 * on the host). The attribute below keeps them loops.
 */
#include "copy.h"

#include <stdint.h>

#if defined(__GNUC__) && !defined(__clang__)
#define PWK_NO_LIBCALLS __attribute__((optimize("no-tree-loop-distribute-patterns")))
#else
#define PWK_NO_LIBCALLS
#endif

PWK_NO_LIBCALLS void pwk__copy_general(void *dst, const void *src, size_t len)
{
	if (pwk__copy_by_words(dst, src, len)) {
		pwk__any_word *d = dst;
		const pwk__any_word *s = src;
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
