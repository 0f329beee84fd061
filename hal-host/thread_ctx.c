/*
 * thread_ctx.c — kernel stacks and kernel context switching for hal-host:
 * hal_thread_prepare and hal_context_switch.
 *
 * Each thread owns a host kernel stack. A thread in user mode has an empty
 * kernel stack whose top is host_kernel_sp (the gate and the fault handler
 * enter the kernel there); a thread blocked in the kernel has its context
 * saved on it by host_ctx_switch.
 */
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

#include <pwk/hal.h>
#include <pwk/kernel.h>

#include "budget.h"
#include "inject.h"
#include "machine.h"

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#include <sanitizer/common_interface_defs.h>
#define HOST_ASAN 1
#else
#define HOST_ASAN 0
#endif

uintptr_t host_kernel_sp;

/* Thread k's kernel stack, mapped the first time a run prepares thread k
 * and kept for every later run on this host (a reset clears the threads,
 * host_machine_release() unmaps these): pwsim fuzz and the sweep workers
 * start thousands of runs a second, and mapping, guarding and unmapping
 * each stack per run cost three host syscalls and fresh page faults. A
 * reused stack holds the previous run's bytes, as a restarted thread's
 * does within a run: the kernel reads only what it wrote. */
static uint8_t *kernel_stacks[HOST_THREADS_MAX];

static void ensure_stack(struct host_thread *t, uint32_t thread)
{
	if (kernel_stacks[thread] == NULL) {
		size_t len = HOST_KERNEL_STACK_SIZE + 4096u;
		void *mem =
			mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (mem == MAP_FAILED) {
			hal_panic(__FILE__, __LINE__, "cannot allocate a kernel stack");
		}
		(void)mprotect(mem, 4096u, PROT_NONE); /* overflow guard */
		kernel_stacks[thread] = (uint8_t *)mem + 4096u;
	}
	t->stack = kernel_stacks[thread];
	t->stack_size = HOST_KERNEL_STACK_SIZE;
	t->kernel_top = ((uintptr_t)(t->stack + t->stack_size)) & ~(uintptr_t)15;
}

void host_stack_unpoison(const void *bottom, size_t size)
{
#if HOST_ASAN
	/* The stack may hold poisoned redzones of frames abandoned when a run
	 * ended or a thread exited. */
	__asan_unpoison_memory_region(bottom, size);
#else
	(void)bottom;
	(void)size;
#endif
}

uintptr_t host_thread_kernel_top(uint32_t thread)
{
	return host.threads[thread].kernel_top;
}

/* ASan must be told which stack is current, or it reports false stack
 * errors after a switch. */
void host_fiber_leave(void **fake, const void *bottom, size_t size)
{
#if HOST_ASAN
	__sanitizer_start_switch_fiber(fake, bottom, size);
#else
	(void)fake;
	(void)bottom;
	(void)size;
#endif
}

void host_fiber_arrive(void *fake, const void **old_bottom, size_t *old_size)
{
#if HOST_ASAN
	__sanitizer_finish_switch_fiber(fake, old_bottom, old_size);
#else
	(void)fake;
	(void)old_bottom;
	(void)old_size;
#endif
}

void *host_ctx_frame(uint8_t *stack_top_aligned, void (*entry)(void))
{
	/* host_ctx_switch's layout: six callee-saved registers, then the
	 * "return address", placed so that the entry function starts with the
	 * stack aligned as after a call (the word above it stands for the
	 * caller's return address). */
	uint64_t *frame = (uint64_t *)(void *)stack_top_aligned - 8;
	memset(frame, 0, 8 * sizeof(*frame));
	frame[6] = (uint64_t)(uintptr_t)entry;
	return frame;
}

/* A thread's entry must be the process's code and its stack top inside
 * the process's RAM. The kernel takes both from thread_start unchecked (on
 * hardware a bad value faults at the thread's first instruction or push);
 * here an entry outside the region could run the simulator's own code in
 * user mode, and a stack outside it could overwrite the simulator. So the
 * thread faults before its first instruction, as it would on hardware,
 * deterministically: the process ends with UnhandledException. */
static void check_user_entry(const struct host_thread *t)
{
	const struct host_region *r = &host.regions[t->process];
	uintptr_t ram = r->user_base + r->flash_size;
	uintptr_t sp = t->sp & ~(uintptr_t)15;
	char what[160];
	if (t->pc < r->user_base || t->pc >= ram) {
		snprintf(what, sizeof(what), "thread entry %#lx is outside the process's flash",
			 (unsigned long)t->pc);
		host_fault_current(what);
	}
	/* Room for the zero return address host_enter_user pushes. */
	if (sp < ram + 16 || sp > ram + r->ram_size) {
		snprintf(what, sizeof(what),
			 "thread stack pointer %#lx is outside the process's RAM [%#lx, %#lx)",
			 (unsigned long)t->sp, (unsigned long)ram,
			 (unsigned long)(ram + r->ram_size));
		host_fault_current(what);
	}
}

/* First code a prepared thread runs on its kernel stack. */
static _Noreturn void thread_first_entry(void)
{
	host_fiber_arrive(NULL, NULL, NULL);
	struct host_thread *t = &host.threads[host.current];
	check_user_entry(t);
	host_inject_hold_current(0);
	host_budget_grant();
	host_enter_user(t->pc, t->sp & ~(uintptr_t)15, t->a0, t->a1, t->a2);
}

void hal_thread_prepare(uint32_t thread, uint32_t process, uintptr_t pc, uintptr_t sp,
			pwk_word_t a0, pwk_word_t a1, pwk_word_t a2)
{
	if (thread >= HOST_THREADS_MAX) {
		hal_panic(__FILE__, __LINE__, "thread index beyond HOST_THREADS_MAX");
	}
	struct host_thread *t = &host.threads[thread];
	ensure_stack(t, thread);
	host_stack_unpoison(t->stack, t->stack_size);
	t->process = process;
	t->budget = host_budget_counter_of(process);
	if (t->budget == NULL) {
		/* host_budget_charge_entry() counts on every thread's counter. */
		hal_panic(__FILE__, __LINE__, "a thread of a process with no mapped region");
	}
	t->pc = pc;
	t->sp = sp;
	t->a0 = a0;
	t->a1 = a1;
	t->a2 = a2;
	t->saved_sp = host_ctx_frame((uint8_t *)host_thread_kernel_top(thread),
				     (void (*)(void))thread_first_entry);
}

void hal_context_switch(uint32_t from, uint32_t to)
{
	struct host_thread *next = &host.threads[to];
	void *dead_sp;
	void **save = from == PWK_NONE ? &dead_sp : &host.threads[from].saved_sp;
	void *fake = NULL;
	host.current = to;
	host.current_budget = next->budget;
	host_kernel_sp = next->kernel_top;
	host_fiber_leave(&fake, next->stack, next->stack_size);
	host_ctx_switch(save, next->saved_sp);
	host_fiber_arrive(fake, NULL, NULL);
}

void host_threads_clear(void)
{
	memset(host.threads, 0, sizeof(host.threads));
}

void host_threads_release(void)
{
	host_threads_clear();
	for (size_t i = 0; i < HOST_THREADS_MAX; i++) {
		if (kernel_stacks[i] != NULL) {
			munmap(kernel_stacks[i] - 4096u, HOST_KERNEL_STACK_SIZE + 4096u);
			kernel_stacks[i] = NULL;
		}
	}
}
