/* SPDX-License-Identifier: Apache-2.0 */
/*
 * system_desc.c — cfg_system + placement -> pwk_system_desc (see
 * system_desc.h for the rules). One function per table.
 */
#include "system_desc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Size of a legacy `threads:` user stack written without stack_size_bytes. */
#define LEGACY_STACK_DEFAULT 1024u

uint32_t cfg_mapping_access(cfg_mapping_type_t type)
{
	switch (type) {
	case CFG_MAPPING_DEVICE:
	case CFG_MAPPING_READ_WRITE_DATA:
		return PWK_ACCESS_R | PWK_ACCESS_W;
	case CFG_MAPPING_READ_ONLY_EXECUTABLE:
		return PWK_ACCESS_R | PWK_ACCESS_X;
	}
	return 0;
}

/* A process whose main thread is a thread object (the 2026 schema) runs
 * it on the RAM left above the image's data and bss, from the RAM's top
 * down: nothing else separates the two, so too little of it would let the
 * stack grow into .bss silently. Legacy `threads:` stacks are each checked
 * by thread_stacks(). */
static bool main_stack_fits(const struct cfg_process *p, const struct cfg_process_placement *pl,
			    uintptr_t top, char *err, size_t err_cap)
{
	bool has_main_object = false;
	for (size_t t = 0; t < p->thread_count; t++) {
		has_main_object |= p->threads[t].object_index != PWK_NONE && p->threads[t].main;
	}
	uintptr_t left = top - (pl->ram_start + pl->ram_used);
	if (!has_main_object || left >= CFG_MAIN_STACK_MIN_BYTES) {
		return true;
	}
	snprintf(err, err_cap,
		 "process '%s': its image's data and bss take %lu of its %lu bytes of RAM, "
		 "leaving %lu for the main thread's stack (at least %u needed): raise "
		 "ram_size_bytes in system.json5",
		 p->name, (unsigned long)pl->ram_used, (unsigned long)pl->ram_size,
		 (unsigned long)left, CFG_MAIN_STACK_MIN_BYTES);
	return false;
}

/* Legacy `threads:` entries all start with the process; their user stacks
 * are carved from the top of RAM downwards, one stack_size_bytes each. */
static bool thread_stacks(const struct cfg_process *p, const struct cfg_process_placement *pl,
			  struct pwk_thread_desc *out, char *err, size_t err_cap)
{
	uintptr_t top = pl->ram_start + pl->ram_size;
	uintptr_t floor = pl->ram_start + pl->ram_used;
	for (size_t t = 0; t < p->thread_count; t++) {
		const struct cfg_thread *ct = &p->threads[t];
		struct pwk_thread_desc *td = &out[t];
		td->entry = pl->entry;
		td->stack_top = top;
		if (ct->object_index != PWK_NONE) {
			continue; /* thread objects: only the main one starts, at RAM top */
		}
		uint64_t size = ct->stack_size_bytes ? ct->stack_size_bytes : LEGACY_STACK_DEFAULT;
		if (top - floor < size) {
			snprintf(err, err_cap,
				 "process '%s': thread '%s' needs a %llu-byte stack but only %lu "
				 "bytes of RAM are left above the image's data",
				 p->name, ct->name, (unsigned long long)size,
				 (unsigned long)(top - floor));
			return false;
		}
		top -= (uintptr_t)size;
	}
	return main_stack_fits(p, pl, top, err, err_cap);
}

static uint32_t object_link(const uint32_t *first_object, const uint32_t *first_thread, uint32_t p,
			    const struct cfg_object *o)
{
	switch (o->type) {
	case PWK_OBJECT_CHANNEL_INITIATOR:
		return first_object[o->handler_process_index] + o->handler_object_index;
	case PWK_OBJECT_CHANNEL_HANDLER:
		return o->initiator_process_index == PWK_NONE
			       ? PWK_NONE
			       : first_object[o->initiator_process_index] +
					 o->initiator_object_index;
	case PWK_OBJECT_THREAD:
		return first_thread[p] + o->thread_index;
	case PWK_OBJECT_PROCESS:
		return o->linked_process_index;
	case PWK_OBJECT_WAIT_GROUP:
	case PWK_OBJECT_INTERRUPT:
		break;
	}
	return PWK_NONE;
}

static uint32_t region_count(const struct cfg_process *p, const struct cfg_placement *place)
{
	return 2u + (place->mappings_as_regions ? (uint32_t)p->mapping_count : 0u);
}

/* Counts every table and allocates it (one spare element each, so an empty
 * table is still a valid pointer). first_object/first_thread get one entry
 * per process. */
