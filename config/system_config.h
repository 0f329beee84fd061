/*
 * system_config.h — a system.json5 (all three pw_kernel schema generations)
 * loaded and validated into one normalized model. Host-side code (pwsim,
 * pwk-gen) uses it; kernel-core never sees it (the simulator turns it into
 * a struct pwk_system_desc).
 */
#ifndef PWK_CONFIG_SYSTEM_CONFIG_H
#define PWK_CONFIG_SYSTEM_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <pwk/system.h>

#include "diag.h"

typedef enum {
	CFG_SCHEMA_APP_MAP,	/* 2025: apps keyed by name, one `process`, `threads` */
	CFG_SCHEMA_APP_THREADS, /* seed doc / early 2026: apps list, processes, `threads` */
	CFG_SCHEMA_OBJECTS,	/* 2026: ram_size_bytes on processes, thread objects */
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

struct cfg_object {
	char *name;
	pwk_object_type_t type;
	struct cfg_pos pos;
	bool implicit; /* the appended `process` object */
	/* CHANNEL_INITIATOR: as written, and resolved */
	char *handler_process, *handler_object_name;
	uint32_t handler_process_index, handler_object_index; /* index within that process */
	/* CHANNEL_HANDLER: resolved back-link (PWK_NONE when unpaired) */
	uint32_t initiator_process_index, initiator_object_index;
	/* INTERRUPT */
	struct cfg_irq *irqs;
	size_t irq_count;
	/* PROCESS: the linked process */
	uint32_t linked_process_index;
	/* THREAD: index into the process's threads */
	uint32_t thread_index;
};

struct cfg_thread {
	char *name;
	struct cfg_pos pos;
	uint64_t stack_size_bytes;	  /* legacy user stack size; 0 when not given */
	uint64_t kernel_stack_size_bytes; /* default 2048 */
	uint32_t priority;		  /* 0..31, default 15 */
	bool main;			  /* started with the process */
	uint32_t object_index;		  /* handle of its thread object, or PWK_NONE (legacy) */
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

struct cfg_constant {
	char *name;
	char *type;  /* as written: "u32", "string", ... */
	char *value; /* textual value */
};

struct cfg_app {
	char *name;
	struct cfg_pos pos;
	uint64_t flash_size_bytes;
	uint64_t ram_size_bytes; /* as written (legacy) or the sum of its processes */
	uint64_t flash_start_address;
	uint32_t first_process, process_count; /* slice of cfg_system.processes */
	struct cfg_constant *constants;
	size_t constant_count;
};

struct cfg_kernel {
	bool present;
	uint64_t flash_start_address, flash_size_bytes;
	uint64_t ram_start_address, ram_size_bytes;
};

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
bool cfg_system_from_json(const char *path, const struct json5_value *root,
			  struct cfg_system *sys, struct diag *d);

void cfg_system_free(struct cfg_system *sys);

/* Index of a process by name, or PWK_NONE. */
uint32_t cfg_process_find(const struct cfg_system *sys, const char *name);

/* Canonical C identifier for a handle constant: "initiator thread" ->
 * "HANDLE_INITIATOR_THREAD". Writes at most `cap` bytes including NUL. */
void cfg_handle_constant_name(const char *object_name, char *out, size_t cap);

#endif
