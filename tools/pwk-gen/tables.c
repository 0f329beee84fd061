/* SPDX-License-Identifier: Apache-2.0 */
/*
 * tables.c — prints the target's pwk_system_desc (built by the translation
 * pwsim uses, config/system_desc.c) as constant C data, then one kernel
 * stack per thread, veer_thread_stacks and veer_process_pmp, and the
 * compile-time checks that tie the counts to the kernel build's limits.
 * Everything printed comes from the system and the board (no host
 * addresses, no time), so the output is the same on every run.
 */
#include "tables.h"

#include <inttypes.h>
#include <string.h>

#include "board_memory.h"
#include "c_literal.h"

static const char *object_type_macro(pwk_object_type_t type)
{
	switch (type) {
#define TYPE_MACRO(name, value, json)                                                              \
	case PWK_OBJECT_##name:                                                                    \
		return "PWK_OBJECT_" #name;
		PWK_OBJECT_TYPE_LIST(TYPE_MACRO)
#undef TYPE_MACRO
	}
	return "0";
}

static const char *access_macro(uint32_t access)
{
	switch (access) {
	case PWK_ACCESS_R | PWK_ACCESS_X:
		return "PWK_ACCESS_R | PWK_ACCESS_X";
	case PWK_ACCESS_R | PWK_ACCESS_W:
		return "PWK_ACCESS_R | PWK_ACCESS_W";
	case PWK_ACCESS_R:
		return "PWK_ACCESS_R";
	}
	return "0";
}

static void write_string(FILE *out, const char *s)
{
	pwkgen_write_c_string(out, s, strlen(s));
}

/* Objects of the pools the kernel sizes by PWK_CHANNEL_ENDS_MAX etc. */
static uint32_t count_types(const struct pwk_system_desc *d, pwk_object_type_t a,
			    pwk_object_type_t b)
{
	uint32_t n = 0;
	for (uint32_t i = 0; i < d->object_count; i++) {
		n += d->objects[i].type == a || d->objects[i].type == b;
	}
	return n;
}

