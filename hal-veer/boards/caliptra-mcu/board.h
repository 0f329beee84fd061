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

#define BOARD_PIC_BASE  0x60000000u
#define BOARD_PIC_LINES 64u

#endif /* PWK_HAL_VEER_BOARD_H */
