/* SPDX-License-Identifier: Apache-2.0 */
/*
 * board_memory.h — the memory of every hal-veer board and the limits of the
 * target kernel, as plain C constants: tools/pwk-gen (a host program) lays
 * systems out and checks them against these, and board code may use them.
 * No includes, no types: each list is an X-macro a user expands.
 *
 * PWK_BOARD_LIST(X): X(ID, "name", ram_base, ram_size, pmp_entries, pmp_granularity)
 *   ram_base/ram_size  the one memory range that holds the kernel's and the
 *                      processes' flash and RAM (all boards run from RAM);
 *   pmp_entries        PMP entries user mode may use (16 on every board);
 *   pmp_granularity    G: every PMP region is a multiple of 4 << G bytes.
 * PWK_BOARD_DEVICE_LIST(X): X(ID, "name", base, size) — the device windows a
 *   process's `device` memory_mappings usually name. pwk-gen accepts any
 *   device mapping outside the board's RAM and lists these in its messages.
 */
#ifndef PWK_HAL_VEER_BOARD_MEMORY_H
#define PWK_HAL_VEER_BOARD_MEMORY_H

/* veer-el2's RAM is the window the testbench's memory model answers at the
 * reset vector, 0x80000000..0x90000000; its exact extent is being verified
 * against tb_top.sv, and its line below is the only one to change. */
#define PWK_BOARD_LIST(X)                                                                          \
	X(QEMU_VIRT, "qemu-virt", 0x80000000u, 0x08000000u, 16u, 0u)                               \
	X(VEER_EL2, "veer-el2", 0x80000000u, 0x10000000u, 16u, 0u)                                 \
	X(CALIPTRA_MCU, "caliptra-mcu", 0x40000000u, 0x00060000u, 16u, 0u)

#define PWK_BOARD_DEVICE_LIST(X)                                                                   \
	X(QEMU_VIRT, "sifive_test", 0x00100000u, 0x00001000u)                                      \
	X(QEMU_VIRT, "clint", 0x02000000u, 0x00010000u)                                            \
	X(QEMU_VIRT, "plic", 0x0c000000u, 0x04000000u)                                             \
	X(QEMU_VIRT, "uart0", 0x10000000u, 0x00001000u)                                            \
	X(VEER_EL2, "mailbox", 0xd0580000u, 0x00001000u)                                           \
	X(VEER_EL2, "iccm", 0xee000000u, 0x00010000u)                                              \
	X(VEER_EL2, "dccm", 0xf0040000u, 0x00010000u)                                              \
	X(VEER_EL2, "pic", 0xf00c0000u, 0x00008000u)                                               \
	X(CALIPTRA_MCU, "uart", 0x10001000u, 0x00001000u)                                          \
	X(CALIPTRA_MCU, "emulator_exit", 0x10002000u, 0x00001000u)                                 \
	X(CALIPTRA_MCU, "mci", 0x21000000u, 0x00001000u)                                           \
	X(CALIPTRA_MCU, "pic", 0x60000000u, 0x00008000u)

/* The target kernel's limits: a board build passes these as -DPWK_*_MAX
 * (kernel-core/src/limits.h) so that the kernel's .bss fits its RAM;
 * pwk-gen rejects a system beyond them and the generated pwk_system.c
 * asserts at compile time that the kernel was built with them. */
#define PWK_TARGET_PROCESSES_MAX         16u
#define PWK_TARGET_OBJECTS_MAX           128u
#define PWK_TARGET_THREADS_MAX           32u
#define PWK_TARGET_CHANNEL_ENDS_MAX      64u
#define PWK_TARGET_WAIT_GROUPS_MAX       16u
#define PWK_TARGET_INTERRUPT_OBJECTS_MAX 8u

/* X(NAME, "what"): each limit above by the suffix it shares with PWK_*_MAX. */
#define PWK_TARGET_LIMIT_LIST(X)                                                                   \
	X(PROCESSES, "processes")                                                                  \
	X(OBJECTS, "objects")                                                                      \
	X(THREADS, "threads")                                                                      \
	X(CHANNEL_ENDS, "channel ends")                                                            \
	X(WAIT_GROUPS, "wait groups")                                                              \
	X(INTERRUPT_OBJECTS, "interrupt objects")

#endif /* PWK_HAL_VEER_BOARD_MEMORY_H */
