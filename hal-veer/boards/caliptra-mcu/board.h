/* SPDX-License-Identifier: Apache-2.0 */
/*
 * board.h — Caliptra MCU (VeeR EL2 with user mode) as OpenPRoT's VeeR
 * target maps it. Build only: nothing here runs in CI. Data only.
 */
#ifndef PWK_HAL_VEER_BOARD_H
#define PWK_HAL_VEER_BOARD_H

#define BOARD_NAME "caliptra-mcu"

#define BOARD_UART_TX 0x10001041u /* one byte per store */
#define BOARD_EXIT    0x10002000u /* the emulator exits with the code written */

/* MCI block: 64-bit mtime/mtimecmp, raising the standard machine timer
 * interrupt. Nominal 100 MHz (10 ns per tick): OpenPRoT's examples do not
 * pin the frequency down; adjust here for a real part. */
#define BOARD_MTIME_ADDR    (0x21000000u + 0xe4u)
#define BOARD_MTIMECMP_ADDR (0x21000000u + 0xecu)
#define BOARD_NS_PER_TICK   10u

/* mrac (CSR 0x7C0): regions 0x1 (UART, exit) and 0x2 (MCI) side effect;
 * the SRAM at 0x4 is left uncached (whether the part has an I-cache is not
 * pinned down by the examples). */
#define BOARD_MRAC ((2u << (2u * 0x1u)) | (2u << (2u * 0x2u)))

#define BOARD_PIC_BASE  0x60000000u
#define BOARD_PIC_LINES 64u

#endif /* PWK_HAL_VEER_BOARD_H */
