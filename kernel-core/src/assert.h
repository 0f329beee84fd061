/* SPDX-License-Identifier: Apache-2.0 */
/*
 * assert.h — kernel invariants. PWK_ASSERT is for kernel bugs only, never
 * for user input (that gets a status code): every assertion a fuzzer trips
 * is a kernel bug. The HAL turns a failure into a trace dump + abort in the
 * simulator and a halt with an epitaph on hardware.
 *
 * Two strengths, as Rust's assert! and debug_assert! (which pw_kernel uses
 * the same way): PWK_ASSERT is in every build; PWK_DEBUG_ASSERT checks
 * that the kernel's own data structures are intact (list linkage, a
 * wait's bookkeeping, the run queues) and is compiled in only when
 * PWK_DEBUG_ASSERTS is 1 — the ASan test build (build/, which runs every
 * test), the fuzz builds and debug builds — and out of release builds
 * (docs/design.md). A check that a state user input could reach stays a
 * PWK_ASSERT everywhere. The kernel's invariant checker (invariants.c),
 * which the fuzzers call, is separate code and the same in every build.
 */
#ifndef PWK_ASSERT_H
#define PWK_ASSERT_H

#include <pwk/hal.h>

/* PWK__TEXT(s): a diagnostic text (an assertion's expression, a user
 * error's reason). A build where nothing reads them — hal-veer has no trace
 * sink and its panic line names file:line — passes -DPWK_LEAN_STRINGS=1 and
 * they become "" (about 5 KiB of .rodata on RV32). */
#if defined(PWK_LEAN_STRINGS) && PWK_LEAN_STRINGS
#define PWK__TEXT(s) ""
#else
#define PWK__TEXT(s) s
#endif

#define PWK_ASSERT(cond) ((cond) ? (void)0 : hal_panic(__FILE__, __LINE__, PWK__TEXT(#cond)))

/* Unset (a build that does not say: the fuzz targets, the unit tests'
 * own compiles) means on; kernel-core/meson.build passes 0 for a release
 * build without sanitizers. Off, the condition is still compiled (so it
 * cannot rot) but never evaluated. */
#ifndef PWK_DEBUG_ASSERTS
#define PWK_DEBUG_ASSERTS 1
#endif
#if PWK_DEBUG_ASSERTS
#define PWK_DEBUG_ASSERT(cond) PWK_ASSERT(cond)
#else
#define PWK_DEBUG_ASSERT(cond) ((void)sizeof((cond) ? 1 : 0))
#endif

/* Marks a point the control flow can never reach (after a switch away from a
 * thread that has exited, for example). */
#define PWK_UNREACHABLE() hal_panic(__FILE__, __LINE__, "unreachable")

/* A function the compiler must inline wherever its body is visible (with
 * link-time optimisation, across files): for the IPC path's pieces, whose
 * inlining into pwk_trap_syscall the inliner's own heuristics moved with
 * unrelated changes (docs/fastpath.md). With `static` for a file's own. */
#define PWK__ALWAYS_INLINE __attribute__((always_inline)) inline

/* Kernel state shared between kernel-core files (declared extern so that a
 * hot reader can be inline): hidden, so that position-independent code
 * reaches it directly rather than through a global offset table the
 * freestanding kernel does not have. */
#define PWK__SHARED __attribute__((visibility("hidden")))

#define PWK_CONTAINER_OF(ptr, type, member) ((type *)(void *)((char *)(ptr)-offsetof(type, member)))

#endif /* PWK_ASSERT_H */
