/* SPDX-License-Identifier: Apache-2.0 */
/*
 * sleep_mpmc.c — veer_board_sleep on VeeR EL2, where wfi does nothing: writing 3 to
 * mpmc (CSR 0x7C6: halt, and enable interrupts as it halts) sleeps until an
 * interrupt. The interrupt is then taken in machine mode; trap.S returns
 * from it with interrupts off again and the idle loop polls for what woke
 * it. Interrupts cannot be enabled before the halt instead: an expiry in
 * between would be taken before the sleep, and the sleep would never end.
 * An expiry between arming the timer and the halt is lost (VeeR), but the
 * wake-up timer fires again one period later: its counter restarts from 0
 * at the bound (veer_timer.c), so the sleep ends late, never not at all.
 */
#include "veer.h"

void veer_board_sleep(void)
{
	__asm__ volatile("csrw 0x7c6, %0" : : "r"(3u) : "memory");
}
