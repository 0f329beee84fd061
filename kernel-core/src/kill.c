/* SPDX-License-Identifier: Apache-2.0 */
/*
 * kill.c — pwk_process_kill: a process is terminated from outside any
 * process (a supervisor's watchdog, the simulator's fault injection). The
 * effect is task_terminate's, with the exit status the caller chooses.
 */
#include <pwk/kernel.h>

#include "boot.h"
#include "process.h"
#include "sched.h"
#include "thread.h"

void pwk_process_kill(uint32_t process, pwk_exit_tag_t tag)
{
	const struct pwk_system_desc *system = pwk__system();
	if (system == NULL || process >= system->process_count) {
		return;
	}
	struct pwk_process *p = pwk__process_get(process);
	if (p->state == PWK_PROCESS_INACTIVE) {
		return; /* not running: nothing to kill */
	}
	pwk__process_kill(p, tag, 0);
	/* Taken while a thread runs: end like any entry (the current thread
	 * exits here if it was in the killed process). */
	if (!pwk__sched_idle() && pwk__sched_current() != NULL) {
		pwk__thread_return_to_user();
	}
}
