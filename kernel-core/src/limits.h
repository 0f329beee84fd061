/* SPDX-License-Identifier: Apache-2.0 */
/*
 * limits.h — every bound of kernel-core in one place. All kernel state lives
 * in static arrays of these sizes, and every loop is bounded by one of them;
 * pwk_boot() rejects a system description that does not fit.
 */
#ifndef PWK_LIMITS_H
#define PWK_LIMITS_H

#include <pwk/abi.h>

#define PWK_PROCESSES_MAX 32
#define PWK_OBJECTS_MAX   512 /* object descriptions (handles) in the whole system */
#define PWK_THREADS_MAX   128
#define PWK_REGIONS_MAX   256

/* Storage pools of the object kinds that are not processes or threads. */
#define PWK_CHANNEL_ENDS_MAX      256 /* initiators + handlers */
#define PWK_WAIT_GROUPS_MAX       64
#define PWK_INTERRUPT_OBJECTS_MAX 32

/* Scheduler priority levels: 0 (idle) .. 31 (highest). */
#define PWK_PRIORITIES       32
#define PWK_PRIORITY_DEFAULT 15

/* Entries of one iovec buffer argument (a longer one is INVALID_ARGUMENT). */
#define PWK_IOVEC_ENTRIES_MAX 64

/* A waiter list holds at most every thread; a wait group at most every
 * object; the timer queue at most every thread. */
#define PWK_WAITERS_MAX            PWK_THREADS_MAX
#define PWK_WAIT_GROUP_MEMBERS_MAX PWK_OBJECTS_MAX
#define PWK_TIMERS_MAX             PWK_THREADS_MAX

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
