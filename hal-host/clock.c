/*
 * clock.c — the virtual clock. Time is a count of virtual nanoseconds that
 * advances only by modelled costs (a fixed cost per syscall) and, when every
 * thread is blocked, by jumping to the next deadline (hal_idle). It never
 * reads the host's clock, so a run is the same on every machine.
 *
 * Interrupts (the deadline timer, the scheduler tick, software-triggered
 * irqs) are taken at interrupt points: when a thread is about to return to
 * user mode, as a masked interrupt would be taken on hardware.
 */
#include <pwk/hal.h>
#include <pwk/kernel.h>

#include "budget.h"
#include "interrupt.h"
#include "machine.h"

pwk_instant_t hal_now(void)
{
	return host.now;
}

void hal_timer_arm(pwk_instant_t deadline)
{
	host.armed = deadline;
	host_budget_horizon_update();
}

/* The lowest pending line that is enabled and not in service; it goes in
 * service until interrupt_ack (hal_irq_ack). */
static bool take_pending_irq(uint32_t *irq)
{
	for (uint32_t w = 0; w < 4; w++) {
		uint64_t ready =
			host.irq_pending[w] & host.irq_enabled[w] & ~host.irq_in_service[w];
		if (ready != 0) {
			uint32_t bit = (uint32_t)__builtin_ctzll(ready);
			host.irq_pending[w] &= ~(UINT64_C(1) << bit);
			if (host.irq_pending[w] == 0) {
				host.irq_pending_words &= ~(UINT32_C(1) << w);
				host_budget_return_horizon_update();
			}
			host.irq_in_service[w] |= UINT64_C(1) << bit;
			*irq = w * 64u + bit;
			return true;
		}
	}
	return false;
}

void host_interrupt_point(void)
{
	uint32_t irq;
	host_inject_due();
	while (host_any_irq_pending() && take_pending_irq(&irq)) {
		pwk_trap_irq(irq);
	}
	if (host.armed != PWK_INSTANT_MAX && host.now >= host.armed) {
		pwk_trap_timer();
	}
	if (host.opts.tick_period != 0 && host.now >= host.next_tick) {
		host.next_tick = host.now + host.opts.tick_period;
		host_budget_horizon_update();
		pwk_trap_tick();
	}
}

void hal_idle(void)
{
	uint32_t irq;
	if (take_pending_irq(&irq)) {
		pwk_trap_irq(irq);
		return;
	}
	uint64_t next = host_inject_next_time();
	if (host.armed < next) {
		next = host.armed;
	}
	if (next == PWK_INSTANT_MAX) {
		/* Nothing can wake any thread: every thread is blocked for ever
		 * (deadlock) or has exited. */
		bool any_waiting = false;
		struct pwk_thread_info info;
		for (uint32_t t = 0; pwk_thread_info(t, &info); t++) {
			any_waiting |= info.state == PWK_THREAD_WAITING;
		}
		host_end_run(any_waiting ? HOST_OUTCOME_DEADLOCK : HOST_OUTCOME_IDLE, 0);
	}
	if (next > host.now) {
		host_clock_advance(next - host.now);
	}
	host_inject_due();
}

void hal_irq_enable(uint32_t irq)
{
	if (irq < 256) {
		host.irq_enabled[irq / 64] |= UINT64_C(1) << (irq % 64);
	}
}

void hal_irq_ack(uint32_t irq)
{
	/* The line may fire again: a pend that came while it was in service is
	 * delivered at the next interrupt point. */
	if (irq < 256) {
		host.irq_in_service[irq / 64] &= ~(UINT64_C(1) << (irq % 64));
	}
}

bool hal_irq_trigger(uint32_t irq)
{
	if (irq >= 256) {
		return false;
	}
	host.irq_pending[irq / 64] |= UINT64_C(1) << (irq % 64);
	host.irq_pending_words |= UINT32_C(1) << (irq / 64);
	host_budget_return_horizon_update();
	return true;
}
