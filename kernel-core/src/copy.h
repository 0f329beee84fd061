/* SPDX-License-Identifier: Apache-2.0 */
/*
 * copy.h — the kernel's only memory primitives. kernel-core links no libc,
 * so it brings its own byte copy and fill.
 */
#ifndef PWK_COPY_H
#define PWK_COPY_H

#include <stddef.h>

/* Copies `len` bytes front to back (overlapping user buffers are the
 * user's business: the copy stays memory-safe). */
void pwk_copy(void *dst, const void *src, size_t len);

/* Sets `len` bytes to zero. */
void pwk_zero(void *dst, size_t len);

#endif /* PWK_COPY_H */
