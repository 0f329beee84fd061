/* SPDX-License-Identifier: Apache-2.0 */
/*
 * clock.c — time, the deadline timer, the scheduler tick, interrupt points
 * and idling: hal_now, hal_timer_arm, hal_idle.
 *
 * Ticks are nanoseconds on every board (the board converts). The kernel
 * runs with interrupts off; what a masked interrupt would have done is
 * done at the interrupt point every thread passes on its way back to user
 * mode, in software, from the clock's value: VeeR's internal timer *loses*
 * an expiry that happens while interrupts are off, so the hardware timer
 * is only a wake-up, never the record of a deadline. It is programmed
 * just before mret for whichever comes first, the armed deadline or the
 * end of the running thread's 10 ms slice.
 */
#include <pwk/kernel.h>

#include "veer.h"
#include "veer_system.h"

#define TICK_NS (10u * 1000u * 1000u) /* pw_kernel's 10 ms scheduler tick */

static pwk_instant_t armed = PWK_INSTANT_MAX;
static pwk_instant_t next_tick;

pwk_instant_t hal_now(void)
{
	return veer_board_now_ns();
}

void hal_timer_arm(pwk_instant_t deadline)
{
	armed = deadline;
}

void veer_clock_boot(void)
{
	armed = PWK_INSTANT_MAX;
	next_tick = veer_board_now_ns() + TICK_NS;
}

void veer_timer_rearm(void)
{
	veer_board_timer_set(armed < next_tick ? armed : next_tick);
}

void veer_kernel_exit(void)
{
	uint32_t irq;
	while (veer_irq_take(&irq)) {
		pwk_trap_irq(irq);
	}
	if (armed != PWK_INSTANT_MAX && hal_now() >= armed) {
		pwk_trap_timer();
	}
	pwk_instant_t now = hal_now();
	if (now >= next_tick) {
		next_tick = now + TICK_NS;
		pwk_trap_tick();
	}
	veer_timer_rearm();
}

static void report_threads(void)
{
	struct pwk_thread_info info;
	static const char *const states[] = {"stopped", "ready", "running", "waiting", "exited"};
	for (uint32_t t = 0; pwk_thread_info(t, &info); t++) {
		const struct pwk_thread_desc *td = &pwk_system.threads[t];
		veer_puts("pwk: thread ");
		veer_puts(pwk_system.processes[td->process].name);
		veer_puts("/");
		veer_puts(td->name);
		veer_puts(" (priority ");
		veer_put_dec(info.priority);
		veer_puts("): ");
		veer_puts((uint32_t)info.state < 5u ? states[info.state] : "?");
		if (info.state == PWK_THREAD_WAITING) {
			if (info.waiting_object < pwk_system.object_count) {
				const struct pwk_object_desc *o =
					&pwk_system.objects[info.waiting_object];
				veer_puts(" on '");
				veer_puts(o->name);
				veer_puts("' (");
				veer_puts(pwk_object_type_name(o->type));
				veer_puts(")");
			}
			veer_puts(" for mask ");
			veer_put_hex(info.wait_mask);
			if (info.deadline == PWK_INSTANT_MAX) {
				veer_puts(", no deadline");
			} else {
				veer_puts(", deadline ");
				veer_put_dec(info.deadline);
				veer_puts(" ns");
			}
		}
		veer_puts("\n");
	}
}

/* Nothing can wake any thread: the run ends as a deadlock (some thread
 * waits for ever) or as idle (every thread has exited). */
static _Noreturn void end_stuck(void)
{
	bool any_waiting = false;
	struct pwk_thread_info info;
	for (uint32_t t = 0; pwk_thread_info(t, &info); t++) {
		any_waiting |= info.state == PWK_THREAD_WAITING;
	}
	veer_console_flush_all();
	pwk_instant_t now = hal_now();
	if (any_waiting) {
		veer_puts("pwk: deadlock at ");
		veer_put_dec(now);
		veer_puts(" ns: every thread is blocked and no deadline is pending\n");
	} else {
		veer_puts("pwk: idle at ");
		veer_put_dec(now);
		veer_puts(" ns: every thread has exited\n");
	}
	report_threads();
	veer_board_exit(any_waiting ? VEER_EXIT_DEADLOCK : VEER_EXIT_IDLE, 0);
}

void hal_idle(void)
{
	uint32_t irq;
	if (veer_irq_take(&irq)) {
		pwk_trap_irq(irq);
		return;
	}
	if (armed == PWK_INSTANT_MAX && !veer_board_irq_can_wake()) {
		end_stuck();
	}
	if (hal_now() >= armed) {
		return;
	}
	veer_board_timer_set(armed);
	veer_board_sleep();
	veer_board_irq_poll();
}
