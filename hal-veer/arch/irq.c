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

static uint64_t enabled;
static uint64_t pending;
static uint64_t held;
static uint64_t claimed; /* held lines the controller must be told about */

static uint64_t bit(uint32_t irq)
{
	return (uint64_t)1 << irq;
}

void hal_irq_enable(uint32_t irq)
{
	if (irq >= VEER_IRQS_MAX) {
		hal_panic(__FILE__, __LINE__, "interrupt line beyond VEER_IRQS_MAX");
	}
	enabled |= bit(irq);
	(void)veer_board_irq_enable(irq);
}

void hal_irq_ack(uint32_t irq)
{
	if (irq >= VEER_IRQS_MAX) {
		return;
	}
	held &= ~bit(irq);
	if (claimed & bit(irq)) {
		claimed &= ~bit(irq);
		veer_board_irq_complete(irq);
	}
}

bool hal_irq_trigger(uint32_t irq)
{
	if (irq >= VEER_IRQS_MAX) {
		return false;
	}
	pending |= bit(irq);
	return true;
}

void veer_irq_raise_line(uint32_t irq)
{
	if (irq >= VEER_IRQS_MAX) {
		return;
	}
	pending |= bit(irq);
	claimed |= bit(irq);
}

bool veer_irq_take(uint32_t *irq)
{
	uint64_t ready = pending & enabled & ~held;
	if (ready == 0) {
		return false;
	}
	uint32_t line = (uint32_t)__builtin_ctzll(ready);
	pending &= ~bit(line);
	held |= bit(line);
	*irq = line;
	return true;
}
