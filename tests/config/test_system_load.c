/* SPDX-License-Identifier: Apache-2.0 */
/*
 * test_system_load.c — valid systems of every schema generation load into
 * the documented model: handle numbers, links, threads, memory layout,
 * mappings, IRQs and constants.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "config_test.h"

static struct cfg_system sys;
static struct capture cap;

static void teardown(void)
{
	cfg_system_free(&sys);
	capture_free(&cap);
}

TestSuite(system_load, .fini = teardown);

static void load_real(const char *name)
{
	char rel[256];
	snprintf(rel, sizeof(rel), "real/%s", name);
	capture_begin(&cap, name);
	cr_assert(cfg_system_load(data_path(rel), &sys, &cap.d), "%s", capture_text(&cap));
	capture_text(&cap);
}

static void load_inline(const char *text)
{
	cr_assert(load_system_text(text, &sys, &cap), "%s", cap.text);
}

static const struct cfg_process *process(const char *name)
{
	uint32_t i = cfg_process_find(&sys, name);
	cr_assert_neq(i, PWK_NONE, "no process %s", name);
	return &sys.processes[i];
}

Test(system_load, current_schema_ipc_numbers_handles_and_lays_out_memory)
{
	load_real("pigweed-2026__qemu_virt_riscv32__ipc__user__system.json5");
	cr_assert_eq(sys.schema, CFG_SCHEMA_OBJECTS);
	cr_assert_eq(sys.arch, CFG_ARCH_RISCV);
	cr_assert_eq(cap.d.warnings, 0);
	const struct cfg_process *ini = process("initiator"), *han = process("handler");
	cr_assert_eq(ini->object_count, 3);
	cr_assert_str_eq(ini->objects[0].name, "ipc");
	cr_assert_eq(ini->objects[0].type, PWK_OBJECT_CHANNEL_INITIATOR);
	cr_assert_str_eq(ini->objects[1].name, "initiator_thread");
	cr_assert_eq(ini->objects[1].type, PWK_OBJECT_THREAD);
	cr_assert_str_eq(ini->objects[2].name, "process");
	cr_assert(ini->objects[2].implicit);
	cr_assert_eq(ini->objects[2].linked_process_index, ini->index);
	/* initiator ipc -> handler ipc, and back */
	cr_assert_eq(ini->objects[0].handler_process_index, han->index);
	cr_assert_eq(ini->objects[0].handler_object_index, 0);
	cr_assert_eq(han->objects[0].initiator_process_index, ini->index);
	cr_assert_eq(han->objects[0].initiator_object_index, 0);
	/* the worked example of pw_kernel's address assignment */
	cr_assert_eq(sys.apps[0].flash_start_address, 0x8003fc00u);
	cr_assert_eq(sys.apps[0].flash_size_bytes, 0x7f800u);
	cr_assert_eq(ini->ram_start_address, 0x81010000u);
	cr_assert_eq(han->ram_start_address, 0x81020000u);
	cr_assert_eq(han->index_in_app, 1);
	cr_assert_eq(sys.apps[0].ram_size_bytes, 0x20000u);
	/* one thread object: main, defaults, linked both ways */
	cr_assert_eq(ini->thread_count, 1);
	cr_assert(ini->threads[0].main);
	cr_assert_eq(ini->threads[0].object_index, 1);
	cr_assert_eq(ini->objects[1].thread_index, 0);
	cr_assert_eq(ini->threads[0].kernel_stack_size_bytes, 2048);
	cr_assert_eq(ini->threads[0].priority, 15);
}

