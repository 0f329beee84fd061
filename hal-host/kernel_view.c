/*
 * kernel_view.c — in isolation `mprotect`, the kernel's view of every
 * region (region.h) is inaccessible except while the kernel uses it.
 *
 * The kernel view lies at a fixed address and maps every process's pages
 * read-write; left open, a plain pointer from any process would reach every
 * other process's memory with no host syscall, defeating the isolation.
 * So a run starts with every kernel view closed (PROT_NONE); hal_user_ptr
 * (for a process other than the one whose user view is applied) and
 * hal_process_starting open the one they need, and everything opened
 * is closed again before the CPU returns to user mode (host_syscall,
 * host_preempt, a thread's first entry). In isolation `none` the views stay
 * open: no host syscall on the IPC path there.
 */
#include <sys/mman.h>

#include <pwk/hal.h>

#include "machine.h"

static bool views_guarded(void)
{
	return host.opts.isolation == HOST_ISOLATION_MPROTECT;
}

void host_kernel_view_set(const struct host_region *r, int prot)
{
	if (mprotect(r->kernel_base, host_region_bytes(r), prot) != 0) {
		hal_panic(__FILE__, __LINE__, "cannot change a kernel view's protection");
	}
}

void host_kernel_views_guard(void)
{
	if (!views_guarded()) {
		return;
	}
	for (uint32_t p = 0; p < host.region_count; p++) {
		if (host.regions[p].mapped) {
			host_kernel_view_set(&host.regions[p], PROT_NONE);
		}
	}
	host.views_open = 0;
}

void host_kernel_view_open(uint32_t process)
{
	uint64_t bit = UINT64_C(1) << process;
	if (!views_guarded() || (host.views_open & bit) != 0) {
		return;
	}
	host_kernel_view_set(&host.regions[process], PROT_READ | PROT_WRITE);
	host.views_open |= bit;
}

void *host_kernel_view_ptr(uint32_t process, uintptr_t uaddr)
{
	/* The applied process's user view is accessible to the kernel as it
	 * is to the process (the kernel only writes its RAM, which is rw-):
	 * no view to open for the caller's own buffers. The kernel uses the
	 * pointer before it next switches (it copies at once). */
	if (views_guarded() && process == host.applied_process) {
		return (void *)uaddr;
	}
	host_kernel_view_open(process);
	return host_region_kernel_ptr(&host.regions[process], uaddr);
}

void host_kernel_views_close(void)
{
	while (host.views_open != 0) {
		uint32_t p = (uint32_t)__builtin_ctzll(host.views_open);
		host_kernel_view_set(&host.regions[p], PROT_NONE);
		host.views_open &= host.views_open - 1;
	}
}
