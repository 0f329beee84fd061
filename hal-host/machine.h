/*
 * machine.h — hal-host's internal state, shared by its files. One machine
 * per host process; every field is reset by host_machine_reset().
 */
#ifndef PWK_HAL_HOST_MACHINE_H
#define PWK_HAL_HOST_MACHINE_H

#include <stdint.h>
#include <ucontext.h>

#include "host.h"
#include "region.h"
#include "rng.h"

#define HOST_PROCESSES_MAX  64
#define HOST_THREADS_MAX    256
#define HOST_INJECTIONS_MAX 64

/* Host kernel stacks are far larger than the declared kernel_stack_size:
 * the kernel runs here with sanitizers and host calling conventions. */
#define HOST_KERNEL_STACK_SIZE (256u * 1024u)

/* 128 bytes, a power of two: a switch indexes host.threads twice, and
 * then each index is one shift. */
struct host_thread {
	_Alignas(128) uint8_t *stack; /* mmap'd, with a guard page below */
	size_t stack_size;            /* usable bytes above the guard */
	/* stack + stack_size rounded down to 16: host_kernel_sp while this
	 * thread is in user mode, kept so that a switch does not recompute it */
	uintptr_t kernel_top;
	void *saved_sp; /* kernel context while switched out */
	uint32_t process;
	int64_t *budget; /* its process's budget counter (budget.h), found when prepared */
	/* prepared user entry (hal_thread_prepare) */
	uintptr_t pc, sp, a0, a1, a2;
};
_Static_assert(sizeof(struct host_thread) == 128, "host_thread stays a power of two");

/* The console line being assembled for a thread (console.c). */
struct host_console_line {
	char text[256];
	size_t len;
};

struct host_machine {
	struct host_options opts;
	const struct pwk_system_desc *system;
	struct host_region regions[HOST_PROCESSES_MAX];
	uint32_t region_count;
	struct host_thread threads[HOST_THREADS_MAX];
	uint32_t current; /* running thread, PWK_NONE before the first switch */
	/* Its budget counter (host_thread.budget), set at the switch to it:
	 * every syscall reads it. NULL while current is PWK_NONE. */
	int64_t *current_budget;
	uint32_t applied_process;
	bool switch_protects; /* a process switch changes protections (mprotect, pkeys) */
	/* An image holds bytes that write PKRU: no key gate (pkeys.c). Kept
	 * across a rewind, which keeps the images. */
	bool key_gate_refused;
	/* time and randomness */
	struct host_rng rng;
	bool forced_preempt; /* the current grant ends at a seeded preemption point */
	/* Blocks granted to the running thread at its last return to user
	 * mode; 0 while in the kernel (every entry collects), so one field
	 * serves every thread. */
	int64_t budget_granted;
	/* Set at reset from opts: no seeded draw, injection or zero block
	 * cost touches a syscall's charge or grant, and the costs are small
	 * enough that a charge overflows only by the clock's addition
	 * (budget.h's common case). */
	bool budget_common;
	uint64_t time_limit_next; /* time_limit + 1, saturating: a grant's horizon */
	uint64_t now;
	uint64_t armed;
	uint64_t next_tick;
	/* The earliest of time_limit_next, armed and next_tick (when ticking):
	 * budget.h's host_budget_horizon_update() keeps it. */
	uint64_t horizon;
	/* horizon, or 0 while any irq is pending (irq_pending_words != 0):
	 * the common return's one compare, "an event due or an irq pending"
	 * (budget.h's host_budget_return_horizon_update() keeps it). */
	uint64_t return_horizon;
	/* preemption-gate entries so far (watchdog.c adds the syscalls), and
	 * what the watchdog saw: the entries, virtual time and lowest budget
	 * counter at its last look, and the wall seconds since the run last
	 * moved */
	uint64_t preempt_entries;
	uint64_t watch_entries;
	uint64_t watch_now;
	int64_t watch_budget_low;
	unsigned watch_stalled;
	/* run control */
	void *boot_sp; /* the context host_machine_run() returns to */
	const void *boot_stack_bottom;
	size_t boot_stack_size;
	struct host_outcome outcome;
	/* interrupts raised by debug_trigger_interrupt, delivered at the next
	 * interrupt point */
	uint64_t irq_pending[4];
	/* Bit w set iff irq_pending[w] != 0 (clock.c keeps it, and
	 * return_horizon with it): "any pending?" in one load. */
	uint32_t irq_pending_words;
	uint64_t irq_enabled[4];
	/* delivered and not yet acknowledged: held off, as a PLIC claim not yet
	 * completed; a pend meanwhile waits in irq_pending for the ack */
	uint64_t irq_in_service[4];
	/* injections: per entry, times triggered (syscall triggers count
	 * matching syscalls) and whether it is done */
	uint32_t inject_seen[HOST_INJECTIONS_MAX];
	bool inject_done[HOST_INJECTIONS_MAX];
	uint64_t starve_pending[HOST_THREADS_MAX]; /* ns to hold the thread off */
	/* console capture */
	struct host_console_line console_lines[HOST_THREADS_MAX];
	char *console_text;
	size_t console_len, console_cap;
	bool console_truncated; /* the kept text reached its bound */
};

