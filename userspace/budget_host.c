/*
 * budget_host.c — deterministic preemption on hal-host. Process code is
 * compiled with -fsanitize-coverage=trace-pc, so the compiler calls this hook
 * at every basic block. It counts the block against the thread's budget and,
 * when the budget is spent, enters hal-host as a timer interrupt would: the
 * same block of the same run is always the preemption point.
 *
 * This file itself is built without the instrumentation.
 */
#include <pwk/user.h>

#include "host_link.h"

extern int64_t *__pwk_host_budget;
void pwk_host_preempt(void); /* syscall_host.S */

void __sanitizer_cov_trace_pc(void);
void __gcov_init(void *info);
void __gcov_exit(void);
void __gcov_merge_add(void *counters, unsigned n);

void __sanitizer_cov_trace_pc(void)
{
	int64_t *budget = __pwk_host_budget;
	if (budget != NULL && --*budget <= 0) {
		pwk_host_preempt();
	}
}

/* Process code is also built with -fprofile-arcs (see userspace/meson.build:
 * it makes GCC count empty loops). Its edge counters live in the process's
 * own RAM and are never written out, so the gcov runtime has nothing to do;
 * the constructors that would call __gcov_init are never run either. */
void __gcov_init(void *info)
{
	(void)info;
}

void __gcov_exit(void)
{
}

void __gcov_merge_add(void *counters, unsigned n)
{
	(void)counters;
	(void)n;
}
