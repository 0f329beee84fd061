/* SPDX-License-Identifier: Apache-2.0 */
/*
 * fake_system.c — the system-description builder of fake_system.h. Aborts
 * on misuse (more declarations than its tables hold): that is a test bug.
 */
#include "fake_system.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FB_PROCESSES 16
#define FB_OBJECTS   32 /* per process, plus its own process object */
#define FB_REGIONS   8  /* per process */
#define FB_THREADS   64

struct fb_object {
	pwk_object_type_t type;
	uint32_t link;        /* thread / process index, or peer's process */
	uint32_t link_handle; /* peer's handle in link (channels) */
	const uint32_t *irqs;
	uint32_t irq_count;
};

struct fb_process {
	const char *name;
	struct fb_object objects[FB_OBJECTS];
	uint32_t object_count;
	struct pwk_region_desc regions[FB_REGIONS];
	uint32_t region_count;
	uint32_t index_in_app;
	uintptr_t start_arg1;
};

static struct {
	struct fb_process procs[FB_PROCESSES];
	uint32_t proc_count;
	struct pwk_thread_desc threads[FB_THREADS];
	uint32_t thread_count;
	struct pwk_process_desc out_procs[FB_PROCESSES];
	struct pwk_object_desc out_objects[FB_PROCESSES * (FB_OBJECTS + 1)];
	struct pwk_region_desc out_regions[FB_PROCESSES * FB_REGIONS];
	uint32_t options;
	struct pwk_system_desc desc;
} fb;

static void need(bool ok, const char *what)
{
	if (!ok) {
		fprintf(stderr, "fake_system: %s\n", what);
		abort();
	}
}

void fake_system_reset(void)
{
	memset(&fb, 0, sizeof(fb));
}

void fake_options(uint32_t options)
{
	fb.options = options;
}

static struct fb_process *proc(uint32_t process)
{
	need(process < fb.proc_count, "no such process");
	return &fb.procs[process];
}

uint32_t fake_process(const char *name)
{
	need(fb.proc_count < FB_PROCESSES, "too many processes");
	fb.procs[fb.proc_count].name = name;
	return fb.proc_count++;
}

void fake_process_args(uint32_t process, uint32_t index_in_app, uintptr_t start_arg1)
{
	proc(process)->index_in_app = index_in_app;
	proc(process)->start_arg1 = start_arg1;
}

void fake_region(uint32_t process, void *mem, size_t size, uint32_t access)
{
	struct fb_process *p = proc(process);
	need(p->region_count < FB_REGIONS, "too many regions");
	p->regions[p->region_count++] = (struct pwk_region_desc){
		.start = (uintptr_t)mem,
		.size = size,
		.access = access,
	};
}

static uint32_t add_thread(uint32_t process, const char *name, uint32_t priority, bool start,
			   fake_entry_fn fn)
{
	proc(process);
	need(fb.thread_count < FB_THREADS, "too many threads");
	fb.threads[fb.thread_count] = (struct pwk_thread_desc){
		.name = name,
		.process = process,
		.priority = priority,
		.kernel_stack_size = 2048,
		.start_with_process = start,
		.entry = (uintptr_t)fn,
		.stack_top = 0,
	};
	return fb.thread_count++;
}

uint32_t fake_thread(uint32_t process, const char *name, uint32_t priority, fake_entry_fn fn)
{
	return add_thread(process, name, priority, true, fn);
}

uint32_t fake_thread_stopped(uint32_t process, const char *name, uint32_t priority)
{
	return add_thread(process, name, priority, false, NULL);
}

static uint32_t add_object(uint32_t process, struct fb_object object)
{
	struct fb_process *p = proc(process);
	need(p->object_count < FB_OBJECTS, "too many objects");
	p->objects[p->object_count] = object;
	return p->object_count++;
}

uint32_t fake_thread_object(uint32_t process, uint32_t thread)
{
	need(thread < fb.thread_count, "no such thread");
	return add_object(process, (struct fb_object){.type = PWK_OBJECT_THREAD, .link = thread});
}

