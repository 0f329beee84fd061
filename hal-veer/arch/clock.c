/* SPDX-License-Identifier: Apache-2.0 */
/*
 * clock.c — time, the deadline timer, the scheduler tick, interrupt points
 * and idling: hal_now, hal_timer_arm, hal_idle.
 *
 * Ticks are nanoseconds on every board (the board converts). The kernel
 * runs with interrupts off; what a masked interrupt would have done is
 * done at the interrupt point every thread passes on its way back to user
 * mode, in software, from the clock's value: VeeR's internal timer *loses*
 * an expiry that happens while interrupts are off, so the hardware timer
 * is only a wake-up, never the record of a deadline. It is programmed
 * just before mret for whichever comes first, the armed deadline or the
 * end of the running thread's 10 ms slice.
 */
#include <pwk/kernel.h>

#include "veer.h"

#define TICK_NS (10u * 1000u * 1000u) /* pw_kernel's 10 ms scheduler tick */

static pwk_instant_t armed = PWK_INSTANT_MAX;
static pwk_instant_t next_tick;

pwk_instant_t hal_now(void)
{
	return veer_board_now_ns();
}

void hal_timer_arm(pwk_instant_t deadline)
{
	armed = deadline;
}

void veer_clock_boot(void)
{
	armed = PWK_INSTANT_MAX;
	next_tick = veer_board_now_ns() + TICK_NS;
}

void veer_timer_rearm(void)
{
	veer_board_timer_set(armed < next_tick ? armed : next_tick);
}

void veer_kernel_exit(void)
{
	uint32_t irq;
	while (veer_irq_take(&irq)) {
		pwk_trap_irq(irq);
	}
	/* One clock read per exit (each is an MMIO or CSR sequence); again only
	 * after pwk_trap_timer(), which may have switched threads. */
	pwk_instant_t now = hal_now();
	if (armed != PWK_INSTANT_MAX && now >= armed) {
		pwk_trap_timer();
		now = hal_now();
	}
	if (now >= next_tick) {
		next_tick = now + TICK_NS;
		pwk_trap_tick();
	}
	veer_timer_rearm();
}

void hal_idle(void)
{
	uint32_t irq;
	if (veer_irq_take(&irq)) {
		pwk_trap_irq(irq);
		return;
	}
	if (armed == PWK_INSTANT_MAX && !veer_board_irq_can_wake()) {
		veer_end_stuck();
	}
	if (hal_now() >= armed) {
		return;
	}
	veer_board_timer_set(armed);
	veer_board_sleep();
	veer_board_irq_poll();
}
