/*
 * budget.h — the common case of budget.c's collect and grant, inline for
 * host_syscall: one kernel entry charges the blocks run and the syscall's
 * cost with one clock update, and grants the next budget without a call.
 * Each helper says "not mine" (false) whenever anything rare applies — a
 * seeded draw, an injection, a tampered counter, an overflow, the time
 * limit — and the caller then takes budget.c's general path, which does
 * exactly what it did before: the same blocks are charged, the same budget
 * granted, the same preemption points fall in the same blocks.
 */
#ifndef PWK_HAL_HOST_BUDGET_H
#define PWK_HAL_HOST_BUDGET_H

#include "machine.h"

#define HOST_BUDGET_MAX (INT64_C(1) << 40)
/* host_budget_charge_entry()'s bound: fewer than 2^40 blocks at a
 * block_cost below 2^23 (host_machine_reset()) stay below 2^63. */
_Static_assert(HOST_BUDGET_MAX <= (INT64_C(1) << 40), "a charge must not overflow");

/* The budget counter of process `process`'s threads (the same host page
 * through every region's slot, region.h), NULL for an unmapped region. A
 * thread's process is set when it is prepared and its region stays mapped
 * for the run, so hal_thread_prepare() finds it once (host_thread.budget)
 * and hal_context_switch() hands it on. */
static inline int64_t *host_budget_counter_of(uint32_t process)
{
	const struct host_region *r = &host.regions[process];
	return r->mapped ? host_region_budget(r) : NULL;
}

/* The running thread's budget counter, NULL before the first switch. */
static inline int64_t *host_budget_counter(void)
{
	return host.current_budget;
}

/* A syscall's entry: the blocks run since the grant and the syscall's
 * cost `cost`, charged together. False, changing nothing, when budget.c's
 * host_budget_collect() and a separate clock advance must do it (also
 * whenever !host.budget_common: a seeded delay draws first, an injection
 * may apply). */
static inline bool host_budget_charge_entry(int64_t *budget, uint64_t cost)
{
	/* A syscall comes from user code, which runs only in a mapped region,
	 * whose threads were all given its counter (hal_thread_prepare):
	 * budget is not NULL here. */
	if (!host.budget_common) {
		return false;
	}
	const int64_t granted = host.budget_granted;
	const int64_t left = *budget;
	/* 1 <= left <= granted, in one unsigned compare; anything else —
	 * nothing granted, spent (0) or overrun, tampered — takes the general
	 * path, which charges it as budget.c says. */
	if ((uint64_t)left - 1 >= (uint64_t)granted) {
		return false;
	}
	/* used < HOST_BUDGET_MAX, and host.budget_common bounds block_cost and
	 * cost (host_machine_reset()), so used * block_cost + cost cannot
	 * overflow: only the clock's own addition can. */
	const uint64_t used = (uint64_t)(granted - left);
	uint64_t now;
	if (__builtin_add_overflow(host.now, used * host.opts.block_cost + cost, &now) ||
	    now > host.opts.time_limit) {
		return false; /* the clock saturates or the run ends: the general path */
	}
	/* The counter and host.budget_granted keep this grant's values until
	 * the next one (collect's resetting them is for the general path):
	 * under host.budget_common every return to user mode grants first
	 * (the common return, return_general's host_budget_grant_common(),
	 * thread_first_entry), and nothing reads either before that — the
	 * preemption gate and the fault entry come from user code, after a
	 * grant, and the watchdog reads the counter only in user mode. */
	host.outcome.blocks += used;
	host_clock_set(now);
	return true;
}

/* The next event a grant must stop at when there is no injection to scan:
 * the time limit, the armed deadline, the tick. Kept in host.horizon by
 * every writer of host.armed and host.next_tick (reset, hal_timer_arm, the
 * tick), so that a grant reads one word. */
/* host.return_horizon from host.horizon and the pending irqs: kept by
 * every writer of either (host_budget_horizon_update, clock.c's irq
 * bookkeeping), so that the common return needs no irq test of its own. */
static inline void host_budget_return_horizon_update(void)
{
	host.return_horizon = host.irq_pending_words != 0 ? 0 : host.horizon;
}

static inline void host_budget_horizon_update(void)
{
	uint64_t next = host.armed < host.time_limit_next ? host.armed : host.time_limit_next;
	if (host.opts.tick_period != 0 && host.next_tick < next) {
		next = host.next_tick;
	}
	host.horizon = next;
	host_budget_return_horizon_update();
}

static inline uint64_t host_budget_next_event_common(void)
{
	return host.horizon;
}

/* The blocks from now until `next`, rounded up, at least one and at most
 * HOST_BUDGET_MAX: the one rounding every grant uses. */
static inline uint64_t host_budget_blocks_until(uint64_t next)
{
	uint64_t blocks = next <= host.now ? 1
					   : (next - host.now + host.opts.block_cost - 1) /
						     host.opts.block_cost;
	return blocks > (uint64_t)HOST_BUDGET_MAX ? (uint64_t)HOST_BUDGET_MAX : blocks;
}

/* Grants the blocks until `next`; host.budget_common only (its callers'
 * condition). Invariant: then host.forced_preempt is false for the whole
 * run (only a seeded preemption window sets it, and that is not common),
 * so the grant leaves it alone. */
static inline void host_budget_grant_until(int64_t *budget, uint64_t next)
{
	uint64_t blocks = host_budget_blocks_until(next);
	host.budget_granted = (int64_t)blocks;
	*budget = (int64_t)blocks;
}

/* The common return of a common entry (host.budget_common), when no irq
 * is pending and the clock is before the next event: the blocks until
 * that event. False, changing nothing, otherwise (the general return
 * decides). The returning thread returns to user code, so it has a
 * counter (hal_thread_prepare). */
static inline bool host_budget_grant_before_event(int64_t *budget)
{
	/* 0 while an irq is pending: then no clock is before it. Otherwise
	 * host.horizon, the next event. */
	const uint64_t next = host.return_horizon;
	if (host.now >= next) {
		return false;
	}
	host_budget_grant_until(budget, next);
	return true;
}

/* A return to user mode with no injection and no seeded preemption: the
 * blocks until the next event. False when budget.c's host_budget_grant()
 * must decide. */
static inline bool host_budget_grant_common(int64_t *budget)
{
	if (!host.budget_common) {
		return false;
	}
	host_budget_grant_until(budget, host_budget_next_event_common());
	return true;
}

#endif
