/* SPDX-License-Identifier: Apache-2.0 */
/*
 * mem.c — memcpy and memset for the freestanding kernel: kernel-core needs
 * nothing else of a C library, and the compiler emits calls to both for
 * structure copies and clears. Byte loops: the kernel's copies go through
 * pwk_copy (kernel-core/src/copy.c) and are short.
 */
#include <stddef.h>
#include <stdint.h>

/* GCC would turn these very loops back into calls to themselves. */
#define NO_LIBCALLS __attribute__((optimize("no-tree-loop-distribute-patterns")))

void *memcpy(void *restrict dst, const void *restrict src, size_t n);
void *memset(void *dst, int c, size_t n);

NO_LIBCALLS void *memcpy(void *restrict dst, const void *restrict src, size_t n)
{
	uint8_t *d = dst;
	const uint8_t *s = src;
	while (n-- != 0) {
		*d++ = *s++;
	}
	return dst;
}

NO_LIBCALLS void *memset(void *dst, int c, size_t n)
{
	uint8_t *d = dst;
	while (n-- != 0) {
		*d++ = (uint8_t)c;
	}
	return dst;
}
