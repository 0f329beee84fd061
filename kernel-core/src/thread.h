/* SPDX-License-Identifier: Apache-2.0 */
/*
 * thread.h — threads and thread objects (pw_kernel §2.5, §1.7).
 *
 * A thread's object state is derived from its scheduler state: STOPPED is
 * the object's "Stopped"; every other state is "Running" (started and not
 * yet joined). A thread runs in the process that started it (its `process`
 * changes at thread_start, as in pw_kernel).
 */
#ifndef PWK_THREAD_H
#define PWK_THREAD_H

#include <pwk/kernel.h>

#include "object.h"

/* The state of one wait; valid while the thread is on a waiter list. */
struct pwk_wait {
	struct pwk_object *object; /* NULL when not waiting */
	uint32_t object_index;
	pwk_signals_t mask;
	pwk_instant_t deadline; /* PWK_INSTANT_MAX: none */
	/* Set when the outcome is decided; the thread stays on the waiter list
	 * until it runs, so later matching signals overwrite `result`. */
	bool woken;
	pwk_status_t status;
	struct pwk_wait_result result;
};

/* A thread's place in the timer queue, a pairing heap (timer.c): `prev` is
 * the parent for a first child, else the left sibling; NULL for the root. */
struct pwk_timer_node {
	struct pwk_timer_node *child;
	struct pwk_timer_node *next;
	struct pwk_timer_node *prev;
	bool queued;
};

struct pwk_thread {
	struct pwk_object obj; /* JOINABLE */
	uint32_t index;
	uint32_t process; /* the process it runs in */
	uint32_t priority;
	pwk_thread_state_t state;
	bool terminating; /* exits instead of returning to user mode */
	pwk_exit_tag_t exit_tag;
	pwk_word_t exit_payload;
	struct pwk_list_node run_link;  /* run queue */
	struct pwk_list_node wait_link; /* waited object's waiters */
	struct pwk_timer_node timer;
	uint64_t timer_seq;
	struct pwk_wait wait;
};

/* Boot: every thread STOPPED in its declared process. */
void pwk__thread_reset_all(const struct pwk_system_desc *system);

/* The thread of global index `index` (must exist). */
struct pwk_thread *pwk__thread_get(uint32_t index);

/* The thread behind a THREAD object. */
struct pwk_thread *pwk__thread_from_object(struct pwk_object *obj);

/* Starts STOPPED thread `t` in `process` at `pc`/`sp` with a0..a2: prepares
 * its context and queues it (back of its level). The process must be
 * accepting threads. */
void pwk__thread_launch(struct pwk_thread *t, uint32_t process, uintptr_t pc, uintptr_t sp,
			pwk_word_t a0, pwk_word_t a1, pwk_word_t a2);

/* thread_start: ALREADY_EXISTS unless STOPPED; FAILED_PRECONDITION unless
 * `process` (the caller's) is active. Arguments a0..a2 are 0. */
pwk_status_t pwk__thread_start(struct pwk_thread *t, uint32_t process, uintptr_t pc, uintptr_t sp);

/* task_terminate(thread): FAILED_PRECONDITION when STOPPED; otherwise marks
 * it TerminatedBySyscall (asynchronous; an exited, unjoined thread's status
 * is replaced) and returns OK. */
pwk_status_t pwk__thread_terminate(struct pwk_thread *t);

/* task_join(thread): FAILED_PRECONDITION when STOPPED, UNAVAILABLE until it
 * has exited; then its status, JOINABLE cleared, and STOPPED again. */
pwk_status_t pwk__thread_join(struct pwk_thread *t, pwk_exit_tag_t *tag, pwk_word_t *payload);

/* Joins exited (TERMINATED) `t` without reporting its status: STOPPED,
 * JOINABLE cleared. */
void pwk__thread_reap(struct pwk_thread *t);

/* Asks `t` to exit with the given status at its next return to user mode
 * and cancels its wait. The first request's status wins unless `override`
 * (process termination replaces a thread's own status). */
void pwk__thread_mark_terminating(struct pwk_thread *t, pwk_exit_tag_t tag, pwk_word_t payload,
				  bool override);

/* The current thread exits with the given status. Never returns. */
_Noreturn void pwk__thread_exit(pwk_exit_tag_t tag, pwk_word_t payload);

/* The end of a syscall: a terminating current thread exits here. Nothing
 * else: as in pw_kernel, a thread the syscall woke or started waits until
 * the caller blocks or the next interrupt, even if it has a higher
 * priority. */
void pwk__thread_exit_if_terminating(void);

/* At the end of an interrupt-like entry (timer, tick, irq, kill): a
 * terminating current thread exits here, and a strictly higher-priority
 * ready thread preempts the current one. */
void pwk__thread_return_to_user(void);

#endif /* PWK_THREAD_H */
