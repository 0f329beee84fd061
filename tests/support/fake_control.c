/* SPDX-License-Identifier: Apache-2.0 */
/*
 * fake_control.c — the test-facing half of the fake HAL: resetting,
 * booting and running a system, the user-mode helpers (time, ticks,
 * interrupts, faults, events), and what happened.
 */
#include "fake_state.h"

#include <string.h>

/* --- setup and running ------------------------------------------------------------ */

void fake_reset(void)
{
	for (uint32_t i = 0; i < THREADS_MAX; i++) {
		memset(&fake_st.threads[i].prepared, 0, sizeof(fake_st.threads[i].prepared));
	}
	fake_st.result = (struct fake_result){.end = FAKE_STUCK, .code = 0};
	fake_st.now = 0;
	fake_st.armed = PWK_INSTANT_MAX;
	fake_st.tick_period = 0;
	fake_st.arms = 0;
	fake_st.idle_calls = 0;
	fake_st.trigger_supported = true;
	fake_st.triggered_count = 0;
	fake_st.scheduled_count = 0;
	fake_st.enabled_count = 0;
	fake_st.acked_count = 0;
	fake_st.console_len = 0;
	fake_st.console[0] = '\0';
	fake_st.trace_count = 0;
	fake_st.event_count = 0;
	fake_st.switches = 0;
	fake_st.protection_applies = 0;
	fake_st.last_protection = PWK_NONE;
	fake_st.system = NULL;
	fake_system_reset();
}

pwk_status_t fake_boot(void)
{
	return fake_boot_desc(fake_system());
}

pwk_status_t fake_boot_desc(const struct pwk_system_desc *system)
{
	fake_st.system = system;
	return pwk_boot(system);
}

static void boot_entry(void)
{
	fake__switch_finish(NULL, &fake_st.main_stack_bottom, &fake_st.main_stack_size);
	pwk_run();
}

struct fake_result fake_run(void)
{
	if (fake_st.boot_stack == NULL) {
		fake_st.boot_stack = fake__new_stack();
	}
	fake__unpoison(fake_st.boot_stack);
	getcontext(&fake_st.boot_ctx);
	fake_st.boot_ctx.uc_stack.ss_sp = fake_st.boot_stack;
	fake_st.boot_ctx.uc_stack.ss_size = STACK_SIZE;
	fake_st.boot_ctx.uc_link = NULL;
	makecontext(&fake_st.boot_ctx, boot_entry, 0);
	fake__switch_start(&fake_st.main_fake_stack, fake_st.boot_stack, STACK_SIZE);
	swapcontext(&fake_st.main_ctx, &fake_st.boot_ctx);
	fake__switch_finish(fake_st.main_fake_stack, NULL, NULL);
	return fake_st.result;
}

struct fake_result fake_boot_and_run(void)
{
	if (fake_boot() != PWK_OK) {
		fake__fail("the declared system does not boot");
	}
	return fake_run();
}

void fake_set_now(pwk_instant_t now)
{
	fake_st.now = now;
}

void fake_schedule_irq(uint32_t irq, pwk_instant_t at)
{
	if (fake_st.scheduled_count == IRQ_LIST_MAX) {
		fake__fail("too many scheduled irqs");
	}
	fake_st.scheduled[fake_st.scheduled_count++] = (struct scheduled_irq){.irq = irq, .at = at};
}

void fake_set_trigger_supported(bool supported)
{
	fake_st.trigger_supported = supported;
}

/* --- from user mode ---------------------------------------------------------------- */

void fake_set_tick_period(pwk_instant_t period)
{
	fake_st.tick_period = period;
}

/* True when [now - ticks, now) crossed into a new tick period. */
static bool tick_due(pwk_instant_t ticks)
{
	const pwk_instant_t period = fake_st.tick_period;
	return period != 0 && ticks != 0 && fake_st.now / period != (fake_st.now - ticks) / period;
}

void fake_advance(pwk_instant_t ticks)
{
	fake_st.now += ticks;
	uint32_t irq;
	while (fake__take_due_irq(&irq)) {
		pwk_trap_irq(irq);
	}
	if (fake_st.now >= fake_st.armed) {
		pwk_trap_timer();
	}
	if (tick_due(ticks)) {
		pwk_trap_tick();
	}
}

void fake_tick(void)
{
	pwk_trap_tick();
}

void fake_irq(uint32_t irq)
{
	pwk_trap_irq(irq);
}

_Noreturn void fake_fault(void)
{
	pwk_trap_fault();
}

void fake_event(int value)
{
	if (fake_st.event_count == EVENTS_MAX) {
		fake__fail("too many events");
	}
	fake_st.events[fake_st.event_count++] = value;
}

void fake_deliver_triggered(void)
{
	while (fake_st.triggered_count > 0) {
		uint32_t irq = fake_st.triggered[0];
		memmove(&fake_st.triggered[0], &fake_st.triggered[1],
			(fake_st.triggered_count - 1) * sizeof(fake_st.triggered[0]));
		fake_st.triggered_count--;
		pwk_trap_irq(irq);
	}
}

/* --- what happened ------------------------------------------------------------------ */

pwk_instant_t fake_now(void)
{
	return fake_st.now;
}

pwk_instant_t fake_armed(void)
{
	return fake_st.armed;
}

uint32_t fake_timer_arms(void)
{
	return fake_st.arms;
}

const int *fake_events(size_t *count)
{
	*count = fake_st.event_count;
	return fake_st.events;
}

const char *fake_console(size_t *len)
{
	if (len != NULL) {
		*len = fake_st.console_len;
	}
	return fake_st.console;
}

const struct pwk_trace_record *fake_traces(size_t *count)
{
	*count = fake_st.trace_count;
	return fake_st.traces;
}

size_t fake_trace_count(pwk_trace_kind_t kind)
{
	size_t n = 0;
	for (size_t i = 0; i < fake_st.trace_count; i++) {
		n += fake_st.traces[i].kind == kind;
	}
	return n;
}

const char *fake_last_user_error(void)
{
	for (size_t i = fake_st.trace_count; i-- > 0;) {
		if (fake_st.traces[i].kind == PWK_TRACE_USER_ERROR) {
			return fake_st.traces[i].reason;
		}
	}
	return NULL;
}

const uint32_t *fake_irqs_enabled(size_t *count)
{
	*count = fake_st.enabled_count;
	return fake_st.enabled;
}

const uint32_t *fake_irqs_acked(size_t *count)
{
	*count = fake_st.acked_count;
	return fake_st.acked;
}

uint32_t fake_switches(void)
{
	return fake_st.switches;
}

uint32_t fake_protection_applies(void)
{
	return fake_st.protection_applies;
}

uint32_t fake_last_protection(void)
{
	return fake_st.last_protection;
}

const struct fake_prepared *fake_prepared(uint32_t thread)
{
	if (thread >= THREADS_MAX) {
		fake__fail("no such thread");
	}
	return &fake_st.threads[thread].prepared;
}
