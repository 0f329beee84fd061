/*
 * budget_host.c — deterministic preemption on hal-host. Process code is
 * compiled with -fsanitize-coverage=trace-pc, so the compiler calls a hook
 * (__sanitizer_cov_trace_pc, budget_host.S) at every basic block. It counts
 * the block against the thread's budget and, when the budget is spent,
 * enters hal-host as a timer interrupt would: the same block of the same
 * run is always the preemption point. Here: the hook's way while pwsim fuzz
 * maps a coverage map, and the gcov stubs.
 *
 * This file itself is built without the instrumentation.
 */
#include <pwk/user.h>

#include "host_link.h"

extern int64_t *__pwk_host_budget;
extern uint8_t *__pwk_host_coverage;
void pwk_host_preempt(void); /* syscall_host.S */

void pwk_host_covered_block(void);
void __gcov_init(void *info);
void __gcov_exit(void);
void __gcov_merge_add(void *counters, unsigned n);

/* An edge of the fuzzed process's control flow (pwsim fuzz): AFL's scheme,
 * map[hash(block) ^ hash(previous block) >> 1]++. The block is the hook's
 * return address, which is the same in every run (regions and images sit
 * at fixed addresses), so the map is deterministic. The state lives in the
 * coverage memory, not in process RAM: fuzzing leaves the process's memory
 * and budget exactly as in a normal run. */
static void coverage_edge(uint8_t *map, uintptr_t block)
{
	uint32_t h = (uint32_t)(block * UINT64_C(0x9E3779B97F4A7C15) >> 32);
	uint32_t *prev = (uint32_t *)(void *)(map + PWK_HOST_COVERAGE_PREV_OFFSET);
	uint8_t *counter = &map[(h ^ *prev) % PWK_HOST_COVERAGE_MAP_BYTES];
	/* Never wraps to 0 (AFL++'s NeverZero): a hit edge stays visible. */
	*counter = (uint8_t)(*counter + 1 + (*counter == 255));
	*prev = h >> 1;
}

/* The hook with a coverage map (budget_host.S jumps here, so the return
 * address is still the block's): the edge, then the block's count as the
 * hook's own. */
void pwk_host_covered_block(void)
{
	coverage_edge(__pwk_host_coverage, (uintptr_t)__builtin_return_address(0));
	if (--*__pwk_host_budget <= 0) {
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
