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

#define T1   veer_trap_entry
#define T4   T1, T1, T1, T1
#define T16  T4, T4, T4, T4
#define T64  T16, T16, T16, T16
#define T256 T64, T64, T64, T64

/* meivt needs 1 KiB alignment; slot 0 (no interrupt) is never used. */
static void (*const vector_table[256])(void) __attribute__((aligned(1024))) = {T256};

static uint32_t enabled[2]; /* lines 1..63 the kernel declared */

static volatile uint32_t *reg(uint32_t addr)
{
	return (volatile uint32_t *)addr;
}

void veer_pic_init(void)
{
	*reg(PIC_MPICCFG) = 0; /* standard priority order */
	__asm__ volatile("csrw 0xbc8, %0" : : "r"((uint32_t)(uintptr_t)vector_table));
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
