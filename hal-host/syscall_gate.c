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
#include "inject.h"
#include "interrupt.h"
#include "machine.h"

pwk_syscall_ret_t host_syscall(pwk_word_t id, const pwk_word_t args[PWK_SYSCALL_ARGS_MAX]);
void host_preempt(void);

static void collect_or_fault(void)
{
	if (!host_budget_collect()) {
		host_fault_current("wrote its basic-block budget counter (more left than granted)");
	}
}

/* The budget hook's entry (a preemption gate): the budget ran out. No
 * syscall id reaches this, so every id is the kernel's to decode. The hook
 * enters only when the counter reaches 0; process code that enters with
 * budget left (the gate's address is in its link page) would make kernel
 * entries that charge no time, so a loop of them would stop the virtual
 * clock: it faults, as code that jumps into a kernel on hardware does. */
void host_preempt(void)
{
	host.preempt_entries++;
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

/* The return to user mode in the general order, each step a call only
 * when its owner says it has something to do: the interrupt point, the
 * hold of an injected delay or starvation, the grant. */
static void return_general(int64_t *budget, uint64_t delay)
{
	if (host_interrupt_point_due()) {
		host_interrupt_point();
	}
	if (host_inject_hold_due(delay)) {
		host_inject_hold_current(delay);
	}
	if (budget == NULL || !host_budget_grant_common(budget)) {
		host_budget_grant();
	}
}

/* return_general() for a common syscall whose return is not common,
 * handing its result through: a tail call, so that the common return
 * keeps the result in registers with nothing saved around a call. */
__attribute__((noinline)) static pwk_syscall_ret_t return_general_with(pwk_syscall_ret_t ret,
								       int64_t *budget)
{
	return_general(budget, 0);
	return ret;
}

/* Anything but the common syscall: the entry's charges one by one, the
 * injections' say on the syscall, then the general return. Out of line, so
 * that the common one keeps nothing across the kernel call. */
__attribute__((noinline)) static pwk_syscall_ret_t
syscall_general(pwk_word_t id, const pwk_word_t args[PWK_SYSCALL_ARGS_MAX])
{
	charge_entry_general();
	uint64_t delay;
	pwk_syscall_ret_t ret = {0, 0}; /* a dropped syscall "succeeds" */
	if (!host_inject_swallows((uint32_t)id, &delay)) {
		ret = pwk_trap_syscall((uint32_t)id, args);
	}
	/* The same thread returns (its kernel stack is this one), so the
	 * counter is the one found at entry; read again rather than kept
	 * across the call. */
	return_general(host_budget_counter(), delay);
	return ret;
}

/* `args` is the gate's array on this kernel stack (context_x86_64.S):
 * a0..a5 from the registers and two zero words. */
pwk_syscall_ret_t host_syscall(pwk_word_t id, const pwk_word_t args[PWK_SYSCALL_ARGS_MAX])
{
	/* The common entry charges blocks and cost with one clock update; a
	 * seeded delay, injections, a missing or odd counter or the time limit
	 * take the general path, which charges them one by one as budget.c
	 * says. */
	if (!host_budget_charge_entry(host_budget_counter(), host.opts.syscall_cost)) {
		return syscall_general(id, args);
	}
	host.outcome.syscalls++;
	/* A common entry means no injection (host.budget_common), so none
	 * swallows this syscall, delays it or holds the thread on its way out
	 * (inject.h's invariant): the kernel call, then the return. */
	const pwk_syscall_ret_t ret = pwk_trap_syscall((uint32_t)id, args);
	/* The common return: no irq pending and the clock before the next
	 * event (so the interrupt point has nothing to do either), and the
	 * grant runs to that event. The returning thread may be another
	 * (a switch): its counter is read now. */
	int64_t *budget = host_budget_counter();
	if (__builtin_expect(!host_budget_grant_before_event(budget), 0)) {
		return return_general_with(ret, budget);
	}
	return ret;
}
