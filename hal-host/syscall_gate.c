/*
 * syscall_gate.c — the C side of the host "ecall": context_x86_64.S has
 * moved to the current thread's kernel stack and calls host_syscall with
 * the id and the argument words. On the way back to user mode the thread
 * passes an interrupt point, as an interrupt masked during the syscall
 * would be taken right after mret on hardware.
 */
#include <pwk/hal.h>
#include <pwk/kernel.h>

#include "budget.h"
#include "host_link.h"
#include "machine.h"

pwk_syscall_ret_t host_syscall(pwk_word_t id, const pwk_word_t args[PWK_SYSCALL_ARGS_MAX]);
void host_preempt(void);

static void collect_or_fault(void)
{
	if (!host_budget_collect()) {
		host_fault_current("wrote its basic-block budget counter (more left than granted)");
	}
}

/* The budget hook's entry (host_preempt_gate): the budget ran out. No
 * syscall id reaches this, so every id is the kernel's to decode. The hook
 * enters only when the counter reaches 0; process code that enters with
 * budget left (the gate's address is in its link page) would make kernel
 * entries that charge no time, so a loop of them would stop the virtual
 * clock: it faults, as code that jumps into a kernel on hardware does. */
void host_preempt(void)
{
	host.entries++;
	const int64_t *budget = host_budget_counter();
	if (budget != NULL && host.budget_granted > 0 && *budget > 0 &&
	    *budget <= host.budget_granted) {
		(void)host_budget_collect();
		host_fault_current("entered the simulator's preemption gate with basic-block "
				   "budget left (only the block counter's hook may, when the "
				   "budget is spent)");
	}
	collect_or_fault();
	host_preempt_point();
	host_inject_hold_current(0);
	host_budget_grant();
}

/* Whether host_interrupt_point() has anything to do: on the IPC path the
 * answer is no, and saying so takes a few loads instead of the calls. */
static inline bool interrupt_point_due(void)
{
	return host.opts.injection_count != 0 || host_any_irq_pending() || host.now >= host.armed ||
	       (host.opts.tick_period != 0 && host.now >= host.next_tick);
}

/* The entry's charges in the general order: the blocks run (or a fault
 * for a tampered counter), then the syscall's cost with its seeded delay. */
static void charge_entry_general(void)
{
	collect_or_fault();
	host.outcome.syscalls++;
	uint64_t cost = host.opts.syscall_cost;
	if (host.opts.seed != 0 && host.opts.delay_max != 0 && host_rng_below(&host.rng, 8) == 0) {
		/* delay_max may be UINT64_MAX when hal-host is driven directly. */
		uint64_t span =
			host.opts.delay_max < UINT64_MAX ? host.opts.delay_max + 1 : UINT64_MAX;
		cost += host_rng_below(&host.rng, span);
	}
	host_clock_advance(cost);
}

/* `args` is the gate's array on this kernel stack (context_x86_64.S):
 * a0..a5 from the registers and two zero words. */
pwk_syscall_ret_t host_syscall(pwk_word_t id, const pwk_word_t args[PWK_SYSCALL_ARGS_MAX])
{
	host.entries++;
	/* The common entry charges blocks and cost with one clock update; a
	 * seeded delay, a missing or odd counter or the time limit take the
	 * general path, which charges them one by one as budget.c says. */
	int64_t *budget = host_budget_counter();
	if (budget != NULL && host_budget_charge_entry(budget, host.opts.syscall_cost)) {
		host.outcome.syscalls++;
	} else {
		charge_entry_general();
	}
	uint64_t delay = 0;
	pwk_syscall_ret_t ret = {0, 0}; /* a dropped syscall "succeeds" */
	if (host.opts.injection_count == 0 || !host_inject_on_syscall((uint32_t)id, &delay)) {
		ret = pwk_trap_syscall((uint32_t)id, args);
	}
	/* The same thread returns (its kernel stack is this one), so the
	 * counter is the one found at entry; read again rather than kept
	 * across the call (one callee-saved register less). */
	budget = host_budget_counter();
	/* The common return: nothing due before the next event (so no
	 * interrupt point: now < armed and now < the tick), no hold, and the
	 * grant runs to that event. Anything else takes the steps below. */
	if (budget != NULL && host.budget_common && delay == 0 &&
	    host.starve_pending[host.current] == 0 && !host_any_irq_pending()) {
		const uint64_t next = host_budget_next_event_common();
		if (host.now < next) {
			host_budget_grant_until(budget, next);
			return ret;
		}
	}
	/* Each step below is a call only when it has something to do. */
	if (interrupt_point_due()) {
		host_interrupt_point();
	}
	if (delay != 0 || host.starve_pending[host.current] != 0) {
		host_inject_hold_current(delay);
	}
	if (budget == NULL || !host_budget_grant_common(budget)) {
		host_budget_grant();
	}
	return ret;
}