Test(system_load, seed_document_splits_app_ram_and_starts_every_thread)
{
	load_real("seed-doc__ipc__system.json5");
	cr_assert_eq(sys.schema, CFG_SCHEMA_APP_THREADS);
	cr_assert_eq(sys.arch, CFG_ARCH_NONE);
	cr_assert_not(sys.kernel.present);
	cr_assert_eq(sys.kernel.flash_start_address, CFG_HOST_KERNEL_FLASH_START);
	const struct cfg_process *ini = process("initiator"), *han = process("handler");
	cr_assert_eq(ini->ram_size_bytes, 4096);
	cr_assert_eq(han->ram_size_bytes, 4096);
	cr_assert_eq(han->ram_start_address, ini->ram_start_address + 4096);
	cr_assert_eq(sys.apps[0].ram_size_bytes, 8192);
	cr_assert_eq(ini->object_count, 2, "IPC, then the implicit process");
	cr_assert_str_eq(ini->objects[0].name, "IPC");
	cr_assert_str_eq(ini->objects[1].name, "process");
	cr_assert_eq(ini->thread_count, 1);
	cr_assert_str_eq(ini->threads[0].name, "initiator thread");
	cr_assert_eq(ini->threads[0].stack_size_bytes, 1024);
	cr_assert(ini->threads[0].main);
	cr_assert_eq(ini->threads[0].object_index, PWK_NONE);
	cr_assert_eq(ini->objects[0].handler_process_index, han->index);
}

Test(system_load, schema_2025_keeps_ticker_handles_and_resolves_handler_apps)
{
	load_real("pigweed-2025__qemu_virt_riscv32__userspace_demo__system.json5");
	cr_assert_eq(sys.schema, CFG_SCHEMA_APP_MAP);
	cr_assert_eq(sys.app_count, 2);
	cr_assert_str_eq(sys.apps[1].name, "two");
	const struct cfg_process *one = process("process one"), *two = process("process two");
	cr_assert_eq(one->object_count, 3);
	cr_assert_str_eq(one->objects[0].name, "TICKER");
	cr_assert(one->objects[0].legacy_ticker);
	cr_assert_eq(one->objects[0].type, CFG_OBJECT_TYPE_NONE);
	cr_assert_str_eq(cfg_object_type_name(&one->objects[0]), "ticker");
	cr_assert_str_eq(one->objects[1].handler_app, "two");
	cr_assert_str_eq(one->objects[1].handler_process, "process two");
	cr_assert_eq(one->objects[1].handler_process_index, two->index);
	cr_assert_eq(one->ram_size_bytes, 65536, "the app's RAM, its only process's");
	cr_assert_eq(two->ram_start_address, 0x81020000u);
}

Test(system_load, process_objects_and_main_threads)
{
	load_real("pigweed-2026__qemu_virt_riscv32__process_termination__user__system.json5");
	const struct cfg_process *m = process("main"), *restart = process("restart");
	cr_assert_eq(m->object_count, 10);
	cr_assert_eq(m->objects[3].type, PWK_OBJECT_PROCESS);
	cr_assert_eq(m->objects[3].linked_process_index, restart->index);
	cr_assert_eq(m->thread_count, 2);
	cr_assert(m->threads[0].main, "main_thread: true");
	cr_assert_not(m->threads[1].main);
	cr_assert_eq(m->threads[1].object_index, 8);
	cr_assert(restart->threads[0].main, "a single thread is the main thread");
	/* channels in both directions between main and restart */
	cr_assert_eq(m->objects[4].handler_process_index, restart->index);
	cr_assert_eq(restart->objects[2].handler_process_index, m->index);
	cr_assert_eq(restart->index_in_app, 3);
}

Test(system_load, interrupts_and_memory_mappings)
{
	load_real("pigweed-2026__qemu_virt_riscv32__uart__user__system.json5");
	const struct cfg_process *l = process("test_uart_listener");
	cr_assert_eq(l->objects[0].type, PWK_OBJECT_INTERRUPT);
	cr_assert_eq(l->objects[0].irq_count, 1);
	cr_assert_str_eq(l->objects[0].irqs[0].name, "uart0");
	cr_assert_eq(l->objects[0].irqs[0].number, 10);
	cr_assert_eq(l->mapping_count, 1);
	cr_assert_str_eq(l->mappings[0].name, "uart0");
	cr_assert_eq(l->mappings[0].type, CFG_MAPPING_DEVICE);
	cr_assert_eq(l->mappings[0].start_address, 0x10000000u);
	cr_assert_eq(l->mappings[0].size_bytes, 0x2000u);
}

