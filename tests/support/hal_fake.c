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
#include "hal_fake.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ucontext.h>

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#include <sanitizer/common_interface_defs.h>
#define FAKE_ASAN 1
#else
#define FAKE_ASAN 0
#endif

#define STACK_SIZE        (256 * 1024)
#define THREADS_MAX       128
#define CONSOLE_MAX       (64 * 1024)
#define TRACES_MAX        16384
#define EVENTS_MAX        4096
#define IRQ_LIST_MAX      256
#define IDLE_WITHOUT_WORK 100000

struct fake_thread {
	ucontext_t ctx;
	void *stack;
	void *asan_fake_stack;
	struct fake_prepared prepared;
};

struct scheduled_irq {
	uint32_t irq;
	pwk_instant_t at;
};

static struct {
	struct fake_thread threads[THREADS_MAX];
	ucontext_t main_ctx;
	ucontext_t boot_ctx;
	void *boot_stack;
	void *main_fake_stack;
	void *boot_fake_stack;
	const void *main_stack_bottom;
	size_t main_stack_size;
	struct fake_result result;
	const struct pwk_system_desc *system; /* booted by fake_boot*() */

	pwk_instant_t now;
	pwk_instant_t armed;
	uint32_t arms;
	uint32_t idle_calls;

	bool trigger_supported;
	uint32_t triggered[IRQ_LIST_MAX];
	size_t triggered_count;
	struct scheduled_irq scheduled[IRQ_LIST_MAX];
	size_t scheduled_count;
	uint32_t enabled[IRQ_LIST_MAX];
	size_t enabled_count;
	uint32_t acked[IRQ_LIST_MAX];
	size_t acked_count;

	char console[CONSOLE_MAX + 1];
	size_t console_len;
	struct pwk_trace_record traces[TRACES_MAX];
	size_t trace_count;
	int events[EVENTS_MAX];
	size_t event_count;

	uint32_t switches;
	uint32_t protection_applies;
	uint32_t last_protection;
} fake;

static void fail(const char *what)
{
	fprintf(stderr, "hal_fake: %s\n", what);
	abort();
}

/* --- fiber switches ------------------------------------------------------------ */

#if FAKE_ASAN
static void switch_start(void **fake_stack_save, const void *bottom, size_t size)
{
	__sanitizer_start_switch_fiber(fake_stack_save, bottom, size);
}

static void switch_finish(void *fake_stack_save, const void **bottom_old, size_t *size_old)
{
	__sanitizer_finish_switch_fiber(fake_stack_save, bottom_old, size_old);
}

/* A stack abandoned mid-call keeps its frames' poison: clear it on reuse. */
static void unpoison(void *stack)
{
	ASAN_UNPOISON_MEMORY_REGION(stack, STACK_SIZE);
}
#else
static void switch_start(void **fake_stack_save, const void *bottom, size_t size)
{
	(void)fake_stack_save;
	(void)bottom;
	(void)size;
}

static void switch_finish(void *fake_stack_save, const void **bottom_old, size_t *size_old)
{
	(void)fake_stack_save;
	(void)bottom_old;
	(void)size_old;
}

static void unpoison(void *stack)
{
	(void)stack;
}
#endif

static void *new_stack(void)
{
	void *stack = malloc(STACK_SIZE);
	if (stack == NULL) {
		fail("out of memory for a stack");
	}
	return stack;
}

/* Goes back to the test's context for good, ending the run. */
static _Noreturn void end_run(enum fake_end end, uint32_t code)
{
	fake.result = (struct fake_result){.end = end, .code = code};
	switch_start(NULL, fake.main_stack_bottom, fake.main_stack_size);
	setcontext(&fake.main_ctx);
	fail("setcontext returned");
	abort();
}

/* --- setup and running ------------------------------------------------------------ */

void fake_reset(void)
{
	for (uint32_t i = 0; i < THREADS_MAX; i++) {
		memset(&fake.threads[i].prepared, 0, sizeof(fake.threads[i].prepared));
	}
	fake.result = (struct fake_result){.end = FAKE_STUCK, .code = 0};
	fake.now = 0;
	fake.armed = PWK_INSTANT_MAX;
	fake.arms = 0;
	fake.idle_calls = 0;
	fake.trigger_supported = true;
	fake.triggered_count = 0;
	fake.scheduled_count = 0;
	fake.enabled_count = 0;
	fake.acked_count = 0;
	fake.console_len = 0;
	fake.console[0] = '\0';
	fake.trace_count = 0;
	fake.event_count = 0;
	fake.switches = 0;
	fake.protection_applies = 0;
	fake.last_protection = PWK_NONE;
	fake.system = NULL;
	fake_system_reset();
}

pwk_status_t fake_boot(void)
{
	return fake_boot_desc(fake_system());
}

