/* SPDX-License-Identifier: Apache-2.0 */
/*
 * pmp.h — a process's regions as an RV32 PMP image (pmpcfg0..3 and
 * pmpaddr0..15, as hal-veer writes them on a switch to the process):
 *  - a region that is a naturally aligned power of two of >= 8 bytes takes
 *    one NAPOT entry (A=3), pmpaddr = base >> 2 | (size >> 3) - 1;
 *  - any other region takes one TOR entry (A=1), pmpaddr = end >> 2,
 *    preceded by an OFF entry holding base >> 2 unless the entry before it
 *    already holds that address (a TOR region ending where this one starts)
 *    or it is entry 0 and the base is 0; a TOR whose base is shared is
 *    preferred to NAPOT, so that a run of adjacent regions costs one entry
 *    each;
 *  - permissions R=1 W=2 X=4 from the region's access; L is never set, so
 *    machine mode (the kernel) is never restricted; unused entries are 0.
 * Regions are encoded in their order in the system description.
 */
#ifndef PWKGEN_PMP_H
#define PWKGEN_PMP_H

#include <stdint.h>

#include <pwk/system.h>

#define PWKGEN_PMP_CAPACITY 16u /* entries every board implements */

#define PWKGEN_PMP_R     0x01u
#define PWKGEN_PMP_W     0x02u
#define PWKGEN_PMP_X     0x04u
#define PWKGEN_PMP_OFF   0x00u
#define PWKGEN_PMP_TOR   0x08u
#define PWKGEN_PMP_NAPOT 0x18u

struct pwkgen_pmp {
	uint32_t cfg[PWKGEN_PMP_CAPACITY / 4u];
	uint32_t addr[PWKGEN_PMP_CAPACITY];
	uint32_t needed; /* entries the regions need; > capacity: image incomplete */
};

/* Encodes `count` regions (each start and size a multiple of 4) into `out`
 * and returns the number of entries they need, which may exceed
 * PWKGEN_PMP_CAPACITY (then only the entries that fit are written). */
uint32_t pwkgen_pmp_encode(const struct pwk_region_desc *regions, uint32_t count,
			   struct pwkgen_pmp *out);

/* The 8-bit config of entry i. */
uint32_t pwkgen_pmp_cfg(const struct pwkgen_pmp *pmp, uint32_t i);

#endif
