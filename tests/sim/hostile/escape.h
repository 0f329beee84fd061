/* hostile/escape.h — attempts to get around the kernel (escape.c). */
#ifndef HOSTILE_ESCAPE_H
#define HOSTILE_ESCAPE_H

#include <stdint.h>

/* Runs the escape attempt `command` names (enum hostile_command); returns
 * when the attempt had no effect. */
void hostile_escape(uint32_t command);

/* Attempts on the region's edges and the simulator's pages (region_edges.c). */
void hostile_region_edges(uint32_t command, uintptr_t secret);

/* The victim leaves its secret in vector and MMX registers before a
 * syscall; the attacker counts how many of them it can see. */
void hostile_plant_vectors(void);
void hostile_read_vectors(void);

#endif
