/* SPDX-License-Identifier: Apache-2.0 */
/*
 * plic.c — external lines through a RISC-V PLIC (QEMU virt), hart 0's
 * machine-mode context: the board's veer_board_irq_* functions. A claimed line stays claimed (the
 * PLIC masks it) until the user acknowledges it: hal_irq_ack completes it.
 */
#include "board.h"
#include "csr.h"
#include "drivers.h"
#include "veer.h"

#define PLIC_PRIORITY(irq) (BOARD_PLIC_BASE + 4u * (irq))
#define PLIC_ENABLE(irq)   (BOARD_PLIC_BASE + 0x2000u + 4u * ((irq) / 32u))
#define PLIC_THRESHOLD     (BOARD_PLIC_BASE + 0x200000u)
#define PLIC_CLAIM         (BOARD_PLIC_BASE + 0x200004u)

static volatile uint32_t *reg(uint32_t addr)
{
	return (volatile uint32_t *)addr;
}

void plic_init(void)
{
	for (uint32_t w = 0; w < BOARD_PLIC_LINES / 32u; w++) {
		*reg(BOARD_PLIC_BASE + 0x2000u + 4u * w) = 0;
	}
	*reg(PLIC_THRESHOLD) = 0;
}

bool veer_board_irq_enable(uint32_t irq)
{
	if (irq == 0 || irq >= BOARD_PLIC_LINES) {
		return false;
	}
	*reg(PLIC_PRIORITY(irq)) = 1;
	*reg(PLIC_ENABLE(irq)) |= 1u << (irq % 32u);
	return true;
}

void plic_claim_all(void)
{
	/* Bounded: each claim masks its line until completed. */
	for (uint32_t i = 0; i < BOARD_PLIC_LINES; i++) {
		uint32_t irq = *reg(PLIC_CLAIM);
		if (irq == 0) {
			return;
		}
		veer_irq_raise_line(irq);
	}
}

void veer_board_irq_complete(uint32_t irq)
{
	*reg(PLIC_CLAIM) = irq;
}

void veer_board_irq_poll(void)
{
	if (CSR_READ(mip) & MIE_MEIE) {
		plic_claim_all();
	}
}
