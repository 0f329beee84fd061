/*
 * machine.c — the host machine's life cycle: reset, regions and images,
 * running a booted kernel until it ends, and the HAL functions that end a
 * run (hal_shutdown, hal_panic) or concern the whole machine.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include <pwk/hal.h>
#include <pwk/kernel.h>

#include "budget.h"
#include "cpu_state.h"
#include "host_link.h"
#include "loader.h"
#include "machine.h"

struct host_machine host;

#define LAUNCH_STACK_SIZE (256u * 1024u)

/* The stack host_machine_run() boots the kernel on. Like the kernel stacks
 * (thread_ctx.c) it outlives a reset: mapped at the first run, reused by
 * every later one, unmapped by host_machine_release(). */
static uint8_t *launch_stack;

/* Every field to zero, regions unmapped; the stacks stay mapped. */
static void machine_clear(void)
{
	for (uint32_t p = 0; p < HOST_PROCESSES_MAX; p++) {
		host_region_unmap(&host.regions[p]);
	}
	host_threads_clear();
	host_console_release();
	memset(&host, 0, sizeof(host));
	host.current = PWK_NONE;
	host.applied_process = PWK_NONE;
}

void host_machine_release(void)
{
	machine_clear();
	host_threads_release();
	if (launch_stack != NULL) {
		munmap(launch_stack, LAUNCH_STACK_SIZE);
		launch_stack = NULL;
	}
}

void host_machine_reset(const struct host_options *opts)
{
	machine_clear();
	host.opts = *opts;
	host.switch_protects = opts->isolation == HOST_ISOLATION_MPROTECT ||
			       opts->isolation == HOST_ISOLATION_PKEYS;
	host.armed = PWK_INSTANT_MAX;
	host.next_tick = opts->tick_period;
	host.time_limit_next = opts->time_limit == UINT64_MAX ? UINT64_MAX : opts->time_limit + 1;
	/* Costs below 2^23 and 2^62: a charge of fewer than HOST_BUDGET_MAX
	 * (2^40) blocks and one syscall stays below 2^64. */
	host.budget_common =
		opts->block_cost != 0 && opts->block_cost < (UINT64_C(1) << 23) &&
		opts->syscall_cost < (UINT64_C(1) << 62) && opts->injection_count == 0 &&
		(opts->seed == 0 || (opts->preempt_window == 0 && opts->delay_max == 0));
	host_budget_horizon_update();
	host_rng_seed(&host.rng, opts->seed);
	host.outcome.trace_digest = UINT64_C(0xcbf29ce484222325);
	host_trace_ring_clear();
	host_faults_install();
}

void host_region_link_write(const struct host_region *r)
{
	struct pwk_host_link *link = (struct pwk_host_link *)(void *)host_region_link(r);
	link->version = PWK_HOST_LINK_VERSION;
	host_gate_link(r, link);
	link->budget = host_region_budget(r);
	link->coverage = (uint8_t *)r->coverage_user; /* NULL unless pwsim fuzz maps one */
}

bool host_region_create(uint32_t process, uint64_t flash_size, uint64_t ram_size,
			struct host_region_info *info, char *err, size_t err_cap)
{
	if (process >= HOST_PROCESSES_MAX) {
		snprintf(err, err_cap, "more than %d processes", HOST_PROCESSES_MAX);
		return false;
	}
	struct host_region *r = &host.regions[process];
	if (!host_region_map(r, process, flash_size, ram_size, err, err_cap)) {
		return false;
	}
	if (host.opts.isolation == HOST_ISOLATION_PKEYS &&
	    !host_pkeys_ready(process, err, err_cap)) {
		host_region_unmap(r);
		return false;
	}
	host_region_apply_isolation(r);
	host_region_link_write(r);
	if (process >= host.region_count) {
		host.region_count = process + 1;
	}
	info->flash_start = r->user_base;
	info->flash_size = r->flash_size;
	info->ram_start = r->user_base + r->flash_size;
	info->ram_size = r->ram_size;
	return true;
}

/* In isolation none every region is always accessible; in mprotect only
 * the running process's, and in pkeys only its key's (hal_protection_apply). */
void host_region_apply_isolation(struct host_region *r)
{
	const int key = host_pkeys_key((uint32_t)(r - host.regions));
	if (host.opts.isolation == HOST_ISOLATION_PKEYS && key == 0) {
		/* host_region_create() allocates it; a rewind keeps the mode. */
		hal_panic(__FILE__, __LINE__, "isolation pkeys: a region without its key");
	}
	host_pkeys_gate_page(r, host_key_gate());
	host_region_set_key(r, key);
	host_region_set_accessible(r, host.opts.isolation != HOST_ISOLATION_MPROTECT);
}

bool host_image_load(uint32_t process, const char *path, const struct host_image_file *file,
		     struct host_image_info *info, char *err, size_t err_cap)
{
	if (process >= host.region_count || !host.regions[process].mapped) {
		snprintf(err, err_cap, "process %u has no region", process);
		return false;
	}
	char why[400];
	if (!host_loader_load(&host.regions[process], file->bytes, file->len, info, why,
			      sizeof(why)) ||
	    !host_pkeys_image_loaded(&host.regions[process], why, sizeof(why))) {
		snprintf(err, err_cap, "%s: %s", path, why);
		return false;
	}
	return true;
}

