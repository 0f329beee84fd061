/* SPDX-License-Identifier: Apache-2.0 */
/*
 * system_layout.c — pw_kernel's address assignment (system_generator
 * calculate_and_validate) and the size rules that come with it:
 *  - apps' flash is packed after the kernel's, each start 4-byte aligned;
 *  - RAM: the first app after the kernel's RAM, 32-byte aligned; inside an
 *    app each process at align(previous end, arch alignment of its size);
 *    the next app at align32(app start + sum of its processes' sizes);
 *  - process RAM must be a multiple of 32 bytes (RISC-V, ARMv8-M, and the
 *    host), or a power of two >= 32 (ARMv7-M, whose MPU regions need it);
 *  - ARMv8-M memory mappings start and end on 32-byte boundaries;
 *  - legacy app RAM is split evenly between the app's processes;
 *  - legacy user stacks must fit in their process's RAM;
 *  - everything must end inside the 32-bit address space, and no two of
 *    the kernel's and apps' flash and RAM regions may overlap.
 * Runs only on a model without errors, so every field here is valid.
 */
#include "system_internal.h"

#include <inttypes.h>

#define RAM_ALIGN 32u

static uint64_t align_up(uint64_t v, uint64_t align)
{
	return (v + align - 1) / align * align;
}

static bool is_power_of_two(uint64_t v)
{
	return v != 0 && (v & (v - 1)) == 0;
}

/* Alignment of a process RAM region of `size` bytes. */
static uint64_t ram_alignment(const struct cfg_system *sys, uint64_t size)
{
	return sys->arch == CFG_ARCH_ARMV7M ? size : RAM_ALIGN;
}

/* Splits legacy app RAM evenly (an even split keeps process i's region
 * computable from the app alone, as one shared app image expects). */
static void split_app_ram(struct cfg_loader *ld, struct cfg_app *a)
{
	struct cfg_system *sys = ld->sys;
	uint64_t n = a->process_count, each = a->ram_size_bytes / n;

	if (a->ram_size_bytes % (n * RAM_ALIGN) != 0) {
		cfg_error_pos(ld, a->pos,
			      "ram_size_bytes of app \"%s\" (%" PRIu64 ") cannot be split evenly "
			      "into %" PRIu64 " processes of whole 32-byte blocks: make it a "
			      "multiple of %" PRIu64 ", or give each process its own "
			      "ram_size_bytes",
			      a->name, a->ram_size_bytes, n, n * RAM_ALIGN);
		return;
	}
	for (uint32_t i = 0; i < a->process_count; i++) {
		sys->processes[a->first_process + i].ram_size_bytes = each;
	}
}

static void check_process_ram(struct cfg_loader *ld, const struct cfg_process *p)
{
	const struct cfg_system *sys = ld->sys;
	uint64_t size = p->ram_size_bytes, stacks = 0;

	if (sys->arch == CFG_ARCH_ARMV7M && (!is_power_of_two(size) || size < RAM_ALIGN)) {
		cfg_error_pos(ld, p->pos,
			      "RAM size of process \"%s\" (%" PRIu64 ") must be a power of two of "
			      "at least 32 bytes on armv7m (MPU regions are size-aligned)",
			      p->name, size);
	} else if (size % RAM_ALIGN != 0) {
		cfg_error_pos(ld, p->pos,
			      "RAM size of process \"%s\" (%" PRIu64 ") must be aligned to %u "
			      "bytes: use %" PRIu64 " or %" PRIu64,
			      p->name, size, RAM_ALIGN, size / RAM_ALIGN * RAM_ALIGN,
			      align_up(size, RAM_ALIGN));
	}
	for (size_t i = 0; i < p->thread_count; i++) {
		stacks += p->threads[i].stack_size_bytes;
	}
	if (stacks > size) {
		cfg_error_pos(ld, p->threads[0].pos,
			      "the stacks of process \"%s\" (%" PRIu64 " bytes in all) do not fit "
			      "in its %" PRIu64 " bytes of RAM: shrink stack_size_bytes or grow "
			      "ram_size_bytes",
			      p->name, stacks, size);
	}
}

static void check_mapping_alignment(struct cfg_loader *ld, const struct cfg_process *p)
{
	for (size_t i = 0; i < p->mapping_count; i++) {
		const struct cfg_mapping *m = &p->mappings[i];
		if (m->start_address % RAM_ALIGN != 0 || m->size_bytes % RAM_ALIGN != 0) {
			cfg_error_pos(ld, m->pos,
				      "mapping \"%s\" of process \"%s\" must start and end on "
				      "32-byte boundaries on armv8m (MPU granularity)",
				      m->name, p->name);
		}
	}
}

/* Reports a region that ends past 4 GiB; true when it fits. */
static bool fits(struct cfg_loader *ld, struct cfg_pos pos, const char *what, uint64_t start,
		 uint64_t size)
{
	if (start + size <= CFG_ADDRESS_LIMIT) {
		return true;
	}
	cfg_error_pos(ld, pos,
		      "%s would span 0x%" PRIx64 "..0x%" PRIx64 ", past the 32-bit address "
		      "space: shrink it or move the kernel's memory down",
		      what, start, start + size);
	return false;
}

