/* SPDX-License-Identifier: Apache-2.0 */
/*
 * board.h — the chipsalliance VeeR EL2 reference testbench (default config
 * with user_mode=1, 16 PMP entries). Data only.
 */
#ifndef PWK_HAL_VEER_BOARD_H
#define PWK_HAL_VEER_BOARD_H

#define BOARD_NAME "veer-el2"

/* Mailbox: a byte store prints it; 0xFF ends the run with TEST_PASSED,
 * 0x01 with TEST_FAILED. */
#define BOARD_MAILBOX 0xd0580000u

/* The testbench's clock has no fixed frequency: ticks are nanoseconds of a
 * nominal 100 MHz core (10 ns per cycle). */
#define BOARD_NS_PER_CYCLE 10u

/* mrac (CSR 0x7C0): two bits per 256 MiB region, bit 2r = cacheable, bit
 * 2r+1 = side effect. Region 0x8 (code and data) cacheable, which turns the
 * I-cache on; region 0xD (the mailbox) side effect, so stores to it are
 * neither merged nor reordered. */
#define BOARD_MRAC ((1u << (2u * 0x8u)) | (2u << (2u * 0xdu)))

#define BOARD_PIC_BASE  0xf00c0000u
#define BOARD_PIC_LINES 32u

#endif /* PWK_HAL_VEER_BOARD_H */
