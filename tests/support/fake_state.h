/* SPDX-License-Identifier: Apache-2.0 */
/*
 * fake_state.h — the state shared by the two halves of the fake HAL:
 * hal_fake.c (the hal_* functions and context switching) and fake_control.c
 * (running a system, user-mode helpers, what happened).
 */
#ifndef FAKE_STATE_H
#define FAKE_STATE_H

#include "hal_fake.h"

#include <ucontext.h>

#define STACK_SIZE        (256 * 1024)
#define THREADS_MAX       128
#define CONSOLE_MAX       (64 * 1024)
#define TRACES_MAX        16384
#define EVENTS_MAX        4096
#define IRQ_LIST_MAX      256
#define IDLE_WITHOUT_WORK 100000

struct fake_thread {
	ucontext_t ctx;
	void *stack;
	void *asan_fake_stack;
	struct fake_prepared prepared;
};

struct scheduled_irq {
	uint32_t irq;
	pwk_instant_t at;
};

struct fake_state {
	struct fake_thread threads[THREADS_MAX];
	ucontext_t main_ctx;
	ucontext_t boot_ctx;
	void *boot_stack;
	void *main_fake_stack;
	void *boot_fake_stack;
	const void *main_stack_bottom;
	size_t main_stack_size;
	struct fake_result result;
	const struct pwk_system_desc *system; /* booted by fake_boot*() */

	pwk_instant_t now;
	pwk_instant_t armed;
	pwk_instant_t tick_period; /* 0: no periodic tick */
	uint32_t arms;
	uint32_t idle_calls;

	bool trigger_supported;
	uint32_t triggered[IRQ_LIST_MAX];
	size_t triggered_count;
	struct scheduled_irq scheduled[IRQ_LIST_MAX];
	size_t scheduled_count;
	uint32_t enabled[IRQ_LIST_MAX];
	size_t enabled_count;
	uint32_t acked[IRQ_LIST_MAX];
	size_t acked_count;

	char console[CONSOLE_MAX + 1];
	size_t console_len;
	struct pwk_trace_record traces[TRACES_MAX];
	size_t trace_count;
	int events[EVENTS_MAX];
	size_t event_count;

	uint32_t switches;
	uint32_t protection_applies;
	uint32_t last_protection;
};

extern struct fake_state fake_st;

/* Reports a test-support bug and aborts. */
_Noreturn void fake__fail(const char *what);

/* A new thread stack of STACK_SIZE bytes. */
void *fake__new_stack(void);

/* Clears stale ASan poison from a reused stack (no-op without ASan). */
void fake__unpoison(void *stack);

/* ASan fiber-switch annotations (no-ops without ASan). */
void fake__switch_start(void **fake_stack_save, const void *bottom, size_t size);
void fake__switch_finish(void *fake_stack_save, const void **bottom_old, size_t *size_old);

/* The earliest scheduled irq due by now, taken off the list; false if none. */
bool fake__take_due_irq(uint32_t *irq);

#endif /* FAKE_STATE_H */
