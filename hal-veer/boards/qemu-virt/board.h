/* SPDX-License-Identifier: Apache-2.0 */
/*
 * board.h — QEMU `virt` (riscv32): the board profile CI runs. Data only;
 * the drivers in drivers/ read these constants.
 */
#ifndef PWK_HAL_VEER_BOARD_H
#define PWK_HAL_VEER_BOARD_H

#define BOARD_NAME "qemu-virt"

/* NS16550A, byte registers, no FIFO set-up needed under QEMU. */
#define BOARD_UART_BASE 0x10000000u

/* CLINT: 64-bit mtime and hart 0's mtimecmp, 10 MHz = 100 ns per tick. */
#define BOARD_MTIME_ADDR    0x0200bff8u
#define BOARD_MTIMECMP_ADDR 0x02004000u
#define BOARD_NS_PER_TICK   100u

/* PLIC, hart 0 machine-mode context (context 0). */
#define BOARD_PLIC_BASE  0x0c000000u
#define BOARD_PLIC_LINES 96u

/* SiFive test device: 0x5555 = pass, (code << 16) | 0x3333 = fail. */
#define BOARD_TEST_DEVICE 0x00100000u

#endif /* PWK_HAL_VEER_BOARD_H */
