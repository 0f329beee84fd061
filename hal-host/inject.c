/*
 * inject.c — faults a scenario injects into a run, at a virtual time or at
 * the Nth occurrence of a syscall by a process. Every action goes through a
 * kernel entry point, so what the kernel does afterwards is exactly what it
 * does on hardware:
 *   kill / fault  pwk_process_kill (as task_terminate; exit TerminatedByKernel
 *                 or UnhandledException(0))
 *   drop          the syscall never reaches the kernel; the caller sees OK
 *                 (a handler whose respond is dropped never responds)
 *   delay/starve  the thread sleeps in an object_wait the HAL makes for it
 *                 (mask 0 on its own process object, a deadline): others run
 *   irq           the line is raised as debug_trigger_interrupt would
 */
#include <stdio.h>

#include <pwk/hal.h>
#include <pwk/kernel.h>
#include <pwk/syscall_args.h>

#include "inject.h"
#include "machine.h"

static void announce(const struct host_injection *in)
{
	fprintf(stderr, "pwsim: injected at virtual time %llu ns: %s\n",
		(unsigned long long)host.now, in->what ? in->what : "fault");
}

static uint32_t inject_count(void)
{
	return host.opts.injection_count < HOST_INJECTIONS_MAX ? (uint32_t)host.opts.injection_count
							       : HOST_INJECTIONS_MAX;
}

static void apply_timed(const struct host_injection *in)
{
	announce(in);
	switch (in->action) {
	case HOST_INJECT_KILL:
		pwk_process_kill(in->process, PWK_EXIT_TERMINATED_BY_KERNEL);
		break;
	case HOST_INJECT_FAULT:
		host.outcome.faults++;
		pwk_process_kill(in->process, PWK_EXIT_UNHANDLED_EXCEPTION);
		break;
	case HOST_INJECT_IRQ:
		(void)hal_irq_trigger(in->irq);
		break;
	case HOST_INJECT_STARVE:
		host.starve_pending[in->thread] += in->amount;
		break;
	case HOST_INJECT_DROP:
	case HOST_INJECT_DELAY:
		break; /* syscall-triggered only (the scenario loader enforces it) */
	}
}

void host_inject_due(void)
{
	for (uint32_t i = 0; i < inject_count(); i++) {
		const struct host_injection *in = &host.opts.injections[i];
		if (!in->on_syscall && !host.inject_done[i] && in->at <= host.now) {
			host.inject_done[i] = true;
			apply_timed(in);
		}
	}
}

uint64_t host_inject_next_time(void)
{
	uint64_t next = UINT64_MAX;
	for (uint32_t i = 0; i < inject_count(); i++) {
		const struct host_injection *in = &host.opts.injections[i];
		if (!in->on_syscall && !host.inject_done[i] && in->at < next) {
			next = in->at;
		}
	}
	return next;
}

/* Applies the syscall-triggered injections matching `id`. Kept out of line
 * so that the common run, with none, does not pay for its register saves. */
__attribute__((noinline)) static bool apply_on_syscall(uint32_t id, uint64_t *delay)
{
	uint32_t process = host.threads[host.current].process;
	bool drop = false;
	for (uint32_t i = 0; i < inject_count(); i++) {
		const struct host_injection *in = &host.opts.injections[i];
		if (!in->on_syscall || host.inject_done[i] || in->process != process ||
		    in->syscall != (id & 0xffffu) || ++host.inject_seen[i] < in->nth) {
			continue;
		}
		host.inject_done[i] =
			in->times != 0 && host.inject_seen[i] - in->nth + 1 >= in->times;
		announce(in);
		switch (in->action) {
		case HOST_INJECT_DROP:
			drop = true;
			break;
		case HOST_INJECT_DELAY:
			*delay += in->amount;
			break;
		case HOST_INJECT_STARVE:
			host.starve_pending[host.current] += in->amount;
			break;
		case HOST_INJECT_FAULT:
			host.outcome.faults++;
			pwk_trap_fault(); /* the caller itself faults: never returns */
		case HOST_INJECT_KILL:
			pwk_process_kill(in->process, PWK_EXIT_TERMINATED_BY_KERNEL);
			break;
		case HOST_INJECT_IRQ:
			(void)hal_irq_trigger(in->irq);
			break;
		}
	}
	return drop;
}

bool host_inject_on_syscall(uint32_t id, uint64_t *delay)
{
	*delay = 0;
	/* The common run: nothing to match on every syscall. */
	return inject_count() != 0 && apply_on_syscall(id, delay);
}

/* Sleeps the current thread for `ns` through the kernel, as if it had
 * called object_wait(PROCESS, 0, now + ns) itself. */
static void sleep_current(uint64_t ns)
{
	const struct pwk_process_desc *pd =
		&host.system->processes[host.threads[host.current].process];
	uint64_t deadline = ns > UINT64_MAX - host.now ? UINT64_MAX : host.now + ns;
	const struct pwk_syscall_call wait =
		pwk_syscall_pack_object_wait(PWK_WORD_BITS, pd->object_count - 1u, 0, deadline);
	(void)pwk_trap_syscall(wait.id, wait.args);
}

void host_inject_hold_current(uint64_t extra_delay)
{
	if (host.current == PWK_NONE) {
		return;
	}
	uint64_t hold = extra_delay + host.starve_pending[host.current];
	host.starve_pending[host.current] = 0;
	if (hold != 0) {
		sleep_current(hold);
	}
}
