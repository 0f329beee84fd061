/* SPDX-License-Identifier: Apache-2.0 */
/*
 * sleep_wfi.c — veer_board_sleep on a core where wfi works (QEMU): interrupts stay off
 * in mstatus and wfi still wakes on any pending enabled interrupt, which
 * the idle loop then finds by polling. Enabling interrupts before the wfi
 * lost a wake-up on QEMU (reference/veer_el2.md).
 */
#include "veer.h"

void veer_board_sleep(void)
{
	__asm__ volatile("wfi" ::: "memory");
}
