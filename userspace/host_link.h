/*
 * host_link.h — what hal-host hands a process's main thread in a1: the
 * addresses the runtime needs to reach the simulator. Shared by the userspace
 * runtime (crt0_host.c) and hal-host, so both agree on the layout.
 */
#ifndef PWK_USERSPACE_HOST_LINK_H
#define PWK_USERSPACE_HOST_LINK_H

#include <stdint.h>

#define PWK_HOST_LINK_VERSION 1u

struct pwk_host_link {
	uint32_t version;
	void (*syscall_gate)(void); /* entered by pwk_raw_syscall (see syscall_host.S) */
};

#endif
