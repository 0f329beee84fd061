/* SPDX-License-Identifier: Apache-2.0 */
/*
 * system_print.c — the normalized system as `pwsim check` shows it. One
 * line per fact, fixed order, addresses in hex with sizes in decimal, so
 * two checks of equal systems are byte-identical and easy to diff.
 */
#include "system_config.h"

#include <inttypes.h>

static void print_range(FILE *out, uint64_t start, uint64_t size)
{
	fprintf(out, "0x%08" PRIx64 "..0x%08" PRIx64 " (%" PRIu64 " bytes)", start, start + size,
		size);
}

static void print_kernel(FILE *out, const struct cfg_kernel *k)
{
	fputs(k->present ? "kernel: flash " : "kernel: none given; host default flash ", out);
	print_range(out, k->flash_start_address, k->flash_size_bytes);
	fputs(", ram ", out);
	print_range(out, k->ram_start_address, k->ram_size_bytes);
	fputc('\n', out);
	for (size_t i = 0; i < k->irq_count; i++) {
		fprintf(out, "  interrupt_table: irq %" PRIu32 " -> %s\n", k->irqs[i].number,
			k->irqs[i].handler);
	}
}

static void print_object_links(FILE *out, const struct cfg_system *sys, const struct cfg_object *o)
{
	switch (o->type) {
	case PWK_OBJECT_CHANNEL_INITIATOR:
		fprintf(out, " -> %s:%s", o->handler_process, o->handler_object_name);
		break;
	case PWK_OBJECT_CHANNEL_HANDLER:
		if (o->initiator_process_index == PWK_NONE) {
			fputs(" (no initiator)", out);
		} else {
			const struct cfg_process *ip = &sys->processes[o->initiator_process_index];
			fprintf(out, " <- %s:%s", ip->name,
				ip->objects[o->initiator_object_index].name);
		}
		break;
	case PWK_OBJECT_INTERRUPT:
		for (size_t i = 0; i < o->irq_count; i++) {
			fprintf(out, "%s%s=irq %" PRIu32 " (INTERRUPT_%c)", i ? ", " : " ",
				o->irqs[i].name, o->irqs[i].number, (char)('A' + i));
		}
		break;
	case PWK_OBJECT_PROCESS:
		fprintf(out, " -> %s%s", sys->processes[o->linked_process_index].name,
			o->implicit ? " (implicit: this process)" : "");
		break;
	case PWK_OBJECT_WAIT_GROUP:
	case PWK_OBJECT_THREAD:
		break;
	}
	if (o->legacy_ticker) {
		fputs(" (2025 object; not implemented by pwk)", out);
	}
}

static void print_threads(FILE *out, const struct cfg_process *p)
{
	fputs("    threads:\n", out);
	for (size_t i = 0; i < p->thread_count; i++) {
		const struct cfg_thread *t = &p->threads[i];
		fprintf(out, "      %s: %s, priority %" PRIu32 ", kernel stack %" PRIu64 " bytes",
			t->name,
			!t->main         ? "started by thread_start"
			: t->from_object ? "main thread"
					 : "starts with the process",
			t->priority, t->kernel_stack_size_bytes);
		if (t->stack_size_bytes != 0) {
			fprintf(out, ", stack %" PRIu64 " bytes", t->stack_size_bytes);
		}
		if (t->object_index != PWK_NONE) {
			fprintf(out, ", handle %" PRIu32, t->object_index);
		}
		fputc('\n', out);
	}
}

static void print_process(FILE *out, const struct cfg_system *sys, const struct cfg_process *p)
{
	fprintf(out, "  process \"%s\" (index %" PRIu32 " in app): ram ", p->name, p->index_in_app);
	print_range(out, p->ram_start_address, p->ram_size_bytes);
	fputs("\n    objects:\n", out);
	for (size_t i = 0; i < p->object_count; i++) {
		const struct cfg_object *o = &p->objects[i];
		fprintf(out, "      [%zu] %s  %s", i, o->name, cfg_object_type_name(o));
		print_object_links(out, sys, o);
		fputc('\n', out);
	}
	print_threads(out, p);
	if (p->mapping_count > 0) {
		fputs("    mappings:\n", out);
	}
	for (size_t i = 0; i < p->mapping_count; i++) {
		const struct cfg_mapping *m = &p->mappings[i];
		fprintf(out, "      %s: %s ", m->name, cfg_mapping_type_name(m->type));
		print_range(out, m->start_address, m->size_bytes);
		fputc('\n', out);
	}
}

static void print_app(FILE *out, const struct cfg_system *sys, const struct cfg_app *a)
{
	fprintf(out, "app \"%s\": flash ", a->name);
	print_range(out, a->flash_start_address, a->flash_size_bytes);
	fputs(", ram ", out);
	print_range(out, a->ram_start_address, a->ram_size_bytes);
	fputc('\n', out);
	for (size_t i = 0; i < a->constant_count; i++) {
		const struct cfg_constant *c = &a->constants[i];
		fprintf(out, "  constant %s: %s = ", c->name, c->type);
		if (c->type[0] == 's' || c->type[0] == 'c') { /* string, char */
			fputc('"', out);
			fwrite(c->value, 1, c->value_len, out);
			fputs("\"\n", out);
		} else {
			fprintf(out, "%s\n", c->value);
		}
	}
	for (uint32_t i = 0; i < a->process_count; i++) {
		print_process(out, sys, &sys->processes[a->first_process + i]);
	}
}

void cfg_system_print(FILE *out, const struct cfg_system *sys)
{
	fprintf(out, "system: %s\n", sys->path);
	fprintf(out, "schema: %s\n", cfg_schema_name(sys->schema));
	fprintf(out, "arch: %s\n", cfg_arch_name(sys->arch));
	print_kernel(out, &sys->kernel);
	fprintf(out, "apps: %zu, processes: %zu\n", sys->app_count, sys->process_count);
	for (size_t i = 0; i < sys->app_count; i++) {
		print_app(out, sys, &sys->apps[i]);
	}
}
