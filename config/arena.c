/* SPDX-License-Identifier: Apache-2.0 */
/*
 * arena.c — chunked bump allocation. A chunk is a header followed by its
 * payload; a request larger than the default chunk gets a chunk of its own,
 * so no request is ever split.
 */
#include "arena.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_CHUNK_BYTES 16384u

struct arena_chunk {
	struct arena_chunk *next;
	size_t used, cap;
	alignas(max_align_t) unsigned char data[];
};

static void *arena_oom(void)
{
	fputs("pwk: out of memory while loading a configuration\n", stderr);
	abort();
}

static size_t arena_round(size_t size)
{
	const size_t align = alignof(max_align_t);
	return (size + align - 1) / align * align;
}

void *arena_alloc(struct arena *a, size_t size)
{
	size_t need = arena_round(size ? size : 1);
	struct arena_chunk *c = a->head;

	if (need < size) {
		return arena_oom();
	}
	if (c == NULL || c->cap - c->used < need) {
		size_t cap = need > ARENA_CHUNK_BYTES ? need : ARENA_CHUNK_BYTES;
		c = malloc(sizeof(*c) + cap);
		if (c == NULL) {
			return arena_oom();
		}
		c->used = 0;
		c->cap = cap;
		/* Invariant: the head chunk is the one with free space; a
		 * dedicated large chunk goes behind it so small requests keep
		 * filling the current one. */
		if (a->head != NULL && need > ARENA_CHUNK_BYTES) {
			c->next = a->head->next;
			a->head->next = c;
		} else {
			c->next = a->head;
			a->head = c;
		}
	}
	void *p = c->data + c->used;
	c->used += need;
	memset(p, 0, need);
	return p;
}

void *arena_array(struct arena *a, size_t count, size_t size)
{
	if (size != 0 && count > SIZE_MAX / size) {
		return arena_oom();
	}
	return arena_alloc(a, count * size);
}

char *arena_strndup(struct arena *a, const char *s, size_t len)
{
	char *p = arena_alloc(a, len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

void arena_free(struct arena *a)
{
	struct arena_chunk *c = a->head;
	while (c != NULL) {
		struct arena_chunk *next = c->next;
		free(c);
		c = next;
	}
	a->head = NULL;
}
