/* SPDX-License-Identifier: Apache-2.0 */
/*
 * fit.c — does the laid-out system fit the board and the target kernel?
 * Each problem is reported at the field of system.json5 that causes it:
 *  - arch must be riscv (or absent);
 *  - the kernel's flash and RAM, every app's flash and every process's RAM
 *    lie inside the board's memory;
 *  - every PMP region (flash slice, RAM, memory mapping) starts and ends on
 *    the PMP grain (4 << G bytes);
 *  - a device mapping lies outside the board's memory, and no mapping
 *    touches the kernel's flash or RAM (a process would reach the kernel);
 *  - object, thread and process counts stay within the target kernel's
 *    limits (board_memory.h);
 *  - the threads' kernel stacks and the boot stack fit in the kernel's RAM;
 *  - each process's regions fit in the board's PMP entries.
 */
#include <inttypes.h>

#include "board_memory.h"
#include "target.h"

static bool inside(const struct pwkgen_board *b, uint64_t start, uint64_t size)
{
	return start >= b->ram_base && start + size <= b->ram_base + b->ram_size;
}

static bool overlaps(uint64_t a, uint64_t a_size, uint64_t b, uint64_t b_size)
{
	return a < b + b_size && b < a + a_size;
}

/* One region that must lie in the board's memory; `key` is its size field
 * when the address was computed, its address field when written. */
static void check_inside(struct pwkgen_target *t, struct pwkgen_range r, struct cfg_pos pos,
			 const char *key, const char *what)
{
	const struct pwkgen_board *b = t->board;
	if (inside(b, r.start, r.size)) {
		return;
	}
	pwkgen_error_at(t, pos, key,
			"%s (0x%08" PRIx64 "..0x%08" PRIx64 ") is outside %s's memory "
			"(0x%08" PRIx64 "..0x%08" PRIx64 "): move the kernel's addresses into "
			"it, shrink the sizes, or pass --place board to pack the system from "
			"0x%08" PRIx64,
			what, r.start, r.start + r.size, b->name, b->ram_base,
			b->ram_base + b->ram_size, b->ram_base);
}

static void check_memory(struct pwkgen_target *t)
{
	const struct cfg_system *sys = &t->sys;
	const struct cfg_kernel *k = &sys->kernel;
	const char *kf = inside(t->board, k->flash_start_address, 0) ? "flash_size_bytes"
								     : "flash_start_address";
	const char *kr =
		inside(t->board, k->ram_start_address, 0) ? "ram_size_bytes" : "ram_start_address";
	check_inside(t, t->kernel_flash, k->pos, kf, "the kernel's flash");
	check_inside(t, t->kernel_ram, k->pos, kr, "the kernel's RAM");
	for (size_t a = 0; a < sys->app_count; a++) {
		char what[160];
		snprintf(what, sizeof(what), "the flash of app \"%s\"", sys->apps[a].name);
		check_inside(t, t->app_flash[a], sys->apps[a].pos, "flash_size_bytes", what);
	}
	for (size_t p = 0; p < sys->process_count; p++) {
		char what[160];
		snprintf(what, sizeof(what), "the RAM of process \"%s\"", sys->processes[p].name);
		check_inside(t, t->process_ram[p], sys->processes[p].pos, "ram_size_bytes", what);
	}
}

/* Start and size on the PMP grain; reports at `key` (start) or `size_key`. */
static void check_grain(struct pwkgen_target *t, struct pwkgen_range r, struct cfg_pos pos,
			const char *key, const char *size_key, const char *what)
{
	uint64_t grain = 4u << t->board->pmp_granularity;
	if (r.start % grain == 0 && r.size % grain == 0) {
		return;
	}
	pwkgen_error_at(t, pos, r.start % grain != 0 ? key : size_key,
			"%s (0x%08" PRIx64 "..0x%08" PRIx64 ") must start and end on %" PRIu64
			"-byte boundaries for %s's PMP (TOR and NAPOT address words of "
			"G=%u): use a multiple of %" PRIu64,
			what, r.start, r.start + r.size, grain, t->board->name,
			t->board->pmp_granularity, grain);
}

