/* SPDX-License-Identifier: Apache-2.0 */
/*
 * veer_mrac.c — VeeR's region access control (mrac, CSR 0x7C0): which
 * 256 MiB regions are cacheable and which have side effects. Device
 * registers must be side effect; a change takes effect for instruction
 * fetch only after fence.i.
 */
#include "drivers.h"

void veer_mrac_set(uint32_t mrac)
{
	__asm__ volatile("csrw 0x7c0, %0\n\tfence.i" : : "r"(mrac) : "memory");
}
