/*
 * budget.c — virtual time spent in user code, and deterministic preemption.
 *
 * Process code counts basic blocks (userspace/budget_host.c). On every
 * return to user mode hal-host grants the thread the number of blocks it may
 * run before the next event it must see — the scheduler tick, the armed
 * deadline, the time limit — so that a spinning thread enters the kernel at
 * the block where that event falls due, the same block in every run. On
 * every entry (syscall or budget exhausted) the blocks actually run are
 * charged to the clock at block_cost each.
 *
 * With a non-zero seed, a grant may instead end after a random number of
 * blocks within the preemption window, and that preemption point is then a
 * tick (the thread goes behind its equals): the seed moves preemption points,
 * which the system leaves free, and never changes what a syscall does.
 */
#include <pwk/hal.h>
#include <pwk/kernel.h>

#include "budget.h"
#include "inject.h"
#include "interrupt.h"

bool host_budget_collect(void)
{
	int64_t *budget = host_budget_counter();
	if (budget == NULL || host.budget_granted == 0) {
		return true;
	}
	int64_t left = *budget;
	if (left > host.budget_granted) {
		/* Only a write by process code makes the counter grow: charging
		 * it would run the clock backwards. Nothing is charged. */
		host.budget_granted = 0;
		*budget = HOST_BUDGET_MAX;
		return false;
	}
	int64_t used = host.budget_granted - (left > 0 ? left : 0);
	host.budget_granted = 0;
	*budget = HOST_BUDGET_MAX; /* until the next grant */
	if (used > 0) {
		host.outcome.blocks += (uint64_t)used;
		uint64_t ns;
		if (__builtin_mul_overflow((uint64_t)used, host.opts.block_cost, &ns)) {
			ns = UINT64_MAX; /* the clock saturates: the run hits its limit */
		}
		host_clock_advance(ns);
	}
	return true;
}

/* The common case's next event, or an injection's if one comes first. */
static uint64_t next_event(void)
{
	uint64_t next = host_budget_next_event_common();
	/* Most runs inject nothing: no scan on every return to user mode. */
	if (host.opts.injection_count != 0) {
		uint64_t inject = host_inject_next_time();
		next = inject < next ? inject : next;
	}
	return next;
}

/* A seeded run: the grant may end early, at a preemption point of its own.
 * Out of line, so that the unseeded grant saves no registers. */
__attribute__((noinline)) static uint64_t seeded_grant(uint64_t blocks)
{
	if (host_rng_below(&host.rng, 2) == 0) {
		uint64_t early = 1 + host_rng_below(&host.rng, host.opts.preempt_window);
		if (early < blocks) {
			host.forced_preempt = true;
			return early;
		}
	}
	return blocks;
}

void host_budget_grant(void)
{
	int64_t *budget = host_budget_counter();
	if (budget == NULL || host.opts.block_cost == 0) {
		return;
	}
	uint64_t blocks = host_budget_blocks_until(next_event());
	host.forced_preempt = false;
	if (host.opts.seed != 0 && host.opts.preempt_window != 0) {
		blocks = seeded_grant(blocks);
	}
	host.budget_granted = (int64_t)blocks;
	*budget = (int64_t)blocks;
}

void host_preempt_point(void)
{
	/* A seeded early preemption point falls before any due event: it is a
	 * tick of its own. Otherwise the budget ran out because an event is due. */
	if (host.forced_preempt) {
		host.forced_preempt = false;
		pwk_trap_tick();
	} else {
		host_interrupt_point();
	}
}
