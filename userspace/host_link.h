/*
 * host_link.h — what hal-host hands a process's main thread in a1: the
 * addresses the runtime needs to reach the simulator. Shared by the userspace
 * runtime (crt0_host.c) and hal-host, so both agree on the layout.
 *
 * The link page is read-only to the process (only the kernel writes it)
 * and lives at a fixed user address in the process's region, so the
 * process's RAM holds no host address: only the link page's own (fixed)
 * address, which is the same in every run.
 */
#ifndef PWK_USERSPACE_HOST_LINK_H
#define PWK_USERSPACE_HOST_LINK_H

#define PWK_HOST_LINK_VERSION 4u

/* The coverage map (pwsim fuzz, docs/fuzzing.md): an AFL-style edge map of
 * PWK_HOST_COVERAGE_MAP_BYTES one-byte counters, then the hook's state, in
 * PWK_HOST_COVERAGE_BYTES of memory only the fuzzed process's user view
 * maps. The state: the previous block's hash (a uint32_t, budget_host.c)
 * and the word the hook decrements instead of the budget while a map is
 * attached (an int64_t, crt0_host.c says why). */
#define PWK_HOST_COVERAGE_MAP_BYTES   65536u
#define PWK_HOST_COVERAGE_BYTES       (PWK_HOST_COVERAGE_MAP_BYTES + 4096u)
#define PWK_HOST_COVERAGE_PREV_OFFSET PWK_HOST_COVERAGE_MAP_BYTES
#define PWK_HOST_COVERAGE_SINK_OFFSET (PWK_HOST_COVERAGE_MAP_BYTES + 8u)

/* Byte offsets of the gates in struct pwk_host_link, for syscall_host.S. */
#define PWK_HOST_LINK_SYSCALL_GATE 8
#define PWK_HOST_LINK_PREEMPT_GATE 16

#ifndef __ASSEMBLER__
#include <stdint.h>

struct pwk_host_link {
	uint32_t version;
	uint32_t reserved;
	void (*syscall_gate)(void); /* entered by pwk_raw_syscall (see syscall_host.S) */
	void (*preempt_gate)(void); /* entered by the budget hook when the budget is spent */
	/* Basic blocks the running thread may still execute before it must
	 * enter hal-host (the next tick, deadline or seeded preemption), in
	 * the process's writable budget page. The budget hook decrements it;
	 * hal-host refills it on every return to user mode. */
	int64_t *budget;
	/* The process's coverage map while pwsim fuzz fuzzes it, else NULL.
	 * Appended in version 4: a version-3 runtime never reads it. */
	uint8_t *coverage;
};

_Static_assert(__builtin_offsetof(struct pwk_host_link, syscall_gate) == PWK_HOST_LINK_SYSCALL_GATE,
	       "syscall_host.S jumps through this offset");
_Static_assert(__builtin_offsetof(struct pwk_host_link, preempt_gate) == PWK_HOST_LINK_PREEMPT_GATE,
	       "syscall_host.S jumps through this offset");
#endif

#endif
