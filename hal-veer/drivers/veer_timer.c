/* SPDX-License-Identifier: Apache-2.0 */
/*
 * veer_timer.c — veer_board_now_ns and veer_board_timer_set from VeeR EL2's
 * internal timers (CSRs, counting core clocks; the bare core has no mtime, and the
 * `time` CSR traps).
 *
 * Timer 0 runs free (bound 0xFFFFFFFF: it wraps to 0) as the low word of
 * the clock; the high word is kept in software, bumped whenever a read sees
 * the low word go backwards. Every deadline request is at most 2^31 cycles
 * away, so the kernel reads the clock at least twice per wrap.
 *
 * Timer 1 is the wake-up: restarted from 0 with the cycles left as its
 * bound. Its interrupt is not sticky (pending for one cycle): an expiry
 * while interrupts are off is lost, which is why clock.c re-checks every
 * deadline in software and arms this just before mret. Both timers keep
 * counting while the core sleeps (halt_en), or mpmc sleep never ends.
 * mcycle cannot be the clock: it stops while the core sleeps.
 */
#include "board.h"
#include "csr.h"
#include "drivers.h"
#include "veer.h"

#define MITCTL_ENABLE  1u
#define MITCTL_HALT_EN 2u
#define MIE_MITIE1     (1u << 28)
#define WAKE_MAX       0x7fffffffu

static uint32_t high;
static uint32_t last_low;

void veer_timer_init(void)
{
	CSR_WRITE(0x7d7, 0);           /* mitctl1: the wake-up is off */
	CSR_WRITE(0x7d3, 0xffffffffu); /* mitb0 */
	CSR_WRITE(0x7d2, 0);           /* mitcnt0 */
	CSR_WRITE(0x7d4, MITCTL_ENABLE | MITCTL_HALT_EN);
	high = 0;
	last_low = 0;
	CSR_SET(mie, MIE_MITIE1);
}

uint64_t veer_board_now_ns(void)
{
	uint32_t low = CSR_READ(0x7d2);
	if (low < last_low) {
		high++;
	}
	last_low = low;
	return (((uint64_t)high << 32) | low) * BOARD_NS_PER_CYCLE;
}

void veer_board_timer_set(uint64_t deadline_ns)
{
	CSR_WRITE(0x7d7, 0);
	uint64_t now = veer_board_now_ns();
	uint64_t cycles = 1;
	if (deadline_ns > now) {
		cycles = veer_udiv64(deadline_ns - now + BOARD_NS_PER_CYCLE - 1u,
				     BOARD_NS_PER_CYCLE, NULL);
	}
	if (cycles > WAKE_MAX) {
		cycles = WAKE_MAX; /* also what keeps the software high word right */
	}
	CSR_WRITE(0x7d5, 0); /* mitcnt1 */
	CSR_WRITE(0x7d6, (uint32_t)cycles);
	CSR_WRITE(0x7d7, MITCTL_ENABLE | MITCTL_HALT_EN);
}