static void check_mapping(struct pwkgen_target *t, const struct cfg_process *p,
			  const struct cfg_mapping *m)
{
	char what[200], devices[512];
	snprintf(what, sizeof(what), "mapping \"%s\" of process \"%s\"", m->name, p->name);
	struct pwkgen_range r = {m->start_address, m->size_bytes};
	check_grain(t, r, m->pos, "start_address", "size_bytes", what);
	const struct pwkgen_board *b = t->board;
	if (m->type == CFG_MAPPING_DEVICE && overlaps(r.start, r.size, b->ram_base, b->ram_size)) {
		pwkgen_board_devices(b, devices, sizeof(devices));
		pwkgen_error_at(t, m->pos, "start_address",
				"device %s (0x%08" PRIx64 "..0x%08" PRIx64 ") overlaps %s's "
				"memory (0x%08" PRIx64 "..0x%08" PRIx64 "): a device lies outside "
				"it (%s's devices: %s)",
				what, r.start, r.start + r.size, b->name, b->ram_base,
				b->ram_base + b->ram_size, b->name, devices);
	}
	const struct pwkgen_range *kernel[2] = {&t->kernel_flash, &t->kernel_ram};
	for (int i = 0; i < 2; i++) {
		if (overlaps(r.start, r.size, kernel[i]->start, kernel[i]->size)) {
			pwkgen_error_at(t, m->pos, "start_address",
					"%s (0x%08" PRIx64 "..0x%08" PRIx64 ") overlaps the "
					"kernel's %s (0x%08" PRIx64 "..0x%08" PRIx64 "): a process "
					"may not reach kernel memory; map something else",
					what, r.start, r.start + r.size, i == 0 ? "flash" : "RAM",
					kernel[i]->start, kernel[i]->start + kernel[i]->size);
		}
	}
}

static void check_regions(struct pwkgen_target *t)
{
	const struct cfg_system *sys = &t->sys;
	for (size_t p = 0; p < sys->process_count; p++) {
		const struct cfg_process *cp = &sys->processes[p];
		const struct cfg_app *app = &sys->apps[cp->app_index];
		char what[160];
		snprintf(what, sizeof(what), "the flash slice of process \"%s\"", cp->name);
		check_grain(t, t->process_flash[p], app->pos, "flash_size_bytes",
			    "flash_size_bytes", what);
		snprintf(what, sizeof(what), "the RAM of process \"%s\"", cp->name);
		check_grain(t, t->process_ram[p], cp->pos, "ram_size_bytes", "ram_size_bytes",
			    what);
		for (size_t m = 0; m < cp->mapping_count; m++) {
			check_mapping(t, cp, &cp->mappings[m]);
		}
	}
}

/* Running totals of what the kernel allocates, in system order. */
enum limit {
#define LIMIT_ENUM(name, what) LIMIT_##name,
	PWK_TARGET_LIMIT_LIST(LIMIT_ENUM)
#undef LIMIT_ENUM
	LIMIT_COUNT
};

static const struct {
	uint32_t max;
	const char *what;
} limits[LIMIT_COUNT] = {
#define LIMIT_ROW(name, what) {PWK_TARGET_##name##_MAX, what},
	PWK_TARGET_LIMIT_LIST(LIMIT_ROW)
#undef LIMIT_ROW
};

/* Counts one more of `l`; reports the first one past the limit. */
static void count(struct pwkgen_target *t, uint32_t *n, enum limit l, struct cfg_pos pos,
		  const char *name)
{
	if (++n[l] != limits[l].max + 1) {
		return;
	}
	pwkgen_error_at(t, pos, NULL,
			"\"%s\" exceeds the target kernel's %u %s "
			"(hal-veer/boards/board_memory.h): split the system or drop some",
			name, limits[l].max, limits[l].what);
}

