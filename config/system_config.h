/*
 * system_config.h — a system.json5 (all three pw_kernel schema generations)
 * loaded and validated into one normalized model. Host-side code (pwsim,
 * pwk-gen) uses it; kernel-core never sees it (the simulator turns it into
 * a struct pwk_system_desc).
 *
 * Invariants of a loaded system (cfg_system_load returned true):
 *  - every name is non-empty and unique where pw_kernel requires it;
 *  - every index field is either a valid index or PWK_NONE, as documented;
 *  - every process has >= 1 thread, and its objects end with the implicit
 *    `process` object (implicit = true, handle = object_count - 1);
 *  - addresses and sizes fit the 32-bit address space.
 * docs/config-reference.md lists every rule and decision.
 */
#ifndef PWK_CONFIG_SYSTEM_CONFIG_H
#define PWK_CONFIG_SYSTEM_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <pwk/system.h>

#include "diag.h"

typedef enum {
	CFG_SCHEMA_APP_MAP,     /* 2025: apps keyed by name, one `process`, `threads` */
	CFG_SCHEMA_APP_THREADS, /* seed doc / early 2026: apps list, processes, `threads` */
	CFG_SCHEMA_OBJECTS,     /* 2026: ram_size_bytes on processes, thread objects */
} cfg_schema_t;

typedef enum {
	CFG_ARCH_NONE, /* no `arch` section: host defaults */
	CFG_ARCH_RISCV,
	CFG_ARCH_ARMV8M,
	CFG_ARCH_ARMV7M,
} cfg_arch_t;

struct cfg_pos {
	int line, col;
};

struct cfg_irq {
	char *name;
	uint32_t number;
	struct cfg_pos pos;
};

/* Type of a 2025 `ticker` object (see cfg_object.legacy_ticker). */
#define CFG_OBJECT_TYPE_NONE ((pwk_object_type_t)0)

struct cfg_object {
	char *name;
	pwk_object_type_t type;
	struct cfg_pos pos;
	bool implicit; /* the appended `process` object */
	/* A `ticker` object of the 2025 map schema. pwk has no such object:
	 * it keeps its handle number (so later handles stay as upstream
	 * numbered them) with type CFG_OBJECT_TYPE_NONE; every syscall on it
	 * is PWK_UNIMPLEMENTED. */
	bool legacy_ticker;
	/* CHANNEL_INITIATOR: as written, and resolved. In the 2025 map schema
	 * the handler is named by app (`handler_app`); handler_process is
	 * then that app's one process. */
	char *handler_process, *handler_object_name;
	char *handler_app; /* 2025 map schema only, else NULL */
	/* handler_process_index indexes cfg_system.processes; handler_object_index
	 * is the handler's index (handle) within that process. */
	uint32_t handler_process_index, handler_object_index; /* index within that process */
	/* CHANNEL_HANDLER: resolved back-link (PWK_NONE when unpaired) */
	uint32_t initiator_process_index, initiator_object_index;
	/* INTERRUPT */
	struct cfg_irq *irqs;
	size_t irq_count;
	/* PROCESS: the linked process (as written, and its index) */
	uint32_t linked_process_index;
	char *linked_process;
	/* THREAD: index into the process's threads */
	uint32_t thread_index;
	/* Where the link fields were written (handler_process / handler_app /
	 * linked_process, and handler_object_name), for diagnostics. */
	struct cfg_pos link_pos, handler_object_pos;
};

struct cfg_thread {
	char *name;
	struct cfg_pos pos;
	uint64_t stack_size_bytes;        /* legacy user stack size; 0 when not given */
	uint64_t kernel_stack_size_bytes; /* default 2048 */
	uint32_t priority;                /* 0..31, default 15 */
	bool main;                        /* started with the process */
	uint32_t object_index;            /* handle of its thread object, or PWK_NONE (legacy) */
	bool from_object;                 /* declared as a `thread` object (2026 schema) */
};

typedef enum {
	CFG_MAPPING_DEVICE,
	CFG_MAPPING_READ_ONLY_EXECUTABLE,
	CFG_MAPPING_READ_WRITE_DATA,
} cfg_mapping_type_t;

struct cfg_mapping {
	char *name;
	cfg_mapping_type_t type;
	uint64_t start_address, size_bytes;
	struct cfg_pos pos;
};

