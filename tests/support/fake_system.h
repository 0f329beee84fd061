/* SPDX-License-Identifier: Apache-2.0 */
/*
 * fake_system.h — a small builder for system descriptions in tests.
 *
 * Declare processes, then their regions, threads and objects in any order;
 * fake_system() lays the description out as pwk_boot() wants it (each
 * process's objects contiguous, its own `process` object appended last).
 * Handles returned are the process-local indexes user code passes.
 */
#ifndef FAKE_SYSTEM_H
#define FAKE_SYSTEM_H

#include <pwk/system.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef void (*fake_entry_fn)(pwk_word_t a0, pwk_word_t a1, pwk_word_t a2);

#define FAKE_PRIORITY_DEFAULT 15

/* Kernel boot options (PWK_BOOT_* bits; default 0, pw_kernel's behaviour). */
void fake_options(uint32_t options);

/* A new process; returns its index. */
uint32_t fake_process(const char *name);

/* a0 (index_in_app) and a1 (start_arg1) of its start_with_process threads. */
void fake_process_args(uint32_t process, uint32_t index_in_app, uintptr_t start_arg1);

/* A region of `process` over `mem` with PWK_ACCESS_* bits. */
void fake_region(uint32_t process, void *mem, size_t size, uint32_t access);

/* A thread that starts with its process at `fn`; returns its thread index. */
uint32_t fake_thread(uint32_t process, const char *name, uint32_t priority, fake_entry_fn fn);

/* A thread that does not start with its process (thread_start starts it). */
uint32_t fake_thread_stopped(uint32_t process, const char *name, uint32_t priority);

/* Objects: each returns its handle in `process` (declaration order). */
uint32_t fake_thread_object(uint32_t process, uint32_t thread);
uint32_t fake_wait_group(uint32_t process);
uint32_t fake_interrupt(uint32_t process, const uint32_t *irqs, uint32_t irq_count);
uint32_t fake_process_object(uint32_t process, uint32_t linked_process);
uint32_t fake_unpaired_handler(uint32_t process);
/* A channel: initiator in `init_process`, handler in `handler_process`. */
void fake_channel(uint32_t init_process, uint32_t *init_handle, uint32_t handler_process,
		  uint32_t *handler_handle);

/* The handle of the process's own `process` object (valid once all its
 * objects are declared). */
uint32_t fake_own_process_handle(uint32_t process);

/* The global object index of `handle` in `process` (for thread reports). */
uint32_t fake_object_index(uint32_t process, uint32_t handle);

/* Lays out and returns the description (stays valid until fake_reset()). */
const struct pwk_system_desc *fake_system(void);

/* Forgets every declaration. */
void fake_system_reset(void);

#endif /* FAKE_SYSTEM_H */