uintptr_t host_process_start_arg(uint32_t process)
{
	return host.regions[process].link_page;
}

void hal_process_starting(uint32_t process)
{
	struct host_region *r = &host.regions[process];
	if (process >= host.region_count || !r->mapped || r->initial_ram == NULL) {
		return;
	}
	uint8_t *ram = r->kernel_base + r->flash_size;
	memcpy(ram, r->initial_ram, r->initial_ram_len);
	memset(ram + r->initial_ram_len, 0, r->ram_size - r->initial_ram_len);
}

/* A process switch in isolation mprotect or pkeys. */
__attribute__((noinline)) static void protection_switch(uint32_t process)
{
	if (host.opts.isolation == HOST_ISOLATION_PKEYS) {
		host_pkeys_apply(process);
		return;
	}
	if (host.applied_process < host.region_count) {
		host_region_set_accessible(&host.regions[host.applied_process], false);
	}
	if (process < host.region_count) {
		host_region_set_accessible(&host.regions[process], true);
	}
}

void hal_protection_apply(uint32_t process)
{
	if (host.switch_protects && process != host.applied_process) {
		protection_switch(process);
	}
	host.applied_process = process;
}

/* kernel-core asks only for what it has checked against the process's
 * regions (uaccess.h): the range check here catches a kernel bug, so it is
 * compiled where kernel-core's debug assertions are (HOST_KERNEL_CHECKS,
 * meson.build). */
void *hal_user_ptr(uint32_t process, uintptr_t uaddr)
{
	const struct host_region *r = &host.regions[process];
	if (HOST_KERNEL_CHECKS &&
	    (process >= host.region_count || !host_region_contains(r, uaddr))) {
		hal_panic(__FILE__, __LINE__, "hal_user_ptr: address outside the process region");
	}
	return host_region_kernel_ptr(r, uaddr);
}

static _Noreturn void launch(void)
{
	host_fiber_arrive(NULL, &host.boot_stack_bottom, &host.boot_stack_size);
	pwk_run();
}

struct host_outcome host_machine_run(const struct pwk_system_desc *system)
{
	host.system = system;
	host_seccomp_install();
	host_cpu_init();
	const uint32_t caller_pkru = host_pkeys_run_enter();
	pwk_status_t booted = pwk_boot(system);
	if (booted != PWK_OK) {
		host_pkeys_run_leave(caller_pkru);
		host.outcome.kind = HOST_OUTCOME_BOOT_FAILED;
		host.outcome.code = (uint32_t)booted;
		return host.outcome;
	}
	if (launch_stack == NULL) {
		void *mem = mmap(NULL, LAUNCH_STACK_SIZE, PROT_READ | PROT_WRITE,
				 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (mem == MAP_FAILED) {
			hal_panic(__FILE__, __LINE__, "cannot allocate the launch stack");
		}
		launch_stack = mem;
	}
	host_stack_unpoison(launch_stack, LAUNCH_STACK_SIZE);
	void *frame = host_ctx_frame(launch_stack + LAUNCH_STACK_SIZE, launch);
	void *fake = NULL;
	host_fiber_leave(&fake, launch_stack, LAUNCH_STACK_SIZE);
	host_watchdog_start();
	host_reads_trap_start();
	host_hidden_gate_start();
	host_syscall_dispatch_start();
	const struct host_fp_control caller_fp = host_fp_control_swap(HOST_FP_CONTROL_DEFAULT);
	host_ctx_switch(&host.boot_sp, frame);
	(void)host_fp_control_swap(caller_fp);
	host_fiber_arrive(fake, NULL, NULL);
	host_syscall_dispatch_stop();
	host_hidden_gate_stop();
	host_reads_trap_stop();
	host_watchdog_stop();
	host_pkeys_run_leave(caller_pkru);
	host_console_flush_all();
	host.outcome.end_time = host.now;
	return host.outcome;
}

_Noreturn void host_end_run(host_outcome_kind_t kind, uint32_t code)
{
	host.outcome.kind = kind;
	host.outcome.code = code;
	void *dead_sp;
	host_fiber_leave(NULL, host.boot_stack_bottom, host.boot_stack_size);
	host_ctx_switch(&dead_sp, host.boot_sp);
	abort(); /* unreachable: the boot context never switches back here */
}

_Noreturn void hal_shutdown(uint32_t code)
{
	host_end_run(HOST_OUTCOME_SHUTDOWN, code);
}

_Noreturn void hal_panic(const char *file, int line, const char *expr)
{
	host_console_flush_all();
	fprintf(stderr, "pwsim: KERNEL PANIC at %s:%d: %s (virtual time %llu ns)\n", file, line,
		expr, (unsigned long long)host.now);
	host_report_threads(stderr);
	host_report_trace_tail(stderr);
	fprintf(stderr, "pwsim: seed %llu; rerun the same command to replay this panic\n",
		(unsigned long long)host.opts.seed);
	fflush(NULL);
	if (host.opts.panic_hook != NULL) {
		host.opts.panic_hook();
	}
	abort();
}
