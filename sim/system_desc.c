/*
 * system_desc.c — cfg_system + regions + images -> pwk_system_desc.
 *
 * Global object index = the process's first object + handle. Threads are
 * numbered process by process in declaration order. Each process has two
 * regions: flash (r-x: code and constants) and RAM (rw-: data, bss, stacks).
 * Device memory_mappings have no host counterpart and are left out.
 */
#include "system_desc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Legacy `threads:` entries all start with the process; their user stacks
 * are carved from the top of RAM downwards, one stack_size_bytes each. */
static bool thread_stacks(const struct cfg_process *p, const struct host_region_info *r,
			  const struct host_image_info *img, struct pwk_thread_desc *out, char *err,
			  size_t err_cap)
{
	uintptr_t top = r->ram_start + r->ram_size;
	uintptr_t floor = r->ram_start + img->ram_used;
	for (size_t t = 0; t < p->thread_count; t++) {
		const struct cfg_thread *ct = &p->threads[t];
		struct pwk_thread_desc *td = &out[t];
		td->entry = img->entry;
		td->stack_top = top;
		if (ct->object_index != PWK_NONE) {
			continue; /* thread objects: only the main one starts, at RAM top */
		}
		uint64_t size = ct->stack_size_bytes ? ct->stack_size_bytes : 1024;
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
	return true;
}

static uint32_t object_link(const struct cfg_system *sys, const uint32_t *first_object,
			    const uint32_t *first_thread, uint32_t p, const struct cfg_object *o)
{
	(void)sys;
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

bool sim_system_desc_build(struct sim_system_desc *out, const struct cfg_system *sys,
			   const struct host_region_info *regions,
			   const struct host_image_info *images, char *err, size_t err_cap)
{
	memset(out, 0, sizeof(*out));
	size_t np = sys->process_count, no = 0, nt = 0, ni = 0;
	uint32_t *first_object = calloc(np + 1, sizeof(uint32_t));
	uint32_t *first_thread = calloc(np + 1, sizeof(uint32_t));
	for (size_t p = 0; p < np; p++) {
		first_object[p] = (uint32_t)no;
		first_thread[p] = (uint32_t)nt;
		no += sys->processes[p].object_count;
		nt += sys->processes[p].thread_count;
		for (size_t o = 0; o < sys->processes[p].object_count; o++) {
			ni += sys->processes[p].objects[o].irq_count;
		}
	}
	out->processes = calloc(np + 1, sizeof(*out->processes));
	out->objects = calloc(no + 1, sizeof(*out->objects));
	out->threads = calloc(nt + 1, sizeof(*out->threads));
	out->regions = calloc(2 * np + 1, sizeof(*out->regions));
	out->irqs = calloc(ni + 1, sizeof(*out->irqs));
	bool ok = true;
	size_t irq_next = 0;
	for (uint32_t p = 0; ok && p < np; p++) {
		const struct cfg_process *cp = &sys->processes[p];
		out->processes[p] = (struct pwk_process_desc){
			.name = cp->name,
			.first_object = first_object[p],
			.object_count = (uint32_t)cp->object_count,
			.first_region = 2 * p,
			.region_count = 2,
			.index_in_app = cp->index_in_app,
			.start_arg1 = host_process_start_arg(p),
		};
		out->regions[2 * p] = (struct pwk_region_desc){
			regions[p].flash_start, regions[p].flash_size, PWK_ACCESS_R | PWK_ACCESS_X};
		out->regions[2 * p + 1] = (struct pwk_region_desc){
			regions[p].ram_start, regions[p].ram_size, PWK_ACCESS_R | PWK_ACCESS_W};
		for (size_t o = 0; o < cp->object_count; o++) {
			const struct cfg_object *co = &cp->objects[o];
			struct pwk_object_desc *od = &out->objects[first_object[p] + o];
			/* A 2025 `ticker` has no pwk counterpart: it runs as an
			 * inert object (an interrupt object with no lines, never
			 * signalled), so its handle still exists. */
			od->type = co->legacy_ticker ? PWK_OBJECT_INTERRUPT : co->type;
			od->name = co->name;
			od->link = object_link(sys, first_object, first_thread, p, co);
			od->irq_count = (uint32_t)co->irq_count;
			od->irqs = &out->irqs[irq_next];
			for (size_t k = 0; k < co->irq_count; k++) {
				out->irqs[irq_next++] = co->irqs[k].number;
			}
		}
		struct pwk_thread_desc *td = &out->threads[first_thread[p]];
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
		ok = thread_stacks(cp, &regions[p], &images[p], td, err, err_cap);
	}
	out->desc = (struct pwk_system_desc){
		.processes = out->processes,
		.process_count = (uint32_t)np,
		.objects = out->objects,
		.object_count = (uint32_t)no,
		.threads = out->threads,
		.thread_count = (uint32_t)nt,
		.regions = out->regions,
		.region_count = (uint32_t)(2 * np),
	};
	free(first_object);
	free(first_thread);
	return ok;
}

void sim_system_desc_free(struct sim_system_desc *d)
{
	free(d->processes);
	free(d->objects);
	free(d->threads);
	free(d->regions);
	free(d->irqs);
	memset(d, 0, sizeof(*d));
}