static void write_limits(FILE *out, const struct pwk_system_desc *d)
{
	fputs("\n/* The kernel is built with the target limits pwk-gen checked this system\n"
	      " * against (hal-veer/boards/board_memory.h), and they hold it. */\n",
	      out);
#define LIMIT_ASSERT(name, what)                                                                   \
	fprintf(out,                                                                               \
		"_Static_assert(PWK_" #name "_MAX == %uu, \"build the kernel with "                \
		"-DPWK_" #name "_MAX=%u\");\n",                                                    \
		PWK_TARGET_##name##_MAX, PWK_TARGET_##name##_MAX);
	PWK_TARGET_LIMIT_LIST(LIMIT_ASSERT)
#undef LIMIT_ASSERT
	const struct {
		const char *limit;
		uint32_t count;
	} counts[] = {
		{"PWK_PROCESSES_MAX", d->process_count},
		{"PWK_OBJECTS_MAX", d->object_count},
		{"PWK_THREADS_MAX", d->thread_count},
		{"PWK_REGIONS_MAX", d->region_count},
		{"PWK_CHANNEL_ENDS_MAX",
		 count_types(d, PWK_OBJECT_CHANNEL_INITIATOR, PWK_OBJECT_CHANNEL_HANDLER)},
		{"PWK_WAIT_GROUPS_MAX",
		 count_types(d, PWK_OBJECT_WAIT_GROUP, PWK_OBJECT_WAIT_GROUP)},
		{"PWK_INTERRUPT_OBJECTS_MAX",
		 count_types(d, PWK_OBJECT_INTERRUPT, PWK_OBJECT_INTERRUPT)},
	};
	for (size_t i = 0; i < sizeof(counts) / sizeof(counts[0]); i++) {
		fprintf(out, "_Static_assert(%uu <= %s, \"this system needs %u\");\n",
			counts[i].count, counts[i].limit, counts[i].count);
	}
	fprintf(out, "_Static_assert(VEER_PMP_ENTRIES == %uu, \"PMP images have %u entries\");\n",
		PWKGEN_PMP_CAPACITY, PWKGEN_PMP_CAPACITY);
}

static void write_irqs(FILE *out, const struct pwk_system_desc *d)
{
	bool any = false;
	for (uint32_t i = 0; i < d->object_count; i++) {
		const struct pwk_object_desc *o = &d->objects[i];
		for (uint32_t k = 0; k < o->irq_count; k++) {
			fprintf(out, "%s%uu", any ? ", " : "\nstatic const uint32_t irqs[] = {",
				o->irqs[k]);
			any = true;
		}
	}
	if (any) {
		fputs("};\n", out);
	}
}

static void write_regions(FILE *out, const struct pwkgen_target *t)
{
	const struct pwk_system_desc *d = &t->desc.desc;
	fputs("\n/* Per process: flash (its slice), RAM, then memory_mappings. */\n"
	      "static const struct pwk_region_desc regions[] = {\n",
	      out);
	for (uint32_t p = 0; p < d->process_count; p++) {
		const struct pwk_process_desc *pd = &d->processes[p];
		fprintf(out, "\t/* %s */\n", pd->name);
		for (uint32_t r = pd->first_region; r < pd->first_region + pd->region_count; r++) {
			fprintf(out, "\t{0x%08" PRIxPTR "u, 0x%" PRIxPTR "u, %s},\n",
				d->regions[r].start, d->regions[r].size,
				access_macro(d->regions[r].access));
		}
	}
	fputs("};\n", out);
}

static void write_objects(FILE *out, const struct pwk_system_desc *d)
{
	uint32_t irq = 0;
	fputs("\n/* Global index = the process's first_object + handle. */\n"
	      "static const struct pwk_object_desc objects[] = {\n",
	      out);
	for (uint32_t i = 0; i < d->object_count; i++) {
		const struct pwk_object_desc *o = &d->objects[i];
		fprintf(out, "\t{.type = %s, .name = ", object_type_macro(o->type));
		write_string(out, o->name);
		if (o->link == PWK_NONE) {
			fputs(", .link = PWK_NONE", out);
		} else {
			fprintf(out, ", .link = %uu", o->link);
		}
		if (o->irq_count > 0) {
			fprintf(out, ", .irq_count = %uu, .irqs = &irqs[%u]", o->irq_count, irq);
			irq += o->irq_count;
		}
		fputs("},\n", out);
	}
	fputs("};\n", out);
}

static void write_threads(FILE *out, const struct pwk_system_desc *d)
{
	fputs("\nstatic const struct pwk_thread_desc threads[] = {\n", out);
	for (uint32_t i = 0; i < d->thread_count; i++) {
		const struct pwk_thread_desc *th = &d->threads[i];
		fputs("\t{.name = ", out);
		write_string(out, th->name);
		fprintf(out,
			", .process = %uu, .priority = %uu, .kernel_stack_size = %uu, "
			".start_with_process = %s, .entry = 0x%08" PRIxPTR
			"u, .stack_top = 0x%08" PRIxPTR "u},\n",
			th->process, th->priority, th->kernel_stack_size,
			th->start_with_process ? "true" : "false", th->entry, th->stack_top);
	}
	fputs("};\n", out);
}

static void write_processes(FILE *out, const struct pwk_system_desc *d)
{
	fputs("\nstatic const struct pwk_process_desc processes[] = {\n", out);
	for (uint32_t p = 0; p < d->process_count; p++) {
		const struct pwk_process_desc *pd = &d->processes[p];
		fputs("\t{.name = ", out);
		write_string(out, pd->name);
		fprintf(out,
			", .first_object = %uu, .object_count = %uu, .first_region = %uu, "
			".region_count = %uu, .index_in_app = %uu, .start_arg1 = 0x%" PRIxPTR
			"u},\n",
			pd->first_object, pd->object_count, pd->first_region, pd->region_count,
			pd->index_in_app, pd->start_arg1);
	}
	fputs("};\n", out);
	fprintf(out,
		"\nconst struct pwk_system_desc pwk_system = {\n"
		"\t.processes = processes,\n\t.process_count = %uu,\n"
		"\t.objects = objects,\n\t.object_count = %uu,\n"
		"\t.threads = threads,\n\t.thread_count = %uu,\n"
		"\t.regions = regions,\n\t.region_count = %uu,\n};\n",
		d->process_count, d->object_count, d->thread_count, d->region_count);
}

static uint32_t kstack_size(uint32_t declared)
{
	return (declared + PWKGEN_KSTACK_ALIGN - 1) / PWKGEN_KSTACK_ALIGN * PWKGEN_KSTACK_ALIGN;
}

static void write_stacks(FILE *out, const struct pwk_system_desc *d)
{
	fputs("\n/* Kernel stacks, one per thread, in kernel RAM (kernel.ld: .pwk_kstacks,\n"
	      " * not zeroed at boot). */\n",
	      out);
	for (uint32_t i = 0; i < d->thread_count; i++) {
		fprintf(out,
			"static uint8_t kstack_%u[%uu] __attribute__((aligned(%u), "
			"section(\".pwk_kstacks\")));\n",
			i, kstack_size(d->threads[i].kernel_stack_size), PWKGEN_KSTACK_ALIGN);
	}
	fputs("\nconst struct veer_thread_stack veer_thread_stacks[] = {\n", out);
	for (uint32_t i = 0; i < d->thread_count; i++) {
		fprintf(out, "\t{kstack_%u, %uu},\n", i,
			kstack_size(d->threads[i].kernel_stack_size));
	}
	fputs("};\n", out);
}

static void write_pmp(FILE *out, const struct pwkgen_target *t)
{
	fputs("\n/* User-mode PMP image of each process (pmpcfg0..3, pmpaddr0..15). */\n"
	      "const struct veer_process_pmp veer_process_pmp[] = {\n",
	      out);
	for (uint32_t p = 0; p < t->sys.process_count; p++) {
		const struct pwkgen_pmp *pmp = &t->pmp[p];
		fprintf(out, "\t/* %s: %u of %u entries */\n\t{.cfg = {", t->sys.processes[p].name,
			pmp->needed, PWKGEN_PMP_CAPACITY);
		for (uint32_t i = 0; i < PWKGEN_PMP_CAPACITY / 4u; i++) {
			fprintf(out, "%s0x%08" PRIx32 "u", i ? ", " : "", pmp->cfg[i]);
		}
		fputs("},\n\t .addr = {", out);
		for (uint32_t i = 0; i < PWKGEN_PMP_CAPACITY; i++) {
			fprintf(out, "%s0x%08" PRIx32 "u", i ? ", " : "", pmp->addr[i]);
		}
		fputs("}},\n", out);
	}
	fputs("};\n", out);
}

void pwkgen_write_tables(FILE *out, const struct pwkgen_target *t)
{
	const struct pwk_system_desc *d = &t->desc.desc;
	fprintf(out, "/* Generated by tools/pwk-gen from %s; do not edit. */\n", t->path);
	fprintf(out,
		"/* The system's tables for board %s (--place %s): compiled into the kernel\n"
		" * with kernel-core/src on the include path, for its limits.h. */\n",
		t->board->name, t->place == PWKGEN_PLACE_BOARD ? "board" : "config");
	fputs("#include <stdbool.h>\n#include <stddef.h>\n#include <stdint.h>\n\n"
	      "#include <pwk/system.h>\n\n#include \"limits.h\"\n#include \"veer_system.h\"\n",
	      out);
	write_limits(out, d);
	write_irqs(out, d);
	write_regions(out, t);
	write_objects(out, d);
	write_threads(out, d);
	write_processes(out, d);
	write_stacks(out, d);
	write_pmp(out, t);
}
