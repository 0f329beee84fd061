/*
 * pwk/system.h — the immutable description of a system that pwk_boot()
 * consumes. On hal-host the simulator builds it from system.json5 and the
 * loaded images; on hal-veer the generator emits it as static tables.
 *
 * Indexes, not pointers, link the tables so a description can be generated
 * as plain constant data. Handles of a process are indexes into its slice of
 * `objects` (first_object .. first_object + object_count - 1), in declaration
 * order, with the process's own `process` object last.
 */
#ifndef PWK_SYSTEM_H
#define PWK_SYSTEM_H

#include <pwk/abi.h>

#define PWK_NONE UINT32_MAX /* "no index" in every table */

/* Object types, with the name system.json5 gives each. */
#define PWK_OBJECT_TYPE_LIST(X)                                                                    \
	X(CHANNEL_INITIATOR, 1, channel_initiator)                                                 \
	X(CHANNEL_HANDLER, 2, channel_handler)                                                     \
	X(WAIT_GROUP, 3, wait_group)                                                               \
	X(INTERRUPT, 4, interrupt)                                                                 \
	X(THREAD, 5, thread)                                                                       \
	X(PROCESS, 6, process)

typedef enum {
#define PWK_OBJECT_TYPE_ENUM(name, value, json) PWK_OBJECT_##name = value,
	PWK_OBJECT_TYPE_LIST(PWK_OBJECT_TYPE_ENUM)
#undef PWK_OBJECT_TYPE_ENUM
} pwk_object_type_t;

/* "channel_initiator" etc.; "object" for a value outside the list. */
static inline const char *pwk_object_type_name(pwk_object_type_t type)
{
	switch (type) {
#define PWK_OBJECT_TYPE_CASE(name, value, json)                                                    \
	case PWK_OBJECT_##name:                                                                    \
		return #json;
		PWK_OBJECT_TYPE_LIST(PWK_OBJECT_TYPE_CASE)
#undef PWK_OBJECT_TYPE_CASE
	}
	return "object";
}

/* Access rights of a memory region, as pw_kernel's MemoryRegionType bits. */
#define PWK_ACCESS_R 1u
#define PWK_ACCESS_W 2u
#define PWK_ACCESS_X 4u

struct pwk_region_desc {
	uintptr_t start; /* user-visible address */
	uintptr_t size;
	uint32_t access; /* PWK_ACCESS_* bits */
};

struct pwk_object_desc {
	pwk_object_type_t type;
	const char *name;
	/* CHANNEL_INITIATOR: global object index of its handler.
	 * CHANNEL_HANDLER: global object index of its initiator, or PWK_NONE.
	 * THREAD: global thread index. PROCESS: the linked process index.
	 * Others: PWK_NONE. */
	uint32_t link;
	/* INTERRUPT: irq numbers, irq k raises PWK_SIGNAL_INTERRUPT(k). */
	uint32_t irq_count;
	const uint32_t *irqs;
};

struct pwk_thread_desc {
	const char *name;
	uint32_t process;           /* owning process index */
	uint32_t priority;          /* 0 (idle) .. 31 (highest); 15 is the default */
	uint32_t kernel_stack_size; /* bytes, as declared */
	/* Threads started when their process starts (the main thread, and every
	 * thread of the legacy `threads:` schema) start here: */
	bool start_with_process;
	uintptr_t entry;
	uintptr_t stack_top;
};

struct pwk_process_desc {
	const char *name;
	uint32_t first_object; /* slice of pwk_system_desc.objects */
	uint32_t object_count;
	uint32_t first_region; /* slice of pwk_system_desc.regions */
	uint32_t region_count;
	uint32_t index_in_app; /* a0 of the main thread, as pw_kernel */
	uintptr_t start_arg1;  /* a1 of threads started with the process (host: HAL link) */
};

/* Kernel boot options (pwk_system_desc.options). 0, the default, is
 * pw_kernel's behaviour. */
/* Deadlines fire when hal_now() reaches them and a wait whose deadline is
 * not after now fails at once, instead of pw_kernel's tick granularity
 * (deadlines are examined on the scheduler tick, pwk_trap_tick(), and while
 * the kernel idles; a failed poll returns at the next tick). */
#define PWK_BOOT_EXACT_DEADLINES (UINT32_C(1) << 0)
/* Every syscall takes the full path: the IPC fast path (docs/fastpath.md)
 * is not tried. Nothing observable changes (that is what the option is
 * for: tests compare runs with and without it); a kernel built without the
 * fast path (-Dfastpath=false) accepts it and behaves the same. */
#define PWK_BOOT_FULL_PATH       (UINT32_C(1) << 1)

struct pwk_system_desc {
	const struct pwk_process_desc *processes;
	uint32_t process_count;
	const struct pwk_object_desc *objects;
	uint32_t object_count;
	const struct pwk_thread_desc *threads;
	uint32_t thread_count;
	const struct pwk_region_desc *regions;
	uint32_t region_count;
	uint32_t options; /* PWK_BOOT_* bits */
};

#endif /* PWK_SYSTEM_H */
