/*
 * host_link.h — what hal-host hands a process's main thread in a1: the
 * addresses the runtime needs to reach the simulator. Shared by the userspace
 * runtime (crt0_host.c) and hal-host, so both agree on the layout.
 */
#ifndef PWK_USERSPACE_HOST_LINK_H
#define PWK_USERSPACE_HOST_LINK_H

#include <stdint.h>

#define PWK_HOST_LINK_VERSION 2u

/* Syscall id (beyond the 16 bits the kernel decodes) with which the
 * budget hook asks hal-host for a preemption point. */
#define PWK_HOST_PREEMPT_ID 0x10000u

struct pwk_host_link {
	uint32_t version;
	uint32_t reserved;
	void (*syscall_gate)(void); /* entered by pwk_raw_syscall (see syscall_host.S) */
	/* Basic blocks the running thread may still execute before it must
	 * enter hal-host (the next tick, deadline or seeded preemption). The
	 * budget hook decrements it; hal-host refills it on every return to
	 * user mode. */
	int64_t budget;
};

#endif
