/* SPDX-License-Identifier: Apache-2.0 */
/*
 * fastpath.h — the IPC fast path (seL4's fastpath, docs/fastpath.md): the
 * syscalls of a channel round trip decoded without the general checks'
 * bookkeeping, and a transact to a waiting handler switched to it directly.
 * Whenever a precondition fails it does nothing and the full path runs.
 */
#ifndef PWK_FASTPATH_H
#define PWK_FASTPATH_H

#include "syscall.h"
#include "thread.h"

/* Compiled in unless the build says otherwise (meson -Dfastpath=false). */
#ifndef PWK_FASTPATH
#define PWK_FASTPATH 1
#endif

/* Boot: the fast path runs unless `enabled` is false (PWK_BOOT_FULL_PATH). */
void pwk__fastpath_reset(bool enabled);

/* The syscall trap (pwk_trap_syscall, pwk/kernel.h) is defined in
 * fastpath.c, so that the fast path inlines into it, as seL4's fastpath is
 * entered straight from the trap; whatever it does not take goes to
 * pwk__syscall_full_path() (syscall.h). */

#endif /* PWK_FASTPATH_H */
