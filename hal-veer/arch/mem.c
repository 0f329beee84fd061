/* SPDX-License-Identifier: Apache-2.0 */
/*
 * mem.c — memcpy and memset for the freestanding kernel: kernel-core needs
 * nothing else of a C library, and the compiler emits calls to both for
 * structure copies and clears — on every syscall (a nop syscall spent a
 * third of its instructions in a byte-wise memset), so aligned words go a
 * word at a time.
 */
#include <stddef.h>
#include <stdint.h>

/* GCC would turn these very loops back into calls to themselves. */
#define NO_LIBCALLS __attribute__((optimize("no-tree-loop-distribute-patterns")))

void *memcpy(void *restrict dst, const void *restrict src, size_t n);
void *memset(void *dst, int c, size_t n);

/* A word that may alias whatever object is being copied or cleared. */
typedef uint32_t __attribute__((may_alias)) word_t;

NO_LIBCALLS void *memcpy(void *restrict dst, const void *restrict src, size_t n)
{
	uint8_t *d = dst;
	const uint8_t *s = src;
	if ((((uintptr_t)d | (uintptr_t)s) & 3u) == 0) {
		for (; n >= 4u; n -= 4u, d += 4, s += 4) {
			*(word_t *)(void *)d = *(const word_t *)(const void *)s;
		}
	}
	while (n-- != 0) {
		*d++ = *s++;
	}
	return dst;
}

NO_LIBCALLS void *memset(void *dst, int c, size_t n)
{
	uint8_t *d = dst;
	if (((uintptr_t)d & 3u) == 0) {
		uint32_t word = (uint8_t)c * 0x01010101u;
		for (; n >= 4u; n -= 4u, d += 4) {
			*(word_t *)(void *)d = word;
		}
	}
	while (n-- != 0) {
		*d++ = (uint8_t)c;
	}
	return dst;
}