Test(system_load, arm_systems_load_with_one_warning)
{
	load_real("pigweed-2026__mps2_an505__interrupts__user__system.json5");
	cr_assert_eq(sys.arch, CFG_ARCH_ARMV8M);
	cr_assert_eq(cap.d.warnings, 1);
	cr_assert(strstr(cap.text, "warning: arch \"armv8m\"") != NULL, "%s", cap.text);
	const struct cfg_app *a = &sys.apps[0];
	cr_assert_eq(a->constant_count, 2, "the stray ram_size_bytes is ignored");
	cr_assert_str_eq(a->constants[0].name, "test_irq");
	cr_assert_str_eq(a->constants[0].type, "u32");
	cr_assert_str_eq(a->constants[0].value, "42");
}

Test(system_load, kernel_only_system_with_interrupt_table)
{
	load_real("pigweed-2026__nucleo_f103rb__interrupts__kernel__system_qemu.json5");
	cr_assert_eq(sys.arch, CFG_ARCH_ARMV7M);
	cr_assert_eq(sys.app_count, 0);
	cr_assert_eq(sys.process_count, 0);
	cr_assert(sys.kernel.present);
	cr_assert_eq(sys.kernel.irq_count, 1);
	cr_assert_eq(sys.kernel.irqs[0].number, 31);
	cr_assert_str_eq(sys.kernel.irqs[0].handler, "test_interrupts::test_interrupt_handler");
}

Test(system_load, veer_apps_follow_their_kernel)
{
	load_real("openprot__veer__ipc__user__system.json5");
	cr_assert_eq(sys.apps[0].flash_start_address, 0x40010000u);
	cr_assert_eq(process("initiator")->ram_start_address, 0x40048000u);
	cr_assert_eq(process("handler")->ram_start_address, 0x40049000u);
}

Test(system_load, thread_fields_and_priority_spellings)
{
	load_inline("{apps: [{name: 'a', flash_size_bytes: 4096, processes: [{\n"
		    "  name: 'p', ram_size_bytes: 1024, objects: [\n"
		    "    {type: 'thread', name: 't0', priority: 'Level7', main_thread: true,\n"
		    "     kernel_stack_size_bytes: 4096, stack_size_bytes: 512, entry: 'x'},\n"
		    "    {type: 'thread', name: 't1', priority: 'IDLE_PRIORITY'},\n"
		    "    {type: 'thread', name: 't2', priority: 'DEFAULT_PRIORITY'},\n"
		    "    {type: 'thread', name: 't3', priority: 31},\n"
		    "    {type: 'thread', name: 't4', priority: 'Level31'},\n"
		    "  ]}]}]}");
	const struct cfg_process *p = process("p");
	const uint32_t want[] = {7, 0, 15, 31, 31};
	cr_assert_eq(p->thread_count, 5);
	for (size_t i = 0; i < 5; i++) {
		cr_expect_eq(p->threads[i].priority, want[i], "t%zu", i);
		cr_expect_eq(p->threads[i].from_object, true);
	}
	cr_assert_eq(p->threads[0].kernel_stack_size_bytes, 4096);
	cr_assert_eq(p->threads[0].stack_size_bytes, 512);
	cr_assert_eq(p->threads[1].kernel_stack_size_bytes, 2048);
}

Test(system_load, legacy_list_with_one_process_ram_per_process_and_thread_objects)
{
	load_inline("{apps: [{name: 'a', flash_size_bytes: 4096,\n"
		    "  process: {name: 'p', ram_size_bytes: 2048,\n"
		    "    objects: [{name: 'wg', type: 'wait_group'}, {name: 'worker', type: "
		    "'thread'}],\n"
		    "    threads: [{name: 'boot', kernel_stack_size_bytes: 1024},\n"
		    "              {name: 'worker', priority: 'Level3'}]}}]}");
	cr_assert_eq(sys.schema, CFG_SCHEMA_APP_THREADS);
	const struct cfg_process *p = process("p");
	cr_assert_eq(p->ram_size_bytes, 2048);
	cr_assert_eq(sys.apps[0].ram_size_bytes, 2048, "the sum of its processes");
	cr_assert_eq(p->threads[1].object_index, 1);
	cr_assert_eq(p->objects[1].thread_index, 1);
	cr_assert_eq(p->threads[0].object_index, PWK_NONE);
	cr_assert_eq(p->threads[1].priority, 3);
	cr_assert(p->threads[0].main && p->threads[1].main, "legacy threads start together");
}

