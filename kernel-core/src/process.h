/* SPDX-License-Identifier: Apache-2.0 */
/*
 * process.h — processes and process objects (pw_kernel §2.6, §1.7).
 *
 * Kernel states: INACTIVE → ACTIVE → TERMINATING → TERMINATED → (join)
 * INACTIVE. The object is "Stopped" when INACTIVE and "Running" otherwise.
 * JOINABLE is raised when the last thread of a terminating process is gone.
 */
#ifndef PWK_PROCESS_H
#define PWK_PROCESS_H

#include "object.h"

enum pwk_process_state {
	PWK_PROCESS_INACTIVE,
	PWK_PROCESS_ACTIVE,
	PWK_PROCESS_TERMINATING,
	PWK_PROCESS_TERMINATED,
};

struct pwk_process {
	struct pwk_object obj; /* JOINABLE */
	uint32_t index;
	const struct pwk_process_desc *desc;
	enum pwk_process_state state;
	uint32_t live_threads; /* started and not exited, running in it */
	pwk_exit_tag_t exit_tag;
	pwk_word_t exit_payload;
};

/* Boot: every process INACTIVE. */
void pwk__process_reset_all(const struct pwk_system_desc *system);

struct pwk_process *pwk__process_get(uint32_t index);

struct pwk_process *pwk__process_from_object(struct pwk_object *obj);

/* process_start: ALREADY_EXISTS unless INACTIVE with all its
 * start_with_process threads STOPPED; then ACTIVE with those threads queued. */
pwk_status_t pwk__process_start(struct pwk_process *p);

/* task_terminate(process): FAILED_PRECONDITION when INACTIVE; otherwise
 * terminates it with TerminatedBySyscall (asynchronous; OK if already dying). */
pwk_status_t pwk__process_terminate(struct pwk_process *p);

/* task_join(process): FAILED_PRECONDITION when INACTIVE, UNAVAILABLE until
 * TERMINATED; then its status, every object of its table reset, its exited
 * unjoined threads joined (STOPPED), INACTIVE. */
pwk_status_t pwk__process_join(struct pwk_process *p, pwk_exit_tag_t *tag, pwk_word_t *payload);

/* Moves an ACTIVE process to TERMINATING with the given status (the first
 * status wins) and asks each of its threads to exit. */
void pwk__process_kill(struct pwk_process *p, pwk_exit_tag_t tag, pwk_word_t payload);

/* process_exit / a fault: `p` (the current thread's process) ends with the
 * given status (unless it is already ending), and the current thread exits.
 * Never returns. */
_Noreturn void pwk__process_exit(struct pwk_process *p, pwk_exit_tag_t tag, pwk_word_t payload);

/* True when threads may be started in it (ACTIVE). */
bool pwk__process_accepts_threads(const struct pwk_process *p);

/* True when its threads exit as ProcessTerminated (TERMINATING). */
bool pwk__process_terminating(const struct pwk_process *p);

/* Thread accounting: a thread started in / gone from `p`. */
void pwk__process_thread_added(struct pwk_process *p);
void pwk__process_thread_removed(struct pwk_process *p);

#endif /* PWK_PROCESS_H */