extern struct host_machine host;

/* Set by the assembly gate; see context_x86_64.S. */
extern volatile uint8_t host_in_user;
extern uintptr_t host_kernel_sp;

/* context_x86_64.S */
void host_ctx_switch(void **save_sp, void *load_sp);
_Noreturn void host_enter_user(uintptr_t pc, uintptr_t sp, uintptr_t a0, uintptr_t a1,
			       uintptr_t a2);

/* thread_ctx.c */
void host_fiber_leave(void **fake, const void *bottom, size_t size);
void host_fiber_arrive(void *fake, const void **old_bottom, size_t *old_size);
void *host_ctx_frame(uint8_t *stack_top_aligned, void (*entry)(void));
/* Clear every thread (their kernel stacks stay mapped for the next run);
 * release also unmaps the stacks. */
void host_threads_clear(void);
void host_threads_release(void);
void host_stack_unpoison(const void *bottom, size_t size);
uintptr_t host_thread_kernel_top(uint32_t thread);

/* machine.c: end the run with `kind`; switches back to host_machine_run(). */
_Noreturn void host_end_run(host_outcome_kind_t kind, uint32_t code);

/* One 64-bit word into the trace digest `h` (trace_ring.c's): a multiply
 * and a rotate (the rotate brings the product's well-mixed high bits down
 * to where the next word's low bits land). For a fixed `h` the step is a
 * bijection of `w`, and for a fixed `w` one of `h` (the multiplier is odd),
 * so two runs whose records differ in one word never share a digest. The
 * multiplier (MurmurHash2's) fits an instruction's 32-bit immediate: a
 * 64-bit one took a register load of its own at most of the ~36 words a
 * round trip folds. */
static inline uint64_t host_digest_word(uint64_t h, uint64_t w)
{
	h = (h ^ w) * UINT64_C(0x5bd1e995);
	return h << 31 | h >> 33;
}

/* The one writer of virtual time after reset: each new time is folded
 * into the digest where the clock moves, so that no record has to test
 * it. The digest so fixes every record's time (the last one folded before
 * it), and records fold only their fields (trace_ring.c). */
static inline void host_clock_set(uint64_t now)
{
	if (now != host.now) {
		host.now = now;
		host.outcome.trace_digest = host_digest_word(host.outcome.trace_digest, now);
	}
}

/* clock.c's: advances virtual time by `ticks`, ending the run past the limit. Inline:
 * every kernel entry charges the clock twice. */
static inline void host_clock_advance(uint64_t ticks)
{
	host_clock_set(ticks > UINT64_MAX - host.now ? UINT64_MAX : host.now + ticks);
	if (host.now > host.opts.time_limit) {
		host_end_run(HOST_OUTCOME_TIME_LIMIT, 0);
	}
}
/* Interrupt points: interrupt.h (clock.c). */

/* budget.c: charge the blocks run since the last grant (false, charging
 * nothing, when process code wrote a value larger than granted into its
 * counter); grant a new budget to the current thread before it returns to
 * user mode; handle a budget that ran out. */
bool host_budget_collect(void);
void host_budget_grant(void);
void host_preempt_point(void);

/* inject.c: inject.h. */

/* trace_ring.c: fold bytes into the run's digest; print the last records
 * (hal_panic's dump); forget every record (a new machine, or a rewound one,
 * must not dump the previous run's). */
void host_report_trace_tail(FILE *out);
void host_trace_ring_clear(void);
void host_digest_bytes(const void *bytes, size_t len);

/* machine.c: fill a region's link page for the current isolation mode (the
 * gates, the budget counter's address). */
void host_region_link_write(const struct host_region *r);

/* console.c */
void host_console_flush_all(void);
void host_console_flush_for_exit(void);
void host_console_release(void);

/* fault.c: install the fault handlers (and fatal.c's) unless they still
 * are; fault the current thread's process for `what` it did (reported like
 * a signal fault), from the kernel side. */
void host_faults_install(void);
_Noreturn void host_fault_current(const char *what);

/* fatal.c: report (console flushed, one line) when pwsim dies by a signal;
 * the handlers for SIGTERM, SIGINT, SIGABRT and the like. */
void host_fatal_report(int sig);
void host_fatal_install(void);

/* seccomp.c: refuse host syscalls made from process code (once per host
 * process; every later machine runs under the same filter). */
