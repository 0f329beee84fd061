/* SPDX-License-Identifier: Apache-2.0 */
/*
 * hal_fake.c — the fake HAL of hal_fake.h: every hal_* on ucontexts and a
 * virtual clock, for kernel-core unit tests. Deterministic: nothing depends
 * on wall time or addresses.
 *
 * Contexts: the test's own ("main"), a boot context that calls pwk_run(),
 * and one per kernel thread. Under ASan every switch is announced with the
 * fiber-switch annotations so that stack bookkeeping stays right.
 */
#include "fake_state.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#include <sanitizer/common_interface_defs.h>
#define FAKE_ASAN 1
#else
#define FAKE_ASAN 0
#endif

struct fake_state fake_st;

_Noreturn void fake__fail(const char *what)
{
	fprintf(stderr, "hal_fake: %s\n", what);
	abort();
}

/* --- fiber switches ------------------------------------------------------------ */

#if FAKE_ASAN
void fake__switch_start(void **fake_stack_save, const void *bottom, size_t size)
{
	__sanitizer_start_switch_fiber(fake_stack_save, bottom, size);
}

void fake__switch_finish(void *fake_stack_save, const void **bottom_old, size_t *size_old)
{
	__sanitizer_finish_switch_fiber(fake_stack_save, bottom_old, size_old);
}

/* A stack abandoned mid-call keeps its frames' poison: clear it on reuse. */
void fake__unpoison(void *stack)
{
	ASAN_UNPOISON_MEMORY_REGION(stack, STACK_SIZE);
}
#else
void fake__switch_start(void **fake_stack_save, const void *bottom, size_t size)
{
	(void)fake_stack_save;
	(void)bottom;
	(void)size;
}

void fake__switch_finish(void *fake_stack_save, const void **bottom_old, size_t *size_old)
{
	(void)fake_stack_save;
	(void)bottom_old;
	(void)size_old;
}

void fake__unpoison(void *stack)
{
	(void)stack;
}
#endif

void *fake__new_stack(void)
{
	void *stack = malloc(STACK_SIZE);
	if (stack == NULL) {
		fake__fail("out of memory for a stack");
	}
	return stack;
}

/* Goes back to the test's context for good, ending the run. */
static _Noreturn void end_run(enum fake_end end, uint32_t code)
{
	fake_st.result = (struct fake_result){.end = end, .code = code};
	fake__switch_start(NULL, fake_st.main_stack_bottom, fake_st.main_stack_size);
	setcontext(&fake_st.main_ctx);
	fake__fail("setcontext returned");
	abort();
}

/* The earliest scheduled irq due by now, removed from the list; false if none. */
bool fake__take_due_irq(uint32_t *irq)
{
	size_t best = fake_st.scheduled_count;
	for (size_t i = 0; i < fake_st.scheduled_count; i++) {
		if (fake_st.scheduled[i].at <= fake_st.now &&
		    (best == fake_st.scheduled_count ||
		     fake_st.scheduled[i].at < fake_st.scheduled[best].at)) {
			best = i;
		}
	}
	if (best == fake_st.scheduled_count) {
		return false;
	}
	*irq = fake_st.scheduled[best].irq;
	memmove(&fake_st.scheduled[best], &fake_st.scheduled[best + 1],
		(fake_st.scheduled_count - best - 1) * sizeof(fake_st.scheduled[0]));
	fake_st.scheduled_count--;
	return true;
}

/* --- the HAL ------------------------------------------------------------------------ */

static void thread_entry(int index)
{
	fake__switch_finish(NULL, NULL, NULL);
	const struct fake_prepared *p = &fake_st.threads[index].prepared;
	fake_entry_fn fn = (fake_entry_fn)p->pc;
	fn(p->a0, p->a1, p->a2);
	u_thread_exit(0);
}

void hal_process_starting(uint32_t process)
{
	(void)process; /* fake processes' memory is the test's own arrays */
}

void hal_thread_prepare(uint32_t thread, uint32_t process, uintptr_t pc, uintptr_t sp,
			pwk_word_t a0, pwk_word_t a1, pwk_word_t a2)
{
	if (thread >= THREADS_MAX || pc == 0) {
		fake__fail("hal_thread_prepare: bad thread or pc");
	}
	struct fake_thread *t = &fake_st.threads[thread];
	if (t->stack == NULL) {
		t->stack = fake__new_stack();
	}
	fake__unpoison(t->stack);
	getcontext(&t->ctx);
	t->ctx.uc_stack.ss_sp = t->stack;
	t->ctx.uc_stack.ss_size = STACK_SIZE;
	t->ctx.uc_link = NULL;
	makecontext(&t->ctx, (void (*)(void))thread_entry, 1, (int)thread);
	t->prepared = (struct fake_prepared){
		.process = process,
		.pc = pc,
		.sp = sp,
		.a0 = a0,
		.a1 = a1,
		.a2 = a2,
		.count = t->prepared.count + 1,
	};
}

