/* SPDX-License-Identifier: Apache-2.0 */
/*
 * limits.h — every bound of kernel-core in one place. All kernel state lives
 * in static arrays of these sizes, and every loop is bounded by one of them;
 * pwk_boot() rejects a system description that does not fit.
 */
#ifndef PWK_LIMITS_H
#define PWK_LIMITS_H

#include <pwk/abi.h>

/* Every PWK_*_MAX below is a default: a board build passes smaller ones
 * with -D (e.g. -DPWK_THREADS_MAX=32) to fit its kernel RAM; the
 * _Static_asserts at the end keep them consistent. */
#ifndef PWK_PROCESSES_MAX
#define PWK_PROCESSES_MAX 32
#endif
#ifndef PWK_OBJECTS_MAX
#define PWK_OBJECTS_MAX 512 /* object descriptions (handles) in the whole system */
#endif
#ifndef PWK_THREADS_MAX
#define PWK_THREADS_MAX 128
#endif
#ifndef PWK_REGIONS_MAX
#define PWK_REGIONS_MAX 256
#endif

/* Storage pools of the object kinds that are not processes or threads. */
#ifndef PWK_CHANNEL_ENDS_MAX
#define PWK_CHANNEL_ENDS_MAX 256 /* initiators + handlers */
#endif
#ifndef PWK_WAIT_GROUPS_MAX
#define PWK_WAIT_GROUPS_MAX 64
#endif
#ifndef PWK_INTERRUPT_OBJECTS_MAX
#define PWK_INTERRUPT_OBJECTS_MAX 32
#endif

/* Scheduler priority levels: 0 (idle) .. 31 (highest). */
#define PWK_PRIORITIES       32
#define PWK_PRIORITY_DEFAULT 15

/* Entries of one iovec buffer argument (a longer one is INVALID_ARGUMENT).
 * Part of the ABI (docs/syscall-reference.md), so not overridable. */
#define PWK_IOVEC_ENTRIES_MAX 64

/* A waiter list holds at most every thread; a wait group at most every
 * object; the timer queue at most every thread. Derived, not overridable:
 * they bound loops that must reach every thread or object. */
#define PWK_WAITERS_MAX            PWK_THREADS_MAX
#define PWK_WAIT_GROUP_MEMBERS_MAX PWK_OBJECTS_MAX
#define PWK_TIMERS_MAX             PWK_THREADS_MAX

_Static_assert(PWK_PROCESSES_MAX > 0 && PWK_REGIONS_MAX > 0 && PWK_CHANNEL_ENDS_MAX > 0 &&
		       PWK_WAIT_GROUPS_MAX > 0 && PWK_INTERRUPT_OBJECTS_MAX > 0,
	       "every pool has room for one (a zero-length array is not C)");
_Static_assert(PWK_PROCESSES_MAX <= PWK_OBJECTS_MAX, "each process needs its process object");
_Static_assert(PWK_PROCESSES_MAX <= PWK_THREADS_MAX, "a process runs at least one thread");
_Static_assert(PWK_CHANNEL_ENDS_MAX <= PWK_OBJECTS_MAX, "channel ends are objects");
_Static_assert(PWK_WAIT_GROUPS_MAX <= PWK_OBJECTS_MAX, "wait groups are objects");
_Static_assert(PWK_INTERRUPT_OBJECTS_MAX <= PWK_OBJECTS_MAX, "interrupt objects are objects");
_Static_assert(PWK_WAIT_GROUP_MEMBERS_MAX <= PWK_OBJECTS_MAX, "members are objects");
_Static_assert(PWK_PRIORITIES == 32, "the ready bitmask is one 32-bit word");
_Static_assert(PWK_PRIORITY_DEFAULT < PWK_PRIORITIES, "default priority is a level");
_Static_assert(PWK_IOVEC_ENTRIES_MAX * sizeof(pwk_abi_iovec_t) <= 4096,
	       "an iovec array stays small enough to walk at copy time");
_Static_assert(PWK_OBJECTS_MAX < UINT32_MAX && PWK_THREADS_MAX < UINT32_MAX,
	       "indexes never collide with PWK_NONE");

#endif /* PWK_LIMITS_H */
