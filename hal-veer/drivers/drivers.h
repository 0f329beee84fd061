/* SPDX-License-Identifier: Apache-2.0 */
/*
 * drivers.h — the small device drivers boards are assembled from. Each
 * reads its addresses from the board's board.h; meson compiles only the
 * drivers a board lists.
 */
#ifndef PWK_HAL_VEER_DRIVERS_H
#define PWK_HAL_VEER_DRIVERS_H

#include <stdbool.h>
#include <stdint.h>

/* ns16550.c */
void ns16550_init(void);
void ns16550_putc(uint8_t c);

/* mtime.c: a memory-mapped 64-bit mtime/mtimecmp pair (CLINT, MCI). */
uint64_t mtime_now_ns(void);
void mtime_timer_set(uint64_t deadline_ns);

/* plic.c: RISC-V PLIC, hart 0 machine context. */
void plic_init(void);
bool plic_enable(uint32_t irq);
void plic_claim_all(void);
void plic_complete(uint32_t irq);

/* veer_pic.c: the VeeR EL2 programmable interrupt controller. */
void veer_pic_init(void);
bool veer_pic_enable(uint32_t irq);
void veer_pic_claim_all(void);
void veer_pic_complete(uint32_t irq);
bool veer_pic_any_enabled(void);

/* veer_timer.c: VeeR's internal timers 0 and 1 cascaded as the clock. */
void veer_timer_init(void);
uint64_t veer_timer_now_ns(void);
void veer_timer_set(uint64_t deadline_ns);

/* veer_mrac.c: VeeR's region access control (cacheable / side effect). */
void veer_mrac_set(uint32_t mrac);

/* sleep_wfi.c / sleep_mpmc.c */
void wfi_sleep(void);
void mpmc_sleep(void);

#endif /* PWK_HAL_VEER_DRIVERS_H */