void hal_context_switch(uint32_t from, uint32_t to)
{
	if (to >= THREADS_MAX || from == to || fake_st.threads[to].stack == NULL) {
		fake__fail("hal_context_switch: bad threads");
	}
	fake_st.switches++;
	fake_st.idle_calls = 0;
	ucontext_t *save = from == PWK_NONE ? &fake_st.boot_ctx : &fake_st.threads[from].ctx;
	void **fake_stack = from == PWK_NONE ? &fake_st.boot_fake_stack
					     : &fake_st.threads[from].asan_fake_stack;
	fake__switch_start(fake_stack, fake_st.threads[to].stack, STACK_SIZE);
	swapcontext(save, &fake_st.threads[to].ctx);
	fake__switch_finish(*fake_stack, NULL, NULL);
}

void hal_protection_apply(uint32_t process)
{
	fake_st.protection_applies++;
	fake_st.last_protection = process;
}

void *hal_user_ptr(uint32_t process, uintptr_t uaddr)
{
	/* Identity, but only for addresses of the process's own regions: the
	 * kernel must never ask for anything it has not checked. */
	const struct pwk_system_desc *s = fake_st.system;
	if (s == NULL || process >= s->process_count) {
		fake__fail("hal_user_ptr: no such process");
	}
	const struct pwk_process_desc *p = &s->processes[process];
	for (uint32_t i = 0; i < p->region_count; i++) {
		const struct pwk_region_desc *r = &s->regions[p->first_region + i];
		if (uaddr >= r->start && uaddr - r->start < r->size) {
			return (void *)uaddr;
		}
	}
	fake__fail("hal_user_ptr: address outside the process's regions");
	return NULL;
}

pwk_instant_t hal_now(void)
{
	return fake_st.now;
}

void hal_timer_arm(pwk_instant_t deadline)
{
	fake_st.armed = deadline;
	fake_st.arms++;
}

void hal_idle(void)
{
	if (++fake_st.idle_calls > IDLE_WITHOUT_WORK) {
		end_run(FAKE_STUCK, 0);
	}
	if (fake_st.triggered_count > 0) {
		fake_deliver_triggered();
		return;
	}
	pwk_instant_t next = fake_st.armed;
	for (size_t i = 0; i < fake_st.scheduled_count; i++) {
		if (fake_st.scheduled[i].at < next) {
			next = fake_st.scheduled[i].at;
		}
	}
	if (next == PWK_INSTANT_MAX) {
		end_run(FAKE_DEADLOCK, 0);
	}
	if (next > fake_st.now) {
		fake_st.now = next;
	}
	uint32_t irq;
	while (fake__take_due_irq(&irq)) {
		pwk_trap_irq(irq);
	}
}

static void irq_list_add(uint32_t *list, size_t *count, uint32_t irq)
{
	if (*count == IRQ_LIST_MAX) {
		fake__fail("irq list full");
	}
	list[(*count)++] = irq;
}

void hal_irq_enable(uint32_t irq)
{
	irq_list_add(fake_st.enabled, &fake_st.enabled_count, irq);
}

void hal_irq_ack(uint32_t irq)
{
	irq_list_add(fake_st.acked, &fake_st.acked_count, irq);
}

bool hal_irq_trigger(uint32_t irq)
{
	if (!fake_st.trigger_supported) {
		return false;
	}
	irq_list_add(fake_st.triggered, &fake_st.triggered_count, irq);
	return true;
}

void hal_console_write(uint32_t thread, const uint8_t *bytes, size_t len)
{
	(void)thread;
	if (len > CONSOLE_MAX - fake_st.console_len) {
		fake__fail("console full");
	}
	memcpy(&fake_st.console[fake_st.console_len], bytes, len);
	fake_st.console_len += len;
	fake_st.console[fake_st.console_len] = '\0';
}

void hal_trace_emit_reason(pwk_trace_kind_t kind, uint32_t thread, uint32_t a, uint32_t b,
			   const char *reason)
{
	if (fake_st.trace_count < TRACES_MAX) {
		fake_st.traces[fake_st.trace_count++] = (struct pwk_trace_record){
			.kind = kind, .thread = thread, .a = a, .b = b, .reason = reason};
	}
}

void hal_trace_emit(pwk_trace_kind_t kind, uint32_t thread, uint32_t a, uint32_t b)
{
	hal_trace_emit_reason(kind, thread, a, b, NULL);
}

_Noreturn void hal_shutdown(uint32_t code)
{
	end_run(FAKE_SHUTDOWN, code);
}

_Noreturn void hal_panic(const char *file, int line, const char *expr)
{
	fprintf(stderr, "kernel panic: %s:%d: %s\n", file, line, expr);
	abort();
}
