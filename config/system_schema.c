/* SPDX-License-Identifier: Apache-2.0 */
/*
 * system_schema.c — the top of a system.json5: `arch`, `kernel` and the
 * choice of schema generation, decided by the shape of `apps`:
 *   apps is an object (keyed by app name)            -> CFG_SCHEMA_APP_MAP
 *   apps is a list and any app has ram_size_bytes,
 *     or any process has a `threads` array           -> CFG_SCHEMA_APP_THREADS
 *   otherwise (including no apps at all)             -> CFG_SCHEMA_OBJECTS
 * Then the stages run: apps, cross-checks, and (without errors) layout.
 */
#include "system_internal.h"

#include <stdlib.h>
#include <string.h>

static const char *const root_fields[] = {"arch", "kernel", "apps", NULL};
static const char *const riscv_fields[] = {"type", NULL};
static const char *const arm_fields[] = {"type", "vector_table_start_address",
					 "vector_table_size_bytes", NULL};
static const char *const kernel_fields[] = {"flash_start_address",
					    "flash_size_bytes",
					    "ram_start_address",
					    "ram_size_bytes",
					    "interrupt_table",
					    "mpu_validation",
					    NULL};
static const char *const interrupt_table_fields[] = {"table", NULL};

static void load_arch(struct cfg_loader *ld, const struct json5_value *v)
{
	char *type;
	struct cfg_pos pos;
	uint64_t ignored;

	if (!cfg_expect(ld, v, JSON5_OBJECT, "\"arch\"") ||
	    !cfg_get_string(ld, v, "type", true, "arch", &type, &pos)) {
		return;
	}
	if (strcmp(type, "riscv") == 0) {
		ld->sys->arch = CFG_ARCH_RISCV;
		cfg_check_members(ld, v, "arch", riscv_fields);
		return;
	}
	if (strcmp(type, "armv8m") != 0 && strcmp(type, "armv7m") != 0) {
		cfg_error_pos(ld, pos,
			      "unknown arch type \"%s\": expected \"riscv\", \"armv8m\" or "
			      "\"armv7m\"",
			      type);
		return;
	}
	ld->sys->arch = strcmp(type, "armv8m") == 0 ? CFG_ARCH_ARMV8M : CFG_ARCH_ARMV7M;
	cfg_check_members(ld, v, "arch", arm_fields);
	cfg_get_address(ld, v, "vector_table_start_address", true, "arch", &ignored);
	cfg_get_size(ld, v, "vector_table_size_bytes", true, "arch", &ignored);
	cfg_warning(ld, json5_get(v, "type"),
		    "arch \"%s\": pwsim runs this system as a host system; Arm specifics "
		    "(vector table, MPU layout) are checked as pw_kernel does but not simulated",
		    type);
}

/* A decimal IRQ number written as a member name ("10"). */
static bool parse_irq_key(const char *key, uint32_t *out)
{
	uint64_t v = 0;
	if (key[0] == '\0') {
		return false;
	}
	for (const char *c = key; *c != '\0'; c++) {
		if (*c < '0' || *c > '9' || v > UINT32_MAX / 10u) {
			return false;
		}
		v = v * 10u + (uint64_t)(*c - '0');
	}
	if (v > UINT32_MAX) {
		return false;
	}
	*out = (uint32_t)v;
	return true;
}

static void load_interrupt_table(struct cfg_loader *ld, const struct json5_value *v)
{
	struct cfg_kernel *k = &ld->sys->kernel;
	const char *what = "kernel interrupt_table";

	if (!cfg_expect(ld, v, JSON5_OBJECT, "\"interrupt_table\"")) {
		return;
	}
	cfg_check_members(ld, v, what, interrupt_table_fields);
	const struct json5_value *table = cfg_field(ld, v, "table", true, what);
	if (table == NULL || !cfg_expect(ld, table, JSON5_OBJECT, "\"table\"")) {
		return;
	}
	cfg_check_members(ld, table, "the interrupt table", NULL);
	k->irqs = arena_array(ld->arena, table->member_count, sizeof(*k->irqs));
	for (size_t i = 0; i < table->member_count; i++) {
		const struct json5_member *m = &table->members[i];
		struct cfg_kernel_irq *irq = &k->irqs[k->irq_count];
		struct cfg_pos at = {m->line, m->col};

		if (!parse_irq_key(m->key, &irq->number)) {
			cfg_error_pos(ld, at,
				      "interrupt table key \"%s\" is not an IRQ number: "
				      "write the decimal number in quotes (e.g. \"10\")",
				      m->key);
			continue;
		}
		if (m->value.kind != JSON5_STRING || m->value.string[0] == '\0') {
			cfg_error(ld, &m->value,
				  "the handler of IRQ %s must be the name of a "
				  "kernel function, in quotes",
				  m->key);
			continue;
		}
		irq->handler = arena_strdup(ld->arena, m->value.string);
		irq->pos = at;
		k->irq_count++;
	}
}

