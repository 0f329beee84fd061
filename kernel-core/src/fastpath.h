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

/* Syscall `id` (16 bits) of `caller` with its argument words: false when it
 * is not one the fast path takes or a precondition fails, with nothing
 * done (not even the entry record). True when it ran the whole syscall:
 * entry and exit records emitted, a terminating caller gone
 * (pwk__syscall_end), and `ret` what the full path would have returned. */
bool pwk__fastpath(struct pwk_thread *caller, uint32_t id, const pwk_word_t *a,
		   pwk_syscall_ret_t *ret);

#endif /* PWK_FASTPATH_H */