static enum limit object_limit(const struct cfg_object *o)
{
	if (o->legacy_ticker) {
		return LIMIT_INTERRUPT_OBJECTS; /* it runs as an inert interrupt object */
	}
	switch (o->type) {
	case PWK_OBJECT_CHANNEL_INITIATOR:
	case PWK_OBJECT_CHANNEL_HANDLER:
		return LIMIT_CHANNEL_ENDS;
	case PWK_OBJECT_WAIT_GROUP:
		return LIMIT_WAIT_GROUPS;
	case PWK_OBJECT_INTERRUPT:
		return LIMIT_INTERRUPT_OBJECTS;
	case PWK_OBJECT_THREAD:
	case PWK_OBJECT_PROCESS:
		break;
	}
	return LIMIT_COUNT; /* no pool of its own */
}

static void check_limits(struct pwkgen_target *t)
{
	uint32_t n[LIMIT_COUNT] = {0};
	for (size_t p = 0; p < t->sys.process_count; p++) {
		const struct cfg_process *cp = &t->sys.processes[p];
		count(t, n, LIMIT_PROCESSES, cp->pos, cp->name);
		for (size_t o = 0; o < cp->object_count; o++) {
			const struct cfg_object *co = &cp->objects[o];
			struct cfg_pos pos = co->implicit ? cp->pos : co->pos;
			count(t, n, LIMIT_OBJECTS, pos, co->name);
			enum limit l = object_limit(co);
			if (l != LIMIT_COUNT) {
				count(t, n, l, pos, co->name);
			}
		}
		for (size_t i = 0; i < cp->thread_count; i++) {
			count(t, n, LIMIT_THREADS, cp->threads[i].pos, cp->threads[i].name);
		}
	}
}

static uint64_t kstack_size(const struct cfg_thread *th)
{
	uint64_t a = PWKGEN_KSTACK_ALIGN;
	return (th->kernel_stack_size_bytes + a - 1) / a * a;
}

static void check_kernel_stacks(struct pwkgen_target *t)
{
	uint64_t need = PWKGEN_KERNEL_BOOT_STACK;
	for (size_t p = 0; p < t->sys.process_count; p++) {
		const struct cfg_process *cp = &t->sys.processes[p];
		for (size_t i = 0; i < cp->thread_count; i++) {
			need += kstack_size(&cp->threads[i]);
		}
	}
	if (need <= t->kernel_ram.size) {
		return;
	}
	pwkgen_error_at(t, t->sys.kernel.pos, "ram_size_bytes",
			"the kernel's RAM (%" PRIu64 " bytes) cannot hold the threads' kernel "
			"stacks and the %u-byte boot stack (%" PRIu64 " bytes), let alone the "
			"kernel's data: grow ram_size_bytes or shrink kernel_stack_size_bytes",
			t->kernel_ram.size, PWKGEN_KERNEL_BOOT_STACK, need);
}

static bool check_arch(struct pwkgen_target *t)
{
	if (t->sys.arch == CFG_ARCH_NONE || t->sys.arch == CFG_ARCH_RISCV) {
		return true;
	}
	const struct json5_value *arch = json5_get(&t->doc.root, "arch");
	struct cfg_pos pos =
		arch != NULL ? (struct cfg_pos){arch->line, arch->col} : (struct cfg_pos){0, 0};
	pwkgen_error_at(t, pos, "type",
			"arch \"%s\" cannot run on %s, a RISC-V board: use arch { type: "
			"\"riscv\" }",
			cfg_arch_name(t->sys.arch), t->board->name);
	return false;
}

bool pwkgen_fit_check(struct pwkgen_target *t)
{
	int errors = t->d.errors;
	if (!check_arch(t)) {
		return false;
	}
	check_memory(t);
	check_regions(t);
	check_limits(t);
	check_kernel_stacks(t);
	return t->d.errors == errors;
}
