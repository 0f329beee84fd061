/* escape/escape.h — attempts to get around the kernel (escape.c). */
#ifndef ESCAPE_ESCAPE_H
#define ESCAPE_ESCAPE_H

#include <stdint.h>

/* Runs the escape attempt `command` names (enum escape_command); returns
 * when the attempt had no effect. */
void escape_attempt(uint32_t command);

/* Attempts on the region's edges and the simulator's pages (region_edges.c). */
void escape_region_edges(uint32_t command, uintptr_t secret);

/* Host syscall instructions outside its own code (host_code.c). */
void escape_host_code(uint32_t command);

/* CPU modes and instructions outside the ABI (cpu_modes.c). */
void escape_cpu_modes(uint32_t command);

/* The victim leaves its secret in vector and MMX registers before a
 * syscall; the attacker counts how many of them it can see. */
void escape_plant_vectors(void);
void escape_read_vectors(void);

/* The same for zmm16-31, zmm0-15's upper halves and k0-k7 (avx512.c):
 * only where the CPU has AVX-512 (F and BW). */
void escape_plant_vectors512(void);
void escape_read_vectors512(void);

#endif