uint32_t fake_wait_group(uint32_t process)
{
	return add_object(process,
			  (struct fb_object){.type = PWK_OBJECT_WAIT_GROUP, .link = PWK_NONE});
}

uint32_t fake_interrupt(uint32_t process, const uint32_t *irqs, uint32_t irq_count)
{
	return add_object(process, (struct fb_object){.type = PWK_OBJECT_INTERRUPT,
						      .link = PWK_NONE,
						      .irqs = irqs,
						      .irq_count = irq_count});
}

uint32_t fake_process_object(uint32_t process, uint32_t linked_process)
{
	proc(linked_process);
	return add_object(process,
			  (struct fb_object){.type = PWK_OBJECT_PROCESS, .link = linked_process});
}

uint32_t fake_unpaired_handler(uint32_t process)
{
	return add_object(process,
			  (struct fb_object){.type = PWK_OBJECT_CHANNEL_HANDLER, .link = PWK_NONE});
}

void fake_channel(uint32_t init_process, uint32_t *init_handle, uint32_t handler_process,
		  uint32_t *handler_handle)
{
	uint32_t next_init = proc(init_process)->object_count;
	uint32_t next_handler = proc(handler_process)->object_count;
	if (init_process == handler_process) {
		next_handler++; /* the initiator takes the first slot */
	}
	*init_handle = add_object(init_process, (struct fb_object){
							.type = PWK_OBJECT_CHANNEL_INITIATOR,
							.link = handler_process,
							.link_handle = next_handler,
						});
	*handler_handle = add_object(handler_process, (struct fb_object){
							      .type = PWK_OBJECT_CHANNEL_HANDLER,
							      .link = init_process,
							      .link_handle = next_init,
						      });
	need(*init_handle == next_init && *handler_handle == next_handler, "channel layout");
}

uint32_t fake_own_process_handle(uint32_t process)
{
	return proc(process)->object_count;
}

/* First global object index of each process, in layout order. */
static uint32_t first_object(uint32_t process)
{
	uint32_t first = 0;
	for (uint32_t p = 0; p < process; p++) {
		first += fb.procs[p].object_count + 1;
	}
	return first;
}

uint32_t fake_object_index(uint32_t process, uint32_t handle)
{
	need(handle <= proc(process)->object_count, "no such handle");
	return first_object(process) + handle;
}

static struct pwk_object_desc layout_object(const struct fb_object *o)
{
	struct pwk_object_desc d = {
		.type = o->type,
		.name = "object",
		.link = o->link,
		.irq_count = o->irq_count,
		.irqs = o->irqs,
	};
	if (o->type == PWK_OBJECT_CHANNEL_INITIATOR || o->type == PWK_OBJECT_CHANNEL_HANDLER) {
		d.link = o->link == PWK_NONE ? PWK_NONE : first_object(o->link) + o->link_handle;
	}
	return d;
}

const struct pwk_system_desc *fake_system(void)
{
	uint32_t objects = 0;
	uint32_t regions = 0;
	for (uint32_t p = 0; p < fb.proc_count; p++) {
		const struct fb_process *src = &fb.procs[p];
		fb.out_procs[p] = (struct pwk_process_desc){
			.name = src->name,
			.first_object = objects,
			.object_count = src->object_count + 1,
			.first_region = regions,
			.region_count = src->region_count,
			.index_in_app = src->index_in_app,
			.start_arg1 = src->start_arg1,
		};
		for (uint32_t k = 0; k < src->object_count; k++) {
			fb.out_objects[objects++] = layout_object(&src->objects[k]);
		}
		fb.out_objects[objects++] = (struct pwk_object_desc){
			.type = PWK_OBJECT_PROCESS, .name = "process", .link = p};
		for (uint32_t r = 0; r < src->region_count; r++) {
			fb.out_regions[regions++] = src->regions[r];
		}
	}
	fb.desc = (struct pwk_system_desc){
		.processes = fb.out_procs,
		.process_count = fb.proc_count,
		.objects = fb.out_objects,
		.object_count = objects,
		.threads = fb.threads,
		.thread_count = fb.thread_count,
		.regions = fb.out_regions,
		.region_count = regions,
		.options = fb.options,
	};
	return &fb.desc;
}
