/* SPDX-License-Identifier: Apache-2.0 */
/*
 * system_desc.h — the one translation of a loaded system.json5 into the
 * kernel's pwk_system_desc (DESIGN.md: used both by the simulator at boot and
 * by pwk-gen for hal-veer's tables). Where each process lives is an input,
 * a placement: pwsim fills it from the regions and images it made on the
 * host, pwk-gen from a board's target layout. Nothing here knows either.
 *
 * The translation:
 *  - global object index = the process's first object + handle; threads are
 *    numbered process by process in declaration order;
 *  - each process's regions: flash (r-x), RAM (rw-), then, when the placement
 *    asks for it, its memory_mappings (device and read_write_data rw-,
 *    read_only_executable r-x), as pw_kernel's memory map;
 *  - threads started with the process begin at the placement's entry; the
 *    main thread's stack top is the RAM end; legacy `threads:` user stacks are
 *    carved downwards from the RAM end, above the placement's ram_used.
 */
#ifndef PWK_CONFIG_SYSTEM_DESC_H
#define PWK_CONFIG_SYSTEM_DESC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <pwk/system.h>

#include "system_config.h"

/* The least RAM a main thread object's user stack may get: the RAM above
 * the image's data and bss (the stack runs from the RAM's top down, with
 * nothing between it and .bss). pwsim refuses a loaded image that leaves
 * less (cfg_system_desc_build); pwk-gen's process linker script ASSERTs it
 * for a board. docs/config-reference.md, "User stacks". */
#define CFG_MAIN_STACK_MIN_BYTES 1024u

/* Where one process lives, in the addresses its code sees. */
struct cfg_process_placement {
	uintptr_t flash_start, flash_size; /* its code and constants (r-x) */
	uintptr_t ram_start, ram_size;     /* its data, bss and user stacks (rw-) */
	uintptr_t entry;                   /* where threads started with the process begin */
	uintptr_t ram_used;   /* data + bss at the start of RAM: floor of legacy stacks */
	uintptr_t start_arg1; /* a1 of threads started with the process */
};

struct cfg_placement {
	const struct cfg_process_placement *processes; /* one per process, system order */
	/* Memory mappings become regions of their process (hal-veer, where the
	 * PMP grants them). The host has no devices behind them and leaves
	 * them out. */
	bool mappings_as_regions;
};

/* A pwk_system_desc and the storage behind it. */
struct cfg_system_desc {
	struct pwk_system_desc desc;
	struct pwk_process_desc *processes;
	struct pwk_object_desc *objects;
	struct pwk_thread_desc *threads;
	struct pwk_region_desc *regions;
	uint32_t *irqs;
};

/* Builds `out` from a loaded system and its placement. Returns false with a
 * message in `err` when the placement cannot hold the system (the legacy
 * thread stacks do not fit above ram_used); `out` must still be freed. The
 * strings of `out` point into `sys`, which must outlive it. */
bool cfg_system_desc_build(struct cfg_system_desc *out, const struct cfg_system *sys,
			   const struct cfg_placement *place, char *err, size_t err_cap);
void cfg_system_desc_free(struct cfg_system_desc *d);

/* PWK_ACCESS_* bits of a memory mapping of `type` (pw_kernel's memory map). */
uint32_t cfg_mapping_access(cfg_mapping_type_t type);

#endif
