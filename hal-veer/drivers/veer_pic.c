/* SPDX-License-Identifier: Apache-2.0 */
/*
 * veer_pic.c — external lines through the VeeR EL2 PIC (memory-mapped at
 * BOARD_PIC_BASE), by its registers only: the board's veer_board_irq_*
 * functions.
 *
 * VeeR builds with *fast interrupt redirect* make the claim CSR (meicpct)
 * illegal and jump through the external vector table (meivt) instead of
 * mtvec. So: every table entry is the common trap entry, a pending line is
 * found in the meip bits and masked at the PIC (meie = 0) while it is held,
 * and hal_irq_ack clears its gateway and unmasks it. A level line still
 * asserted then fires again, as it should.
 *
 * The core fetches the table entry itself, and only from the DCCM: with
 * meivt in external memory (flash) an interrupt becomes an NMI with mcause
 * 0xF0001001/2 instead (measured on the verilated EL2). So the table is
 * written at boot to BOARD_PIC_VECTORS, the first KiB of the board's DCCM,
 * which nothing else uses.
 */
#include "board.h"
#include "csr.h"
#include "drivers.h"
#include "veer.h"

#define PIC_MEIPL(s)     (BOARD_PIC_BASE + 4u * (s))
#define PIC_MEIP(w)      (BOARD_PIC_BASE + 0x1000u + 4u * (w))
#define PIC_MEIE(s)      (BOARD_PIC_BASE + 0x2000u + 4u * (s))
#define PIC_MPICCFG      (BOARD_PIC_BASE + 0x3000u)
#define PIC_MEIGWCTRL(s) (BOARD_PIC_BASE + 0x4000u + 4u * (s))
#define PIC_MEIGWCLR(s)  (BOARD_PIC_BASE + 0x5000u + 4u * (s))

/* meivt needs 1 KiB alignment; slot 0 (no interrupt) is never used. */
#define VECTORS 256u
_Static_assert(BOARD_PIC_VECTORS % 1024u == 0, "meivt is 1 KiB aligned");

static uint32_t enabled[2]; /* lines 1..63 the kernel declared */

static volatile uint32_t *reg(uint32_t addr)
{
	return (volatile uint32_t *)addr;
}

void veer_pic_init(void)
{
	*reg(PIC_MPICCFG) = 0; /* standard priority order */
	for (uint32_t i = 0; i < VECTORS; i++) {
		*reg(BOARD_PIC_VECTORS + 4u * i) = (uint32_t)(uintptr_t)veer_trap_entry;
	}
	__asm__ volatile("csrw 0xbc8, %0" : : "r"(BOARD_PIC_VECTORS));
	__asm__ volatile("csrw 0xbc9, zero"); /* meipt: threshold 0 */
	CSR_SET(mie, MIE_MEIE);
}

bool veer_board_irq_enable(uint32_t irq)
{
	if (irq == 0 || irq >= BOARD_PIC_LINES || irq >= VEER_IRQS_MAX) {
		return false;
	}
	enabled[irq / 32u] |= 1u << (irq % 32u);
	*reg(PIC_MEIGWCTRL(irq)) = 0; /* level, active high */
	*reg(PIC_MEIPL(irq)) = 1;
	*reg(PIC_MEIE(irq)) = 1;
	return true;
}

void veer_pic_claim_all(void)
{
	for (uint32_t w = 0; w < 2u; w++) {
		uint32_t ready = *reg(PIC_MEIP(w)) & enabled[w];
		while (ready != 0) {
			uint32_t irq = w * 32u + (uint32_t)__builtin_ctz(ready);
			ready &= ready - 1u;
			*reg(PIC_MEIE(irq)) = 0; /* held until acked */
			veer_irq_raise_line(irq);
		}
	}
}

bool veer_pic_any_enabled(void)
{
	return (enabled[0] | enabled[1]) != 0;
}

void veer_board_irq_complete(uint32_t irq)
{
	*reg(PIC_MEIGWCLR(irq)) = 0;
	*reg(PIC_MEIE(irq)) = 1;
}

void veer_board_irq_poll(void)
{
	veer_pic_claim_all();
}
