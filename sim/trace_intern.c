/*
 * trace_intern.c — see trace_intern.h. FNV-1a hashing, linear probing.
 */
#include "trace_intern.h"

#include <stdlib.h>
#include <string.h>

static uint32_t hash_of(const char *s)
{
	uint32_t h = 2166136261u;
	for (const unsigned char *p = (const unsigned char *)s; *p != '\0'; p++) {
		h = (h ^ *p) * 16777619u;
	}
	return h;
}

uint32_t trace_intern(struct trace_intern *t, const char *s, bool *added)
{
	uint32_t h = hash_of(s);
	*added = false;
	for (uint32_t i = 0; i < TRACE_INTERN_SLOTS; i++) {
		struct trace_intern_slot *slot = &t->slots[(h + i) & (TRACE_INTERN_SLOTS - 1)];
		if (slot->text == NULL) {
			if (t->count >= TRACE_INTERN_SLOTS / 2 ||
			    (slot->text = strdup(s)) == NULL) {
				return 0;
			}
			slot->hash = h;
			slot->id = ++t->count;
			*added = true;
			return slot->id;
		}
		if (slot->hash == h && strcmp(slot->text, s) == 0) {
			return slot->id;
		}
	}
	return 0;
}

void trace_intern_free(struct trace_intern *t)
{
	for (uint32_t i = 0; i < TRACE_INTERN_SLOTS; i++) {
		free(t->slots[i].text);
	}
}
