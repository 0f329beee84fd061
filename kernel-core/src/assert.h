/* SPDX-License-Identifier: Apache-2.0 */
/*
 * assert.h — kernel invariants. PWK_ASSERT is for kernel bugs only, never
 * for user input (that gets a status code): every assertion a fuzzer trips
 * is a kernel bug. The HAL turns a failure into a trace dump + abort in the
 * simulator and a halt with an epitaph on hardware.
 */
#ifndef PWK_ASSERT_H
#define PWK_ASSERT_H

#include <pwk/hal.h>

#define PWK_ASSERT(cond) ((cond) ? (void)0 : hal_panic(__FILE__, __LINE__, #cond))

/* Marks a point the control flow can never reach (after a switch away from a
 * thread that has exited, for example). */
#define PWK_UNREACHABLE() hal_panic(__FILE__, __LINE__, "unreachable")

#define PWK_CONTAINER_OF(ptr, type, member) ((type *)(void *)((char *)(ptr)-offsetof(type, member)))

#endif /* PWK_ASSERT_H */
