/* SPDX-License-Identifier: Apache-2.0 */
/*
 * layout.c — where the kernel, each app's flash and each process's flash
 * slice and RAM go on the target (rules in target.h), and the placement the
 * shared translation (config/system_desc.h) takes from them.
 */
#include <inttypes.h>
#include <stdlib.h>

#include "target.h"

#define FLASH_ALIGN 4u  /* pw_kernel packs apps' flash on 4 bytes */
#define RAM_ALIGN   32u /* and RAM on 32 (RISC-V) */
#define SLICE_ALIGN 32u /* a process's flash slice */

static uint64_t align_up(uint64_t v, uint64_t align)
{
	return (v + align - 1) / align * align;
}

static void place_config(struct pwkgen_target *t)
{
	const struct cfg_system *sys = &t->sys;
	t->kernel_flash = (struct pwkgen_range){sys->kernel.flash_start_address,
						sys->kernel.flash_size_bytes};
	t->kernel_ram =
		(struct pwkgen_range){sys->kernel.ram_start_address, sys->kernel.ram_size_bytes};
	for (size_t a = 0; a < sys->app_count; a++) {
		t->app_flash[a] = (struct pwkgen_range){sys->apps[a].flash_start_address,
							sys->apps[a].flash_size_bytes};
	}
	for (size_t p = 0; p < sys->process_count; p++) {
		t->process_ram[p] = (struct pwkgen_range){sys->processes[p].ram_start_address,
							  sys->processes[p].ram_size_bytes};
	}
}

/* One region of --place board, in packing order. */
struct packed {
	struct pwkgen_range *r;
	uint64_t size, align;
	struct cfg_pos pos; /* the entry whose `key` sets the size */
	const char *key, *what, *name;
};

static size_t add(struct packed *list, size_t n, struct pwkgen_range *r, uint64_t size,
		  uint64_t align, struct cfg_pos pos, const char *key, const char *what,
		  const char *name)
{
	list[n] = (struct packed){r, size, align, pos, key, what, name};
	return n + 1;
}

/* Packs the same sizes from the board's base, in pw_kernel's order; on
 * overflow, reports the first region that ends past the board's memory
 * with the bytes the whole system lacks. */
static bool place_board(struct pwkgen_target *t)
{
	const struct cfg_system *sys = &t->sys;
	const struct cfg_kernel *k = &sys->kernel;
	struct packed *list = calloc(2 + sys->app_count + sys->process_count, sizeof(*list));
	size_t n = 0;
	if (list == NULL) {
		diag_error(&t->d, 0, 0, "out of memory");
		return false;
	}
	n = add(list, n, &t->kernel_flash, k->flash_size_bytes, 1, k->pos, "flash_size_bytes",
		"the kernel's flash", NULL);
	for (size_t a = 0; a < sys->app_count; a++) {
		n = add(list, n, &t->app_flash[a], sys->apps[a].flash_size_bytes, FLASH_ALIGN,
			sys->apps[a].pos, "flash_size_bytes", "the flash of app",
			sys->apps[a].name);
	}
	n = add(list, n, &t->kernel_ram, k->ram_size_bytes, RAM_ALIGN, k->pos, "ram_size_bytes",
		"the kernel's RAM", NULL);
	for (size_t p = 0; p < sys->process_count; p++) {
		n = add(list, n, &t->process_ram[p], sys->processes[p].ram_size_bytes, RAM_ALIGN,
			sys->processes[p].pos, "ram_size_bytes", "the RAM of process",
			sys->processes[p].name);
	}
	uint64_t next = t->board->ram_base, end = t->board->ram_base + t->board->ram_size;
	for (size_t i = 0; i < n; i++) {
		list[i].r->start = align_up(next, list[i].align);
		list[i].r->size = list[i].size;
		next = list[i].r->start + list[i].size;
	}
	for (size_t i = 0; next > end && i < n; i++) {
		if (list[i].r->start + list[i].r->size <= end) {
			continue;
		}
		pwkgen_error_at(t, list[i].pos, list[i].key,
				"%s%s%s%s does not fit in %s's memory (0x%08" PRIx64
				"..0x%08" PRIx64 ") when the system is packed from its base "
				"(--place board): %" PRIu64 " bytes are missing; shrink the "
				"kernel's, apps' or processes' sizes",
				list[i].what, list[i].name ? " \"" : "",
				list[i].name ? list[i].name : "", list[i].name ? "\"" : "",
				t->board->name, t->board->ram_base, end, next - end);
		break;
	}
	free(list);
	return next <= end;
}

/* Splits each app's flash between its processes (target.h). */
static bool slice_flash(struct pwkgen_target *t)
{
	const struct cfg_system *sys = &t->sys;
	bool ok = true;
	for (size_t a = 0; a < sys->app_count; a++) {
		const struct cfg_app *app = &sys->apps[a];
		const struct pwkgen_range *f = &t->app_flash[a];
		uint64_t n = app->process_count, base = f->start, size = f->size;
		uint64_t least = align_up(f->start, SLICE_ALIGN) - f->start + n * SLICE_ALIGN;
		if (n > 1) {
			base = align_up(f->start, SLICE_ALIGN);
			size = base < f->start + f->size
				       ? (f->start + f->size - base) / n / SLICE_ALIGN * SLICE_ALIGN
				       : 0;
		}
		if (size == 0) {
			pwkgen_error_at(t, app->pos, "flash_size_bytes",
					"the flash of app \"%s\" (%" PRIu64 " bytes) is too small "
					"to give each of its %" PRIu64 " processes a 32-byte "
					"slice: make it at least %" PRIu64 " bytes",
					app->name, f->size, n, least);
			ok = false;
			continue;
		}
		for (uint32_t i = 0; i < app->process_count; i++) {
			t->process_flash[app->first_process + i] =
				(struct pwkgen_range){base + i * size, size};
		}
	}
	return ok;
}

bool pwkgen_layout(struct pwkgen_target *t)
{
	if (t->place == PWKGEN_PLACE_BOARD) {
		if (!place_board(t)) {
			return false;
		}
	} else {
		place_config(t);
	}
	if (!slice_flash(t)) {
		return false;
	}
	/* Every process starts at its slice: _start is the first code its
	 * linker script (ld-process) places there. Nothing is loaded yet, so
	 * legacy stacks may use the whole RAM; a1 is not used on target. */
	for (size_t p = 0; p < t->sys.process_count; p++) {
		t->placement[p] = (struct cfg_process_placement){
			.flash_start = (uintptr_t)t->process_flash[p].start,
			.flash_size = (uintptr_t)t->process_flash[p].size,
			.ram_start = (uintptr_t)t->process_ram[p].start,
			.ram_size = (uintptr_t)t->process_ram[p].size,
			.entry = (uintptr_t)t->process_flash[p].start,
		};
	}
	return true;
}