static void place_app(struct cfg_loader *ld, struct cfg_app *a, uint64_t *flash, uint64_t *ram)
{
	struct cfg_system *sys = ld->sys;
	uint64_t sum = 0, end;

	a->flash_start_address = *flash;
	fits(ld, a->pos, cfg_format(ld, "the flash of app \"%s\"", a->name), *flash,
	     a->flash_size_bytes);
	*flash = align_up(*flash + a->flash_size_bytes, 4);

	a->ram_start_address = *ram;
	end = *ram;
	for (uint32_t i = 0; i < a->process_count; i++) {
		struct cfg_process *p = &sys->processes[a->first_process + i];
		p->ram_start_address = align_up(end, ram_alignment(sys, p->ram_size_bytes));
		p->flash_start_address = a->flash_start_address;
		end = p->ram_start_address + p->ram_size_bytes;
		sum += p->ram_size_bytes;
		fits(ld, p->pos, cfg_format(ld, "the RAM of process \"%s\"", p->name),
		     p->ram_start_address, p->ram_size_bytes);
	}
	if (!a->ram_size_given) {
		a->ram_size_bytes = sum;
	}
	*ram = align_up(a->ram_start_address + sum, RAM_ALIGN);
}

struct region {
	const char *what;
	struct cfg_pos pos;
	uint64_t start, end;
};

/* No two of the kernel's and the apps' flash and RAM regions may share a
 * byte (memory mappings may: two processes can map one device). */
static void check_overlaps(struct cfg_loader *ld)
{
	const struct cfg_system *sys = ld->sys;
	const struct cfg_kernel *k = &sys->kernel;
	size_t n = 0;
	struct region *r =
		arena_array(ld->arena, 2 + sys->app_count + sys->process_count, sizeof(*r));

	r[n++] = (struct region){"the kernel's flash", k->pos, k->flash_start_address,
				 k->flash_start_address + k->flash_size_bytes};
	r[n++] = (struct region){"the kernel's RAM", k->pos, k->ram_start_address,
				 k->ram_start_address + k->ram_size_bytes};
	for (size_t i = 0; i < sys->app_count; i++) {
		const struct cfg_app *a = &sys->apps[i];
		r[n++] = (struct region){cfg_format(ld, "the flash of app \"%s\"", a->name), a->pos,
					 a->flash_start_address,
					 a->flash_start_address + a->flash_size_bytes};
	}
	for (size_t i = 0; i < sys->process_count; i++) {
		const struct cfg_process *p = &sys->processes[i];
		r[n++] = (struct region){cfg_format(ld, "the RAM of process \"%s\"", p->name),
					 p->pos, p->ram_start_address,
					 p->ram_start_address + p->ram_size_bytes};
	}
	for (size_t i = 1; i < n; i++) {
		for (size_t j = 0; j < i; j++) {
			if (r[i].start < r[j].end && r[j].start < r[i].end) {
				cfg_error_pos(ld, r[i].pos,
					      "%s (0x%" PRIx64 "..0x%" PRIx64 ") overlaps %s "
					      "(0x%" PRIx64 "..0x%" PRIx64 "): move the kernel's "
					      "flash or RAM so that apps fit between them",
					      r[i].what, r[i].start, r[i].end, r[j].what,
					      r[j].start, r[j].end);
			}
		}
	}
}

void cfg_layout(struct cfg_loader *ld)
{
	struct cfg_system *sys = ld->sys;
	const struct cfg_kernel *k = &sys->kernel;

	fits(ld, k->pos, "the kernel's flash", k->flash_start_address, k->flash_size_bytes);
	fits(ld, k->pos, "the kernel's RAM", k->ram_start_address, k->ram_size_bytes);
	for (size_t i = 0; i < sys->app_count; i++) {
		if (sys->apps[i].ram_size_given && sys->apps[i].process_count > 0) {
			split_app_ram(ld, &sys->apps[i]);
		}
	}
	if (cfg_failed(ld)) {
		return; /* unsplit processes have no RAM size to check */
	}
	for (size_t i = 0; i < sys->process_count; i++) {
		check_process_ram(ld, &sys->processes[i]);
		if (sys->arch == CFG_ARCH_ARMV8M) {
			check_mapping_alignment(ld, &sys->processes[i]);
		}
	}
	if (cfg_failed(ld)) {
		return;
	}
	uint64_t flash = align_up(k->flash_start_address + k->flash_size_bytes, 4);
	uint64_t ram = align_up(k->ram_start_address + k->ram_size_bytes, RAM_ALIGN);
	for (size_t i = 0; i < sys->app_count; i++) {
		place_app(ld, &sys->apps[i], &flash, &ram);
	}
	if (!cfg_failed(ld)) {
		check_overlaps(ld);
	}
}
