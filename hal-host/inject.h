/*
 * inject.h — the scenario's injections (inject.c): delays, starvation,
 * faults, kills and irqs at a syscall or at a time. Also the questions the
 * syscall gate asks on every kernel entry, inline, so that a run with no
 * injection pays a load and a test for them and nothing more.
 */
#ifndef PWK_HAL_HOST_INJECT_H
#define PWK_HAL_HOST_INJECT_H

#include <stdbool.h>
#include <stdint.h>

#include "machine.h"

/* Time-triggered injections due now (called at interrupt points and when
 * idle); the earliest pending trigger time; syscall triggers (true when the
 * syscall must be swallowed, *delay the hold they add); the holds that
 * apply to the current thread before it returns to user mode. */
void host_inject_due(void);
uint64_t host_inject_next_time(void);
bool host_inject_on_syscall(uint32_t id, uint64_t *delay);
void host_inject_hold_current(uint64_t extra_delay);

/* Whether the run injects anything at all. Invariant: without injections
 * nothing swallows a syscall, delays one or starves a thread (only
 * inject.c adds to host.starve_pending), so every other question below is
 * answered "no" by this one. */
static inline bool host_inject_any(void)
{
	return host.opts.injection_count != 0;
}

/* A syscall `id` entering the kernel: true when an injection swallows it;
 * *delay is the hold it adds (0 without one). */
static inline bool host_inject_swallows(uint32_t id, uint64_t *delay)
{
	*delay = 0;
	return host_inject_any() && host_inject_on_syscall(id, delay);
}

/* Whether host_inject_hold_current(delay) has anything to hold: the
 * syscall's injected delay or a starvation pending for the current thread. */
static inline bool host_inject_hold_due(uint64_t delay)
{
	return delay != 0 || (host.current != PWK_NONE && host.starve_pending[host.current] != 0);
}

#endif
