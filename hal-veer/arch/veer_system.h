/* SPDX-License-Identifier: Apache-2.0 */
/*
 * veer_system.h — the tables tools/pwk-gen writes for one system on one
 * board (pwk_system.c), beyond the kernel's own pwk_system_desc: what the
 * RV32 HAL needs and the kernel does not know about. The generated file
 * defines every symbol declared here; nothing else does.
 *
 * Invariants (checked by pwk-gen when it writes the tables):
 *  - veer_thread_stacks[i] belongs to pwk_system.threads[i]; each stack is
 *    16-byte aligned and its size a multiple of 16;
 *  - veer_process_pmp[p] is the complete user-mode PMP image of process p:
 *    the entries cover exactly its regions (flash r-x, RAM rw-, device
 *    mappings rw-), every other entry is OFF, and no entry is locked, so
 *    machine mode (the kernel) is never restricted.
 */
#ifndef PWK_HAL_VEER_SYSTEM_H
#define PWK_HAL_VEER_SYSTEM_H

#include <stdint.h>

#include <pwk/system.h>

#define VEER_PMP_ENTRIES 16u /* every supported board implements 16 */

struct veer_thread_stack {
	uint8_t *base; /* lowest byte of the thread's kernel stack */
	uint32_t size; /* bytes */
};

/* pmpcfg0..3 (four 8-bit entry configs each) and pmpaddr0..15, as written. */
struct veer_process_pmp {
	uint32_t cfg[VEER_PMP_ENTRIES / 4u];
	uint32_t addr[VEER_PMP_ENTRIES];
};

extern const struct pwk_system_desc pwk_system;
extern const struct veer_thread_stack veer_thread_stacks[];
extern const struct veer_process_pmp veer_process_pmp[];

#endif /* PWK_HAL_VEER_SYSTEM_H */