pwk_status_t fake_boot_desc(const struct pwk_system_desc *system)
{
	fake.system = system;
	return pwk_boot(system);
}

static void boot_entry(void)
{
	switch_finish(NULL, &fake.main_stack_bottom, &fake.main_stack_size);
	pwk_run();
}

struct fake_result fake_run(void)
{
	if (fake.boot_stack == NULL) {
		fake.boot_stack = new_stack();
	}
	unpoison(fake.boot_stack);
	getcontext(&fake.boot_ctx);
	fake.boot_ctx.uc_stack.ss_sp = fake.boot_stack;
	fake.boot_ctx.uc_stack.ss_size = STACK_SIZE;
	fake.boot_ctx.uc_link = NULL;
	makecontext(&fake.boot_ctx, boot_entry, 0);
	switch_start(&fake.main_fake_stack, fake.boot_stack, STACK_SIZE);
	swapcontext(&fake.main_ctx, &fake.boot_ctx);
	switch_finish(fake.main_fake_stack, NULL, NULL);
	return fake.result;
}

struct fake_result fake_boot_and_run(void)
{
	if (fake_boot() != PWK_OK) {
		fail("the declared system does not boot");
	}
	return fake_run();
}

void fake_set_now(pwk_instant_t now)
{
	fake.now = now;
}

void fake_schedule_irq(uint32_t irq, pwk_instant_t at)
{
	if (fake.scheduled_count == IRQ_LIST_MAX) {
		fail("too many scheduled irqs");
	}
	fake.scheduled[fake.scheduled_count++] = (struct scheduled_irq){.irq = irq, .at = at};
}

void fake_set_trigger_supported(bool supported)
{
	fake.trigger_supported = supported;
}

/* --- from user mode ---------------------------------------------------------------- */

/* The earliest scheduled irq due by now, removed from the list; false if none. */
static bool take_due_irq(uint32_t *irq)
{
	size_t best = fake.scheduled_count;
	for (size_t i = 0; i < fake.scheduled_count; i++) {
		if (fake.scheduled[i].at <= fake.now &&
		    (best == fake.scheduled_count ||
		     fake.scheduled[i].at < fake.scheduled[best].at)) {
			best = i;
		}
	}
	if (best == fake.scheduled_count) {
		return false;
	}
	*irq = fake.scheduled[best].irq;
	memmove(&fake.scheduled[best], &fake.scheduled[best + 1],
		(fake.scheduled_count - best - 1) * sizeof(fake.scheduled[0]));
	fake.scheduled_count--;
	return true;
}

