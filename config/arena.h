/* SPDX-License-Identifier: Apache-2.0 */
/*
 * arena.h — the bump allocator behind parsed JSON5 trees and loaded system
 * descriptions. Everything a document or a cfg_system owns lives in one
 * arena and is freed at once, so the loaders never track individual frees.
 *
 * Running out of memory aborts with a message: config files are capped in
 * size (JSON5_INPUT_MAX) long before that can happen on a host.
 */
#ifndef PWK_CONFIG_ARENA_H
#define PWK_CONFIG_ARENA_H

#include <stddef.h>

struct arena_chunk;

struct arena {
	struct arena_chunk *head; /* newest chunk first; NULL when empty */
};

/* Zero-filled memory aligned for any object; `size` 0 returns a valid pointer. */
void *arena_alloc(struct arena *a, size_t size);

/* Zero-filled array of `count` elements of `size` bytes (overflow-checked). */
void *arena_array(struct arena *a, size_t count, size_t size);

/* Copy of `len` bytes plus a terminating NUL. */
char *arena_strndup(struct arena *a, const char *s, size_t len);
char *arena_strdup(struct arena *a, const char *s);

void arena_free(struct arena *a);

#endif