void host_seccomp_install(void);

/* hidden_gate.c: point a region's link page at the gates (direct, or the
 * trapping stubs in isolation mprotect); resume a stub's trapped syscall
 * at its gate (false: not a stub's). */
struct pwk_host_link;
void host_gate_link(const struct host_region *r, struct pwk_host_link *link);
bool host_gate_trap_enter(ucontext_t *uc);
void host_hidden_gate_start(void);
void host_hidden_gate_stop(void);
/* Where the hidden gates' syscall leaves the instruction pointer, as an
 * offset in a process's 4 GiB slot (the same in every slot; seccomp.c lets
 * exactly these two make their call). */
#define HOST_GATE_LINK_IN_SLOT       (HOST_REGION_GUARD + HOST_REGION_PAGE)
#define HOST_GATE_SYSCALL_STUB       64u /* offsets in the link page */
#define HOST_GATE_PREEMPT_STUB       96u
#define HOST_GATE_SYSCALL_STUB_AFTER 17u /* the syscall's end in each stub */
#define HOST_GATE_PREEMPT_STUB_AFTER 12u
#define HOST_GATE_SYSCALL_IP_IN_SLOT                                                               \
	(HOST_GATE_LINK_IN_SLOT + HOST_GATE_SYSCALL_STUB + HOST_GATE_SYSCALL_STUB_AFTER)
#define HOST_GATE_PREEMPT_IP_IN_SLOT                                                               \
	(HOST_GATE_LINK_IN_SLOT + HOST_GATE_PREEMPT_STUB + HOST_GATE_PREEMPT_STUB_AFTER)

/* host_reads.c: make rdtsc, rdtscp and (where the CPU can) cpuid fault on
 * the machine's host thread during a run; which of them is at pc, and its
 * length; emulate one that pwsim's own code (the vDSO) executed. */
typedef enum {
	HOST_READ_NONE,
	HOST_READ_TSC,
	HOST_READ_TSCP,
	HOST_READ_CPUID,
} host_read_t;
void host_reads_trap_start(void);
void host_reads_trap_stop(void);
bool host_reads_cpuid_traps(void);
host_read_t host_read_insn(const uint8_t *pc, size_t *len);
bool host_reads_emulate(ucontext_t *uc);

/* pkeys.c: isolation pkeys and the key gate.
 * ready: `process` has its key (allocated at its first region), else false
 * and why in err. key_gate: whether this run's link pages hold the key
 * gate's stubs (every isolation but trusted, where the CPU has keys,
 * PWSIM_KEY_GATE is not "off" and no image refused it). key: the key
 * `process`'s user view carries in this isolation (0 outside pkeys).
 * apply: PKRU for `process` running (PWK_NONE: key 0 only). run_enter /
 * run_leave: the run's PKRU installed and the caller's given back (nothing
 * without the key gate). image_loaded: after the loader put an image in
 * `r`: if its flash holds the bytes of WRPKRU or XRSTOR, isolation pkeys
 * refuses it (false, and where, in err), none and mprotect give up the key
 * gate for the machine (every link page rewritten). gate_link: the key
 * gate's stubs' bytes in a link page (hidden_gate.c calls it and names
 * them). gate_page: maps (true) or unmaps (false) the gate page, `r`'s
 * lowest page. after_fault:
 * PKRU as the running process has it (a fault can come between a stub's
 * WRPKRU and the gate's). */
bool host_pkeys_ready(uint32_t process, char *err, size_t err_cap);
bool host_key_gate(void);
int host_pkeys_key(uint32_t process);
void host_pkeys_apply(uint32_t process);
uint32_t host_pkeys_run_enter(void);
void host_pkeys_run_leave(uint32_t caller);
bool host_pkeys_image_loaded(const struct host_region *r, char *err, size_t err_cap);
void host_pkeys_gate_link(const struct host_region *r, struct pwk_host_link *link);
void host_pkeys_gate_page(struct host_region *r, bool mapped);
void host_pkeys_after_fault(void);

/* machine.c: a region's views as this run's isolation needs them: the key
 * gate's page, its protection key (pkeys), then accessible unless
 * isolation mprotect. */
void host_region_apply_isolation(struct host_region *r);

/* syscall_dispatch.c: during a run, a host syscall while process code
 * runs is refused wherever its instruction lies (the selector byte the
 * assembly sets: 0 allow, 1 block). */
extern volatile uint8_t host_sud_selector;
void host_syscall_dispatch_start(void);
void host_syscall_dispatch_stop(void);

/* watchdog.c: arm/disarm the wall-clock watchdog around a run; forget
 * that its handler is installed (host_signals_forget). */
void host_watchdog_start(void);
void host_watchdog_stop(void);
void host_watchdog_forget(void);

#endif
