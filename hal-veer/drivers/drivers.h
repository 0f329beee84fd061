/* SPDX-License-Identifier: Apache-2.0 */
/*
 * drivers.h — the small device drivers boards are assembled from. Each
 * reads its addresses from the board's board.h; meson compiles only the
 * drivers a board lists. Where a driver is the board's only choice it
 * defines the veer_board_* functions of arch/veer.h itself (the clock,
 * the timer, the sleep, the interrupt lines); below is what else it offers
 * the board's glue.
 */
#ifndef PWK_HAL_VEER_DRIVERS_H
#define PWK_HAL_VEER_DRIVERS_H

#include <stdbool.h>
#include <stdint.h>

/* ns16550.c */
void ns16550_init(void);
void ns16550_putc(uint8_t c);

/* plic.c: RISC-V PLIC, hart 0 machine context. */
void plic_init(void);
void plic_claim_all(void);

/* veer_pic.c: the VeeR EL2 programmable interrupt controller. */
void veer_pic_init(void);
void veer_pic_claim_all(void);
bool veer_pic_any_enabled(void);

/* veer_timer.c: VeeR's internal timers, 0 as the clock and 1 as the wake-up. */
void veer_timer_init(void);

/* veer_mrac.c: VeeR's region access control (cacheable / side effect). */
void veer_mrac_set(uint32_t mrac);

#endif /* PWK_HAL_VEER_DRIVERS_H */
