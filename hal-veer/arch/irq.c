/* SPDX-License-Identifier: Apache-2.0 */
/*
 * irq.c — interrupt lines as the kernel sees them: hal_irq_enable,
 * hal_irq_ack, hal_irq_trigger.
 *
 * A line is *pending* (raised by its device, claimed by the board, or
 * software-pended by debug_trigger_interrupt) until it is delivered to the
 * kernel through pwk_trap_irq at an interrupt point, then *held* until the
 * user acknowledges it (interrupt_ack -> hal_irq_ack). A pend that arrives
 * while the line is held waits and fires after the ack. Software pends
 * never touch the controller, so they work on every board (pw_kernel's
 * RISC-V backend panics here instead).
 */
#include "veer.h"

/* One bit per line in two 32-bit words: RV32 has no 64-bit registers, and
 * the empty check runs at every kernel exit. */
#define WORDS (VEER_IRQS_MAX / 32u)
_Static_assert(WORDS == 2u, "veer_irq_take's quick check reads two words");

static uint32_t enabled[WORDS];
static uint32_t pending[WORDS];
static uint32_t held[WORDS];
static uint32_t claimed[WORDS]; /* held lines the controller must be told about */

static uint32_t bit(uint32_t irq)
{
	return 1u << (irq % 32u);
}

void hal_irq_enable(uint32_t irq)
{
	if (irq >= VEER_IRQS_MAX) {
		hal_panic(__FILE__, __LINE__, "interrupt line beyond VEER_IRQS_MAX");
	}
	enabled[irq / 32u] |= bit(irq);
	/* A line the board's controller does not have (the interrupts port's
	 * 42 and 43 on the VeeR PIC's 31 sources) can still be raised by
	 * debug_trigger_interrupt, which this file delivers itself: only the
	 * hardware path is missing, so that is no error. */
	(void)veer_board_irq_enable(irq);
}

void hal_irq_ack(uint32_t irq)
{
	if (irq >= VEER_IRQS_MAX) {
		return;
	}
	uint32_t w = irq / 32u;
	held[w] &= ~bit(irq);
	if (claimed[w] & bit(irq)) {
		claimed[w] &= ~bit(irq);
		veer_board_irq_complete(irq);
	}
}

bool hal_irq_trigger(uint32_t irq)
{
	if (irq >= VEER_IRQS_MAX) {
		return false;
	}
	pending[irq / 32u] |= bit(irq);
	return true;
}

void veer_irq_raise_line(uint32_t irq)
{
	if (irq >= VEER_IRQS_MAX) {
		return;
	}
	pending[irq / 32u] |= bit(irq);
	claimed[irq / 32u] |= bit(irq);
}

bool veer_irq_take(uint32_t *irq)
{
	if ((pending[0] | pending[1]) == 0) {
		return false; /* every kernel exit asks; almost always nothing */
	}
	for (uint32_t w = 0; w < WORDS; w++) {
		uint32_t ready = pending[w] & enabled[w] & ~held[w];
		if (ready != 0) {
			uint32_t b = ready & -ready; /* the lowest line first */
			pending[w] &= ~b;
			held[w] |= b;
			*irq = w * 32u + (uint32_t)__builtin_ctz(b);
			return true;
		}
	}
	return false;
}
