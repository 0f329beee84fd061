/*
 * trace_intern.h — a string table for Perfetto's interning: each distinct
 * string gets the next id (1, 2, ...), in first-use order, so the same run
 * numbers its names the same way on every host. Fixed capacity: once full,
 * new strings get 0 and the caller writes them inline instead.
 */
#ifndef PWK_SIM_TRACE_INTERN_H
#define PWK_SIM_TRACE_INTERN_H

#include <stdbool.h>
#include <stdint.h>

/* Slots of the open-addressed table (a power of two); at most half are
 * used, which bounds every probe sequence. */
#define TRACE_INTERN_SLOTS 2048u

struct trace_intern_slot {
	char *text; /* owned copy; NULL: free */
	uint32_t hash;
	uint32_t id;
};

struct trace_intern {
	uint32_t count;
	struct trace_intern_slot slots[TRACE_INTERN_SLOTS];
};

/* The id of `s`, adding it if new (*added then true). 0 if the table is
 * full or out of memory. */
uint32_t trace_intern(struct trace_intern *t, const char *s, bool *added);

void trace_intern_free(struct trace_intern *t);

#endif
