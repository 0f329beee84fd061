/* SPDX-License-Identifier: Apache-2.0 */
/*
 * kc_test.h — shared helpers of the kernel-core unit tests.
 *
 * Thread bodies check with cr_expect_* (non-fatal: it never jumps out of a
 * thread's context); the test body then asserts how the run ended.
 */
#ifndef KC_TEST_H
#define KC_TEST_H

#include <criterion/criterion.h>
#include <string.h>

#include "hal_fake.h"

#define RW      (PWK_ACCESS_R | PWK_ACCESS_W)
#define RO      PWK_ACCESS_R
#define PRIO    FAKE_PRIORITY_DEFAULT
#define FOREVER PWK_INSTANT_MAX

/* Signal masks, as the tests spell them. */
#define R    PWK_SIGNAL_READABLE
#define W    PWK_SIGNAL_WRITEABLE
#define E    PWK_SIGNAL_ERROR
#define USER PWK_SIGNAL_USER

/* Expects a Result-returning wrapper call (evaluated once) to give `status`. */
#define expect_status(call, status)                                                                \
	do {                                                                                       \
		const int got_ = (int)u_status(call);                                              \
		const int want_ = (int)(status);                                                   \
		cr_expect_eq(got_, want_, "%s: status %d, want %d", #call, got_, want_);           \
	} while (0)

/* Expects a wrapper call (evaluated once) to return `value` (>= 0). */
#define expect_value(call, value)                                                                  \
	do {                                                                                       \
		const intptr_t got_ = (call);                                                      \
		const intptr_t want_ = (intptr_t)(value);                                          \
		cr_expect_eq(got_, want_, "%s: %jd, want %jd", #call, (intmax_t)got_,              \
			     (intmax_t)want_);                                                     \
	} while (0)

/* Expects the active signals of `handle` to be exactly `signals`. */
#define expect_signals(handle, signals)                                                            \
	do {                                                                                       \
		const uint32_t got_ = u_signals(handle);                                           \
		const uint32_t want_ = (signals);                                                  \
		cr_expect_eq(got_, want_, "signals of %s: %#x, want %#x", #handle, got_, want_);   \
	} while (0)

/* Boots the declared system, runs it and asserts it shut down with `code`. */
static inline void run_expecting_shutdown(uint32_t code)
{
	struct fake_result r = fake_boot_and_run();
	cr_assert_eq(r.end, FAKE_SHUTDOWN, "run ended with %d, not a shutdown", (int)r.end);
	cr_assert_eq(r.code, code, "shutdown code %u, want %u", r.code, code);
}

/* Adds a thread of priority PRIO to `process` for each non-NULL entry. */
static inline void add_threads(uint32_t process, fake_entry_fn a, fake_entry_fn b, fake_entry_fn c)
{
	const fake_entry_fn fns[] = {a, b, c};
	for (size_t i = 0; i < sizeof(fns) / sizeof(fns[0]); i++) {
		if (fns[i] != NULL) {
			fake_thread(process, "t", PRIO, fns[i]);
		}
	}
}

/* Asserts the event log is exactly `want[0..n)`. */
static inline void expect_events(const int *want, size_t n)
{
	size_t count;
	const int *events = fake_events(&count);
	cr_assert_eq(count, n, "%zu events, want %zu", count, n);
	for (size_t i = 0; i < n; i++) {
		cr_expect_eq(events[i], want[i], "event %zu is %d, want %d", i, events[i], want[i]);
	}
}

#endif /* KC_TEST_H */
