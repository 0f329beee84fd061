/*
 * trap_gate.c — in isolation `mprotect`, processes enter the kernel by a
 * trap, so that no host address is ever visible to them.
 *
 * The direct gate (the link page holds host_syscall_gate's address and the
 * runtime jumps there) is fast, but that address tells a process where
 * pwsim's code, globals and stacks are, and plain stores can reach them. In
 * isolation `mprotect` the link page instead points the runtime at two stubs
 * inside the link page itself:
 *     syscall stub:  mov %rcx, %r10; syscall; ud2
 *     preempt stub:  syscall; ud2
 * A syscall from the region is refused by seccomp.c with SIGSYS; the fault
 * handler recognises the stub's syscall (by its address) and resumes the
 * interrupted context at the direct gate, with the registers as the
 * runtime left them (rcx, which the syscall instruction overwrites, comes
 * back from r10). The gate then runs exactly as after a direct jump. A
 * signal per syscall costs a few microseconds: the price of a boundary.
 * In isolation `none` the link page keeps the direct gates (sub-microsecond
 * IPC, and cross-process pointers are allowed there anyway).
 */
#include <string.h>
#include <ucontext.h>

#include "host_link.h"
#include "machine.h"

#define SYSCALL_STUB 64 /* offsets in the link page */
#define PREEMPT_STUB 96

static const uint8_t syscall_stub[] = {0x49, 0x89, 0xca, 0x0f, 0x05, 0x0f, 0x0b};
static const uint8_t preempt_stub[] = {0x0f, 0x05, 0x0f, 0x0b};

_Static_assert(sizeof(struct pwk_host_link) <= SYSCALL_STUB, "stubs follow the link");

void host_trap_gate_link(const struct host_region *r, struct pwk_host_link *link)
{
	if (host.opts.isolation != HOST_ISOLATION_MPROTECT) {
		link->syscall_gate = host_syscall_gate;
		link->preempt_gate = host_preempt_gate;
		return;
	}
	uint8_t *page = (uint8_t *)link;
	memcpy(page + SYSCALL_STUB, syscall_stub, sizeof(syscall_stub));
	memcpy(page + PREEMPT_STUB, preempt_stub, sizeof(preempt_stub));
	link->syscall_gate = (void (*)(void))(r->link_page + SYSCALL_STUB);
	link->preempt_gate = (void (*)(void))(r->link_page + PREEMPT_STUB);
}

bool host_trap_gate_enter(ucontext_t *uc)
{
	if (host.opts.isolation != HOST_ISOLATION_MPROTECT || host.current == PWK_NONE) {
		return false;
	}
	const struct host_region *r = &host.regions[host.threads[host.current].process];
	greg_t *g = uc->uc_mcontext.gregs;
	uintptr_t after = (uintptr_t)g[REG_RIP]; /* just past the syscall */
	if (after == r->link_page + SYSCALL_STUB + 5) {
		g[REG_RCX] = g[REG_R10];
		g[REG_RIP] = (greg_t)(uintptr_t)host_syscall_gate;
		return true;
	}
	if (after == r->link_page + PREEMPT_STUB + 2) {
		g[REG_RIP] = (greg_t)(uintptr_t)host_preempt_gate;
		return true;
	}
	return false;
}