Test(system_load, armv7m_aligns_process_ram_to_its_size)
{
	load_inline(
		"{arch: {type: 'armv7m', vector_table_start_address: 0,\n"
		"         vector_table_size_bytes: 1024},\n"
		" kernel: {flash_start_address: 0x800, flash_size_bytes: 0x1f800,\n"
		"          ram_start_address: 0x20000000, ram_size_bytes: 0x1100},\n"
		" apps: [{name: 'a', flash_size_bytes: 4096, processes: [\n"
		"   {name: 'small', ram_size_bytes: 1024, objects: [{type: 'thread', name: "
		"'t'}]},\n"
		"   {name: 'big', ram_size_bytes: 8192, objects: [{type: 'thread', name: 't'}]},\n"
		" ]}]}");
	cr_assert_eq(process("small")->ram_start_address, 0x20001400u, "align(0x20001100, 1024)");
	cr_assert_eq(process("big")->ram_start_address, 0x20002000u, "align(0x20001800, 8192)");
	cr_assert_eq(sys.apps[0].ram_size_bytes, 9216);
}

Test(system_load, constants_are_normalized_per_type)
{
	load_inline("{apps: [{name: 'a', flash_size_bytes: 4096,\n"
		    "  constants: [\n"
		    "    {name: 'hex', type: 'u32', value: 0x2A},\n"
		    "    {name: 'neg', type: 'i8', value: -128},\n"
		    "    {name: 'big', type: 'u64', value: 0xFFFFFFFFFFFFFFFF},\n"
		    "    {name: 'flag', type: 'bool', value: false},\n"
		    "    {name: 'sep', type: 'char', value: '€'},\n"
		    "    {name: 'text', type: 'string', value: 'a\\0b'},\n"
		    "  ],\n"
		    "  processes: [{name: 'p', ram_size_bytes: 1024,\n"
		    "    objects: [{type: 'thread', name: 't'}]}]}]}");
	const struct cfg_app *a = &sys.apps[0];
	cr_assert_eq(a->constant_count, 6);
	cr_assert_str_eq(a->constants[0].value, "42");
	cr_assert_str_eq(a->constants[1].value, "-128");
	cr_assert_str_eq(a->constants[2].value, "18446744073709551615");
	cr_assert_str_eq(a->constants[3].value, "false");
	cr_assert_str_eq(a->constants[4].value, "€");
	cr_assert_eq(a->constants[5].value_len, 3);
	cr_assert(memcmp(a->constants[5].value, "a\0b", 3) == 0);
}

Test(system_load, a_system_without_apps_is_valid)
{
	load_inline("{}");
	cr_assert_eq(sys.app_count, 0);
	cr_assert_eq(sys.schema, CFG_SCHEMA_OBJECTS);
	cr_assert_eq(sys.arch, CFG_ARCH_NONE);
}

Test(system_load, handle_constant_names)
{
	char buf[64];
	cfg_handle_constant_name("initiator thread", buf, sizeof(buf));
	cr_assert_str_eq(buf, "HANDLE_INITIATOR_THREAD");
	cfg_handle_constant_name("ipc-2.x", buf, sizeof(buf));
	cr_assert_str_eq(buf, "HANDLE_IPC_2_X");
	cfg_handle_constant_name("é", buf, sizeof(buf));
	cr_assert_str_eq(buf, "HANDLE___", "each non-ASCII byte becomes _");
	cr_assert_eq(cfg_constant_name("IRQ_", "uart0", buf, 6), 9);
	cr_assert_str_eq(buf, "IRQ_U", "truncated, NUL-terminated");
	cr_assert_eq(cfg_constant_name("X_", "ab", NULL, 0), 4);
}
