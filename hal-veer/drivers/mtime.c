/* SPDX-License-Identifier: Apache-2.0 */
/*
 * mtime.c — veer_board_now_ns and veer_board_timer_set from a memory-mapped
 * 64-bit mtime/mtimecmp pair (BOARD_MTIME_ADDR, BOARD_MTIMECMP_ADDR,
 * ticking every BOARD_NS_PER_TICK ns), raising the machine timer interrupt.
 *
 * RV32 reads the 64-bit counter in halves: high, low, high again until the
 * high word is stable. mtimecmp is written high = all ones first so no
 * transient low compare value raises the interrupt early.
 */
#include "board.h"
#include "veer.h"

static volatile uint32_t *word(uint32_t addr)
{
	return (volatile uint32_t *)addr;
}

uint64_t veer_board_now_ns(void)
{
	uint32_t hi, lo;
	do {
		hi = *word(BOARD_MTIME_ADDR + 4u);
		lo = *word(BOARD_MTIME_ADDR);
	} while (hi != *word(BOARD_MTIME_ADDR + 4u));
	return (((uint64_t)hi << 32) | lo) * BOARD_NS_PER_TICK;
}

void veer_board_timer_set(uint64_t deadline_ns)
{
	/* mtimecmp is absolute: writing the value it holds changes nothing,
	 * and most kernel exits ask for the same one (a 64-bit division and
	 * three device writes saved). */
	static uint64_t programmed;
	if (deadline_ns == programmed) {
		return;
	}
	programmed = deadline_ns;
	/* Round up: the interrupt must not come before hal_now() >= deadline. */
	uint32_t rest = 0;
	uint64_t ticks = deadline_ns == UINT64_MAX
				 ? UINT64_MAX
				 : veer_udiv64(deadline_ns, BOARD_NS_PER_TICK, &rest);
	ticks += rest != 0;
	*word(BOARD_MTIMECMP_ADDR + 4u) = UINT32_MAX;
	*word(BOARD_MTIMECMP_ADDR) = (uint32_t)ticks;
	*word(BOARD_MTIMECMP_ADDR + 4u) = (uint32_t)(ticks >> 32);
}