struct cfg_process {
	char *name;
	struct cfg_pos pos;
	uint32_t index; /* in cfg_system.processes */
	uint32_t app_index;
	uint32_t index_in_app;
	uint64_t ram_size_bytes; /* the process's own RAM (legacy app RAM is split evenly) */
	uint64_t ram_start_address, flash_start_address; /* pw_kernel address assignment */
	struct cfg_object *objects; /* declaration order, implicit `process` last */
	size_t object_count;
	struct cfg_thread *threads;
	size_t thread_count;
	struct cfg_mapping *mappings; /* user memory_mappings only */
	size_t mapping_count;
};

/* An app constant. `value` is normalized text: integers in decimal (a hex
 * literal becomes decimal), bools "true"/"false", chars and strings their
 * UTF-8 text (value_len bytes; a string may contain NULs). */
struct cfg_constant {
	char *name;
	char *type;  /* as written: "u32", "string", ... */
	char *value; /* textual value */
	size_t value_len;
	struct cfg_pos pos;
};

struct cfg_app {
	char *name;
	struct cfg_pos pos;
	uint64_t flash_size_bytes;
	uint64_t ram_size_bytes; /* as written (legacy) or the sum of its processes */
	uint64_t flash_start_address;
	uint64_t ram_start_address;            /* where its first process's RAM is placed */
	bool ram_size_given;                   /* legacy: ram_size_bytes written on the app */
	uint32_t first_process, process_count; /* slice of cfg_system.processes */
	struct cfg_constant *constants;
	size_t constant_count;
};

/* An entry of kernel.interrupt_table.table: IRQ number -> kernel handler. */
struct cfg_kernel_irq {
	uint32_t number;
	char *handler;
	struct cfg_pos pos;
};

/* Without a `kernel` section, present is false and the fields hold the host
 * default (that of pw_kernel's qemu_virt_riscv32 targets), so apps are laid
 * out as they would be there. */
struct cfg_kernel {
	bool present;
	uint64_t flash_start_address, flash_size_bytes;
	uint64_t ram_start_address, ram_size_bytes;
	struct cfg_kernel_irq *irqs; /* in the order written */
	size_t irq_count;
	struct cfg_pos pos;
};

#define CFG_HOST_KERNEL_FLASH_START 0x80000000u
#define CFG_HOST_KERNEL_FLASH_SIZE  261120u
#define CFG_HOST_KERNEL_RAM_START   0x81000000u
#define CFG_HOST_KERNEL_RAM_SIZE    65536u

struct cfg_system {
	char *path;
	cfg_schema_t schema;
	cfg_arch_t arch;
	struct cfg_kernel kernel;
	struct cfg_app *apps;
	size_t app_count;
	struct cfg_process *processes; /* all processes, app by app, in order */
	size_t process_count;
	void *storage; /* owned allocations */
};

/* Loads and validates `path`. Every problem is reported through `d` as
 * path:line:col: error: ... ; returns false when any error was reported
 * (and `sys` is then empty). Warnings do not fail the load. */
bool cfg_system_load(const char *path, struct cfg_system *sys, struct diag *d);

/* Same, from an already parsed JSON5 document (positions refer to `path`). */
struct json5_value;
bool cfg_system_from_json(const char *path, const struct json5_value *root, struct cfg_system *sys,
			  struct diag *d);

void cfg_system_free(struct cfg_system *sys);

/* Prints the normalized system (what `pwsim check` shows): schema, arch,
 * kernel, then per app and process the memory layout, each object with its
 * handle number, type and links, threads, mappings and constants. The output
 * depends only on `sys` (stable across runs and hosts). */
void cfg_system_print(FILE *out, const struct cfg_system *sys);

/* Human-readable names, for messages and printing. */
const char *cfg_schema_name(cfg_schema_t schema);
const char *cfg_arch_name(cfg_arch_t arch);
const char *cfg_object_type_name(const struct cfg_object *o);
const char *cfg_mapping_type_name(cfg_mapping_type_t type);

/* Index of a process by name, or PWK_NONE. */
uint32_t cfg_process_find(const struct cfg_system *sys, const char *name);

/* Canonical C identifier for a handle constant: "initiator thread" ->
 * "HANDLE_INITIATOR_THREAD". Writes at most `cap` bytes including NUL. */
void cfg_handle_constant_name(const char *object_name, char *out, size_t cap);

/* The same rule with any prefix: prefix + name with ASCII letters
 * upper-cased, digits kept and every other byte turned into '_'. Writes at
 * most `cap` bytes including NUL (nothing when cap is 0; out may then be
 * NULL) and returns the full length, like snprintf: a result >= cap means
 * the name was truncated. */
size_t cfg_constant_name(const char *prefix, const char *name, char *out, size_t cap);

#endif
