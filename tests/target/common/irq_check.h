/*
 * irq_check.h — what the interrupt checks of tests/target share: waiting
 * on an interrupt object for an exact set of signals with a short
 * deadline, and polling it for none, each logging what it saw otherwise.
 * The deadline (10 ms) only bounds a failing run: a line that works fires
 * within microseconds.
 */
#ifndef IRQ_CHECK_H
#define IRQ_CHECK_H

#include <pwk/user.h>

/* Waits for `mask` and expects exactly `expected` with user_data 0. */
static inline pwk_status_t irq_expect(uint32_t handle, uint32_t mask, uint32_t expected,
				      const char *what)
{
	pwk_wait_result_t w = pwk_object_wait(handle, mask, pwk_deadline_after_ms(10));
	if (w.status != PWK_OK || w.pending_signals != expected || w.user_data != 0) {
		pwk_log("FAILED %s: status %u, signals 0x%x (expected 0x%x), user_data %u\n", what,
			(unsigned)w.status, (unsigned)w.pending_signals, (unsigned)expected,
			(unsigned)w.user_data);
		return w.status != PWK_OK ? w.status : PWK_INTERNAL;
	}
	return PWK_OK;
}

/* A poll: nothing in `mask` may be pending. */
static inline pwk_status_t irq_expect_quiet(uint32_t handle, uint32_t mask, const char *what)
{
	pwk_wait_result_t w = pwk_object_wait(handle, mask, pwk_now());
	if (w.status != PWK_DEADLINE_EXCEEDED) {
		pwk_log("FAILED %s: status %u, signals 0x%x (expected a timeout)\n", what,
			(unsigned)w.status, (unsigned)w.pending_signals);
		return w.status == PWK_OK ? PWK_INTERNAL : w.status;
	}
	return PWK_OK;
}

#endif
