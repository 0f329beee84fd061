/* SPDX-License-Identifier: Apache-2.0 */
/*
 * div.c — 64-bit by 32-bit unsigned division for the HAL's clock and
 * console. RV32M divides 32 bits by 32; a plain `/` on a uint64_t pulls in
 * libgcc's __udivdi3 and __umoddi3 (2 KiB, a tenth of the kernel's code)
 * for what is only ever nanoseconds over a board constant or a number over
 * ten. The high word divides in hardware; the low word by shift and
 * subtract (32 steps, only on clock re-arms and messages).
 */
#include "veer.h"

uint64_t veer_udiv64(uint64_t n, uint32_t d, uint32_t *rem)
{
	const uint32_t hi = (uint32_t)(n >> 32);
	const uint32_t lo = (uint32_t)n;
	uint64_t r = hi % d; /* < d: each step below keeps r < 2d < 2^33 */
	uint32_t q_lo = 0;
	for (int bit = 31; bit >= 0; bit--) {
		r = (r << 1) | ((lo >> bit) & 1u);
		if (r >= d) {
			r -= d;
			q_lo |= UINT32_C(1) << bit;
		}
	}
	if (rem != NULL) {
		*rem = (uint32_t)r;
	}
	return ((uint64_t)(hi / d) << 32) | q_lo;
}
