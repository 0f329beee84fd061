/*
 * pwk/kernel.h — the kernel's entry points: the only kernel functions a HAL
 * may call. Everything else in kernel-core is internal.
 *
 * Context: kernel-core is single-core and non-preemptible. Every entry point
 * runs with interrupts masked (on hal-host: on the current thread's kernel
 * stack, from the one host thread).
 */
#ifndef PWK_KERNEL_H
#define PWK_KERNEL_H

#include <pwk/abi.h>
#include <pwk/system.h>

/* Checks `system` against the kernel's limits (PWK_*_MAX) and its own
 * consistency, and resets all kernel state to the boot state: objects with
 * their initial signals, threads stopped. `system->options` selects boot
 * options (PWK_BOOT_*, pwk/system.h; 0 is pw_kernel's behaviour). Returns
 * OK, or RESOURCE_EXHAUSTED (a limit is exceeded) / INVALID_ARGUMENT
 * (inconsistent links, an unknown option bit) and boots nothing. `system` must stay valid while the
 * kernel runs. May be called again after hal_shutdown() returned control to the HAL's caller. */
pwk_status_t pwk_boot(const struct pwk_system_desc *system);

/* Starts every process (its start_with_process threads) and switches to the
 * first thread to run. Does not return: the system runs until
 * hal_shutdown(). */
_Noreturn void pwk_run(void);

/* The current thread trapped with syscall `id` (only the low 16 bits are
 * used) and argument words `args`. Validates, performs, and returns the two
 * result words. May block (switch away) before returning. A thread marked
 * for termination never returns from here: it exits instead. */
pwk_syscall_ret_t pwk_trap_syscall(uint32_t id, const pwk_word_t args[PWK_SYSCALL_ARGS_MAX]);

/* hal_now() reached the instant last passed to hal_timer_arm(): fires every
 * expired deadline when deadlines are exact (PWK_BOOT_EXACT_DEADLINES);
 * with the default tick granularity a thread's deadlines wait for the tick,
 * and the kernel arms the timer only while it idles. Called on the current
 * thread's kernel stack when it is about to return to user mode. May switch
 * threads. */
void pwk_trap_timer(void);

/* The scheduler tick (pw_kernel's 100 Hz by default; the HAL chooses the
 * period). Fires every expired deadline (with the default tick granularity
 * this is where deadlines end while threads run), then requeues the current
 * thread behind its equals and switches to the best ready thread. May also
 * be called from hal_idle() (it then only fires deadlines). */
void pwk_trap_tick(void);

/* The current thread faulted in user mode (bad access, illegal instruction,
 * stack overflow). The kernel terminates its process with
 * UnhandledException(0), as pw_kernel does. Does not return. */
_Noreturn void pwk_trap_fault(void);

/* Terminates process `process` from outside any process (a watchdog, the
 * simulator's fault injection), exactly as task_terminate would but with
 * exit status `tag` (payload 0). No effect on a process that is not
 * running or already ending. May be called from hal_idle(). May switch
 * threads; if the current thread belongs to `process` it does not return. */
void pwk_process_kill(uint32_t process, pwk_exit_tag_t tag);

/* Interrupt line `irq` fired: raises the signal of the interrupt object that
 * declared it. Unknown irqs are ignored. May switch threads. */
void pwk_trap_irq(uint32_t irq);

/* Read-only view of a thread, for reports (deadlock, limits, traces). */
typedef enum {
	PWK_THREAD_STOPPED,    /* bound, not started or joined */
	PWK_THREAD_READY,      /* eligible, not running */
	PWK_THREAD_RUNNING,    /* the current thread */
	PWK_THREAD_WAITING,    /* blocked in object_wait/transact */
	PWK_THREAD_TERMINATED, /* exited, awaiting join */
} pwk_thread_state_t;

/* "stopped", "ready", "running", "waiting", "exited" (reports). */
static inline const char *pwk_thread_state_name(pwk_thread_state_t state)
{
	switch (state) {
	case PWK_THREAD_STOPPED:
		return "stopped";
	case PWK_THREAD_READY:
		return "ready";
	case PWK_THREAD_RUNNING:
		return "running";
	case PWK_THREAD_WAITING:
		return "waiting";
	case PWK_THREAD_TERMINATED:
		return "exited";
	}
	return "?";
}

struct pwk_thread_info {
	pwk_thread_state_t state;
	uint32_t process;
	uint32_t priority;
	uint32_t waiting_object; /* global object index, or PWK_NONE */
	uint32_t wait_mask;
	pwk_instant_t deadline; /* PWK_INSTANT_MAX when none */
};

/* Fills `info` for global thread index `thread`; false if out of range. */
bool pwk_thread_info(uint32_t thread, struct pwk_thread_info *info);

/* Index of the running thread, or PWK_NONE (idle / not started). */
uint32_t pwk_current_thread(void);

/* The first broken kernel invariant pwk_check_invariants() found: `what`
 * names it (static text), and the thread, object (global index) and
 * process it is about, PWK_NONE for those it is not about. */
struct pwk_invariant_failure {
	const char *what;
	uint32_t thread;
	uint32_t process;
	uint32_t object;
};

/* Checks the whole kernel state against its invariants: each thread in
 * exactly one place (the CPU, its run queue, a waiter list, or none), a
 * blocked wait's signals still off, channel signals matching the pair's
 * transaction and every transaction owned by a started initiator process,
 * wait-group lists matching their members' signals, process thread counts
 * and JOINABLE matching thread and process states. For tests and fuzzers,
 * called between kernel entries (from user mode, or after pwk_boot()).
 * Returns true, or false with the first broken invariant in `*out`. Reads
 * only; allocates nothing; bounded by the system's size. */
bool pwk_check_invariants(struct pwk_invariant_failure *out);

#endif /* PWK_KERNEL_H */
