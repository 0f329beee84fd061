/* SPDX-License-Identifier: Apache-2.0 */
/*
 * hal_fake.h — a deterministic fake HAL for kernel-core unit tests.
 *
 * Threads are ucontexts on malloc'd stacks. A thread's "user mode" is a C
 * function `void fn(pwk_word_t a0, pwk_word_t a1, pwk_word_t a2)` (its pc)
 * that makes syscalls by calling pwk_trap_syscall() through the u_*
 * wrappers of fake_user.h; if it returns, the thread calls thread_exit(0).
 * Processes' memory is whatever arrays the test declares as regions;
 * hal_user_ptr() is the identity (and aborts if the kernel asks for an
 * address outside the process's regions).
 *
 * Time is virtual: it moves only when a thread calls fake_advance() or when
 * every thread is blocked (hal_idle() jumps to the armed deadline or to the
 * next scheduled interrupt). The tick comes from fake_tick(), or from
 * fake_advance() with a tick period (fake_set_tick_period()). When nothing
 * can ever wake a thread the run ends as a deadlock. fake_run() returns at shutdown or deadlock.
 */
#ifndef HAL_FAKE_H
#define HAL_FAKE_H

#include <pwk/hal.h>
#include <pwk/kernel.h>

#include "fake_system.h"
#include "fake_user.h"

#define FAKE_UNUSED __attribute__((unused))

/* Declares a thread entry function. */
#define FAKE_ENTRY(name)                                                                           \
	static void name(pwk_word_t a0 FAKE_UNUSED, pwk_word_t a1 FAKE_UNUSED,                     \
			 pwk_word_t a2 FAKE_UNUSED)

typedef void (*fake_entry_fn)(pwk_word_t a0, pwk_word_t a1, pwk_word_t a2);

/* --- running a system (from the test's own context) ------------------------ */

/* Forgets the previous system and every recorded effect; time back to 0. */
void fake_reset(void);

/* Lays out the declared system (fake_system.h) and boots it. */
pwk_status_t fake_boot(void);

/* Boots a hand-made description instead. */
pwk_status_t fake_boot_desc(const struct pwk_system_desc *system);

enum fake_end {
	FAKE_SHUTDOWN, /* debug_shutdown(code) */
	FAKE_DEADLOCK, /* every thread blocked with nothing armed */
	FAKE_STUCK,    /* hal_idle() called too often without progress */
};

struct fake_result {
	enum fake_end end;
	uint32_t code;
};

/* pwk_run() until the system shuts down or deadlocks. */
struct fake_result fake_run(void);

/* fake_boot() (which must succeed) then fake_run(). */
struct fake_result fake_boot_and_run(void);

/* Sets the clock (before running). */
void fake_set_now(pwk_instant_t now);

/* Makes the scheduler tick (pwk_trap_tick) fire each time fake_advance()
 * crosses a multiple of `period` (0, the default: only fake_tick() ticks).
 * With pw_kernel's tick-granular deadlines (the default boot options) a
 * deadline reached while a thread spins fires at the next tick. */
void fake_set_tick_period(pwk_instant_t period);

/* Makes interrupt `irq` fire at instant `at` (delivered when time reaches
 * it: from hal_idle(), or from fake_advance()). */
void fake_schedule_irq(uint32_t irq, pwk_instant_t at);

/* Whether hal_irq_trigger() succeeds (default: true). Triggered irqs are
 * delivered when the triggering thread returns to user mode. */
void fake_set_trigger_supported(bool supported);

/* --- from a thread's user mode ------------------------------------------- */

/* Spends `ticks` of time in user mode; a deadline or a scheduled interrupt
 * reached meanwhile is delivered (and may switch threads). */
void fake_advance(pwk_instant_t ticks);

/* The tick interrupt: the current thread's time slice is used up. */
void fake_tick(void);

/* An interrupt on `irq` while in user mode. */
void fake_irq(uint32_t irq);

/* The current thread faults (never returns). */
_Noreturn void fake_fault(void);

/* Records `value` in the event log (for ordering checks). */
void fake_event(int value);

/* Delivers irqs triggered by debug_trigger_interrupt (called after each
 * syscall by the u_* wrappers). */
void fake_deliver_triggered(void);

/* --- what happened ----------------------------------------------------------- */

pwk_instant_t fake_now(void);
pwk_instant_t fake_armed(void); /* last hal_timer_arm() */
uint32_t fake_timer_arms(void); /* hal_timer_arm() calls */

const int *fake_events(size_t *count);
const char *fake_console(size_t *len); /* NUL-terminated */
const struct pwk_trace_record *fake_traces(size_t *count);
size_t fake_trace_count(pwk_trace_kind_t kind);
/* The reason of the last USER_ERROR record, or NULL. */
const char *fake_last_user_error(void);

const uint32_t *fake_irqs_enabled(size_t *count);
const uint32_t *fake_irqs_acked(size_t *count);

uint32_t fake_switches(void);
uint32_t fake_protection_applies(void);
uint32_t fake_last_protection(void);

/* What the last hal_thread_prepare() of `thread` received. */
struct fake_prepared {
	uint32_t process;
	uintptr_t pc;
	uintptr_t sp;
	pwk_word_t a0;
	pwk_word_t a1;
	pwk_word_t a2;
	uint32_t count; /* how many times it was prepared */
};
const struct fake_prepared *fake_prepared(uint32_t thread);

#endif /* HAL_FAKE_H */