static void load_kernel(struct cfg_loader *ld, const struct json5_value *v)
{
	struct cfg_kernel *k = &ld->sys->kernel;
	const char *what = "kernel";
	char *mpu;
	struct cfg_pos pos;

	if (!cfg_expect(ld, v, JSON5_OBJECT, "\"kernel\"")) {
		return;
	}
	k->present = true;
	k->pos = cfg_pos_of(v);
	cfg_check_members(ld, v, what, kernel_fields);
	cfg_get_address(ld, v, "flash_start_address", true, what, &k->flash_start_address);
	cfg_get_size(ld, v, "flash_size_bytes", true, what, &k->flash_size_bytes);
	cfg_get_address(ld, v, "ram_start_address", true, what, &k->ram_start_address);
	cfg_get_size(ld, v, "ram_size_bytes", true, what, &k->ram_size_bytes);
	if (json5_get(v, "interrupt_table") != NULL) {
		load_interrupt_table(ld, json5_get(v, "interrupt_table"));
	}
	if (cfg_get_string(ld, v, "mpu_validation", false, what, &mpu, &pos) &&
	    strcmp(mpu, "strict") != 0 && strcmp(mpu, "warn") != 0 &&
	    strcmp(mpu, "permissive") != 0) {
		cfg_error_pos(ld, pos,
			      "unknown mpu_validation \"%s\": expected \"strict\", "
			      "\"warn\" or \"permissive\"",
			      mpu);
	}
}

static void set_host_kernel(struct cfg_kernel *k)
{
	k->present = false;
	k->flash_start_address = CFG_HOST_KERNEL_FLASH_START;
	k->flash_size_bytes = CFG_HOST_KERNEL_FLASH_SIZE;
	k->ram_start_address = CFG_HOST_KERNEL_RAM_START;
	k->ram_size_bytes = CFG_HOST_KERNEL_RAM_SIZE;
}

/* Does any entry of the apps list use a legacy field? */
static bool list_is_legacy(const struct json5_value *apps)
{
	for (size_t i = 0; i < apps->item_count; i++) {
		const struct json5_value *app = &apps->items[i];
		if (app->kind != JSON5_OBJECT) {
			continue;
		}
		if (json5_get(app, "ram_size_bytes") != NULL || json5_get(app, "process") != NULL) {
			return true;
		}
		const struct json5_value *procs = json5_get(app, "processes");
		for (size_t j = 0;
		     procs != NULL && procs->kind == JSON5_ARRAY && j < procs->item_count; j++) {
			if (json5_get(&procs->items[j], "threads") != NULL) {
				return true;
			}
		}
	}
	return false;
}

bool cfg_schema_load(struct cfg_loader *ld, const struct json5_value *root)
{
	struct cfg_system *sys = ld->sys;

	if (!cfg_expect(ld, root, JSON5_OBJECT, "a system description")) {
		return false;
	}
	cfg_check_members(ld, root, "the system description", root_fields);
	sys->arch = CFG_ARCH_NONE;
	if (json5_get(root, "arch") != NULL) {
		load_arch(ld, json5_get(root, "arch"));
	}
	set_host_kernel(&sys->kernel);
	if (json5_get(root, "kernel") != NULL) {
		load_kernel(ld, json5_get(root, "kernel"));
	}
	const struct json5_value *apps = json5_get(root, "apps");
	sys->schema = CFG_SCHEMA_OBJECTS;
	if (apps != NULL && apps->kind == JSON5_OBJECT) {
		sys->schema = CFG_SCHEMA_APP_MAP;
		cfg_app_map_load(ld, apps);
	} else if (apps != NULL && apps->kind == JSON5_ARRAY) {
		sys->schema = list_is_legacy(apps) ? CFG_SCHEMA_APP_THREADS : CFG_SCHEMA_OBJECTS;
		cfg_app_list_load(ld, apps);
	} else if (apps != NULL) {
		cfg_error(ld, apps,
			  "\"apps\" must be a list [...] of apps (or, in the 2025 "
			  "schema, an object keyed by app name), not %s",
			  cfg_kind_name(apps->kind));
	}
	cfg_validate(ld);
	if (!cfg_failed(ld)) {
		cfg_layout(ld);
	}
	return !cfg_failed(ld);
}