static bool allocate(struct cfg_system_desc *out, const struct cfg_system *sys,
		     const struct cfg_placement *place, uint32_t *first_object,
		     uint32_t *first_thread)
{
	size_t no = 0, nt = 0, nr = 0, ni = 0;
	for (size_t p = 0; p < sys->process_count; p++) {
		const struct cfg_process *cp = &sys->processes[p];
		first_object[p] = (uint32_t)no;
		first_thread[p] = (uint32_t)nt;
		no += cp->object_count;
		nt += cp->thread_count;
		nr += region_count(cp, place);
		for (size_t o = 0; o < cp->object_count; o++) {
			ni += cp->objects[o].irq_count;
		}
	}
	out->processes = calloc(sys->process_count + 1, sizeof(*out->processes));
	out->objects = calloc(no + 1, sizeof(*out->objects));
	out->threads = calloc(nt + 1, sizeof(*out->threads));
	out->regions = calloc(nr + 1, sizeof(*out->regions));
	out->irqs = calloc(ni + 1, sizeof(*out->irqs));
	out->desc = (struct pwk_system_desc){
		.processes = out->processes,
		.process_count = (uint32_t)sys->process_count,
		.objects = out->objects,
		.object_count = (uint32_t)no,
		.threads = out->threads,
		.thread_count = (uint32_t)nt,
		.regions = out->regions,
		.region_count = (uint32_t)nr,
	};
	return out->processes && out->objects && out->threads && out->regions && out->irqs;
}

/* Writes the regions of one process at `r`; returns how many. */
static uint32_t fill_regions(struct pwk_region_desc *r, const struct cfg_process *cp,
			     const struct cfg_process_placement *pl,
			     const struct cfg_placement *place)
{
	uint32_t n = 0;
	r[n++] = (struct pwk_region_desc){pl->flash_start, pl->flash_size,
					  PWK_ACCESS_R | PWK_ACCESS_X};
	r[n++] = (struct pwk_region_desc){pl->ram_start, pl->ram_size, PWK_ACCESS_R | PWK_ACCESS_W};
	for (size_t m = 0; place->mappings_as_regions && m < cp->mapping_count; m++) {
		const struct cfg_mapping *cm = &cp->mappings[m];
		r[n++] = (struct pwk_region_desc){(uintptr_t)cm->start_address,
						  (uintptr_t)cm->size_bytes,
						  cfg_mapping_access(cm->type)};
	}
	return n;
}

/* Writes process p's objects; `irq_next` is the next free irqs slot. */
static void fill_objects(struct cfg_system_desc *out, const struct cfg_process *cp, uint32_t p,
			 const uint32_t *first_object, const uint32_t *first_thread,
			 size_t *irq_next)
{
	for (size_t o = 0; o < cp->object_count; o++) {
		const struct cfg_object *co = &cp->objects[o];
		struct pwk_object_desc *od = &out->objects[first_object[p] + o];
		/* A 2025 `ticker` has no pwk counterpart: it runs as an inert
		 * object (an interrupt object with no lines, never signalled),
		 * so its handle still exists. */
		od->type = co->legacy_ticker ? PWK_OBJECT_INTERRUPT : co->type;
		od->name = co->name;
		od->link = object_link(first_object, first_thread, p, co);
		od->irq_count = (uint32_t)co->irq_count;
		od->irqs = &out->irqs[*irq_next];
		for (size_t k = 0; k < co->irq_count; k++) {
			out->irqs[(*irq_next)++] = co->irqs[k].number;
		}
	}
}

static void fill_threads(struct pwk_thread_desc *td, const struct cfg_process *cp, uint32_t p)
{
	for (size_t t = 0; t < cp->thread_count; t++) {
		const struct cfg_thread *ct = &cp->threads[t];
		td[t] = (struct pwk_thread_desc){
			.name = ct->name,
			.process = p,
			.priority = ct->priority,
			.kernel_stack_size = (uint32_t)ct->kernel_stack_size_bytes,
			.start_with_process = ct->main || ct->object_index == PWK_NONE,
		};
	}
}

bool cfg_system_desc_build(struct cfg_system_desc *out, const struct cfg_system *sys,
			   const struct cfg_placement *place, char *err, size_t err_cap)
{
	memset(out, 0, sizeof(*out));
	size_t np = sys->process_count;
	uint32_t *first_object = calloc(np + 1, sizeof(uint32_t));
	uint32_t *first_thread = calloc(np + 1, sizeof(uint32_t));
	bool ok = first_object && first_thread &&
		  allocate(out, sys, place, first_object, first_thread);
	if (!ok) {
		snprintf(err, err_cap, "out of memory");
	}
	size_t irq_next = 0;
	uint32_t region_next = 0;
	for (uint32_t p = 0; ok && p < np; p++) {
		const struct cfg_process *cp = &sys->processes[p];
		const struct cfg_process_placement *pl = &place->processes[p];
		uint32_t regions = fill_regions(&out->regions[region_next], cp, pl, place);
		out->processes[p] = (struct pwk_process_desc){
			.name = cp->name,
			.first_object = first_object[p],
			.object_count = (uint32_t)cp->object_count,
			.first_region = region_next,
			.region_count = regions,
			.index_in_app = cp->index_in_app,
			.start_arg1 = pl->start_arg1,
		};
		region_next += regions;
		fill_objects(out, cp, p, first_object, first_thread, &irq_next);
		fill_threads(&out->threads[first_thread[p]], cp, p);
		ok = thread_stacks(cp, pl, &out->threads[first_thread[p]], err, err_cap);
	}
	free(first_object);
	free(first_thread);
	return ok;
}

void cfg_system_desc_free(struct cfg_system_desc *d)
{
	free(d->processes);
	free(d->objects);
	free(d->threads);
	free(d->regions);
	free(d->irqs);
	memset(d, 0, sizeof(*d));
}