void fake_advance(pwk_instant_t ticks)
{
	fake.now += ticks;
	uint32_t irq;
	while (take_due_irq(&irq)) {
		pwk_trap_irq(irq);
	}
	if (fake.now >= fake.armed) {
		pwk_trap_timer();
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
	if (fake.event_count == EVENTS_MAX) {
		fail("too many events");
	}
	fake.events[fake.event_count++] = value;
}

void fake_deliver_triggered(void)
{
	while (fake.triggered_count > 0) {
		uint32_t irq = fake.triggered[0];
		memmove(&fake.triggered[0], &fake.triggered[1],
			(fake.triggered_count - 1) * sizeof(fake.triggered[0]));
		fake.triggered_count--;
		pwk_trap_irq(irq);
	}
}

/* --- what happened ------------------------------------------------------------------ */

pwk_instant_t fake_now(void)
{
	return fake.now;
}

pwk_instant_t fake_armed(void)
{
	return fake.armed;
}

uint32_t fake_timer_arms(void)
{
	return fake.arms;
}

const int *fake_events(size_t *count)
{
	*count = fake.event_count;
	return fake.events;
}

const char *fake_console(size_t *len)
{
	if (len != NULL) {
		*len = fake.console_len;
	}
	return fake.console;
}

const struct pwk_trace_record *fake_traces(size_t *count)
{
	*count = fake.trace_count;
	return fake.traces;
}

size_t fake_trace_count(pwk_trace_kind_t kind)
{
	size_t n = 0;
	for (size_t i = 0; i < fake.trace_count; i++) {
		n += fake.traces[i].kind == kind;
	}
	return n;
}

const char *fake_last_user_error(void)
{
	for (size_t i = fake.trace_count; i-- > 0;) {
		if (fake.traces[i].kind == PWK_TRACE_USER_ERROR) {
			return fake.traces[i].reason;
		}
	}
	return NULL;
}

const uint32_t *fake_irqs_enabled(size_t *count)
{
	*count = fake.enabled_count;
	return fake.enabled;
}

const uint32_t *fake_irqs_acked(size_t *count)
{
	*count = fake.acked_count;
	return fake.acked;
}

uint32_t fake_switches(void)
{
	return fake.switches;
}

uint32_t fake_protection_applies(void)
{
	return fake.protection_applies;
}

uint32_t fake_last_protection(void)
{
	return fake.last_protection;
}

const struct fake_prepared *fake_prepared(uint32_t thread)
{
	if (thread >= THREADS_MAX) {
		fail("no such thread");
	}
	return &fake.threads[thread].prepared;
}

/* --- the HAL ------------------------------------------------------------------------ */

static void thread_entry(int index)
{
	switch_finish(NULL, NULL, NULL);
	const struct fake_prepared *p = &fake.threads[index].prepared;
	fake_entry_fn fn = (fake_entry_fn)p->pc;
	fn(p->a0, p->a1, p->a2);
	u_thread_exit(0);
}

void hal_thread_prepare(uint32_t thread, uint32_t process, uintptr_t pc, uintptr_t sp,
			pwk_word_t a0, pwk_word_t a1, pwk_word_t a2)
{
	if (thread >= THREADS_MAX || pc == 0) {
		fail("hal_thread_prepare: bad thread or pc");
	}
	struct fake_thread *t = &fake.threads[thread];
	if (t->stack == NULL) {
		t->stack = new_stack();
	}
	unpoison(t->stack);
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
	if (to >= THREADS_MAX || from == to || fake.threads[to].stack == NULL) {
		fail("hal_context_switch: bad threads");
	}
	fake.switches++;
	fake.idle_calls = 0;
	ucontext_t *save = from == PWK_NONE ? &fake.boot_ctx : &fake.threads[from].ctx;
	void **fake_stack =
		from == PWK_NONE ? &fake.boot_fake_stack : &fake.threads[from].asan_fake_stack;
	switch_start(fake_stack, fake.threads[to].stack, STACK_SIZE);
	swapcontext(save, &fake.threads[to].ctx);
	switch_finish(*fake_stack, NULL, NULL);
}

void hal_protection_apply(uint32_t process)
{
	fake.protection_applies++;
	fake.last_protection = process;
}

void *hal_user_ptr(uint32_t process, uintptr_t uaddr)
{
	/* Identity, but only for addresses of the process's own regions: the
	 * kernel must never ask for anything it has not checked. */
	const struct pwk_system_desc *s = fake.system;
	if (s == NULL || process >= s->process_count) {
		fail("hal_user_ptr: no such process");
	}
	const struct pwk_process_desc *p = &s->processes[process];
	for (uint32_t i = 0; i < p->region_count; i++) {
		const struct pwk_region_desc *r = &s->regions[p->first_region + i];
		if (uaddr >= r->start && uaddr - r->start < r->size) {
			return (void *)uaddr;
		}
	}
	fail("hal_user_ptr: address outside the process's regions");
	return NULL;
}

pwk_instant_t hal_now(void)
{
	return fake.now;
}

void hal_timer_arm(pwk_instant_t deadline)
{
	fake.armed = deadline;
	fake.arms++;
}

void hal_idle(void)
{
	if (++fake.idle_calls > IDLE_WITHOUT_WORK) {
		end_run(FAKE_STUCK, 0);
	}
	if (fake.triggered_count > 0) {
		fake_deliver_triggered();
		return;
	}
	pwk_instant_t next = fake.armed;
	for (size_t i = 0; i < fake.scheduled_count; i++) {
		if (fake.scheduled[i].at < next) {
			next = fake.scheduled[i].at;
		}
	}
	if (next == PWK_INSTANT_MAX) {
		end_run(FAKE_DEADLOCK, 0);
	}
	if (next > fake.now) {
		fake.now = next;
	}
	uint32_t irq;
	while (take_due_irq(&irq)) {
		pwk_trap_irq(irq);
	}
}

static void irq_list_add(uint32_t *list, size_t *count, uint32_t irq)
{
	if (*count == IRQ_LIST_MAX) {
		fail("irq list full");
	}
	list[(*count)++] = irq;
}

void hal_irq_enable(uint32_t irq)
{
	irq_list_add(fake.enabled, &fake.enabled_count, irq);
}

void hal_irq_ack(uint32_t irq)
{
	irq_list_add(fake.acked, &fake.acked_count, irq);
}

bool hal_irq_trigger(uint32_t irq)
{
	if (!fake.trigger_supported) {
		return false;
	}
	irq_list_add(fake.triggered, &fake.triggered_count, irq);
	return true;
}

void hal_console_write(uint32_t thread, const uint8_t *bytes, size_t len)
{
	(void)thread;
	if (len > CONSOLE_MAX - fake.console_len) {
		fail("console full");
	}
	memcpy(&fake.console[fake.console_len], bytes, len);
	fake.console_len += len;
	fake.console[fake.console_len] = '\0';
}

void hal_trace_emit(const struct pwk_trace_record *record)
{
	if (fake.trace_count < TRACES_MAX) {
		fake.traces[fake.trace_count++] = *record;
	}
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
