/*
 * pwk/hal.h — the hardware abstraction layer contract: every function the
 * kernel needs from a machine. Exactly one HAL is linked per binary
 * (hal-host, hal-veer, or the tests' fake); there is no ops table.
 *
 * This header is the porting guide. Unless a comment says otherwise each
 * function is called by kernel-core with interrupts masked, on the current
 * thread's kernel stack, and must not call back into the kernel.
 *
 * Threads and processes are named by their global index in the
 * pwk_system_desc passed to pwk_boot(); PWK_NONE means "none".
 */
#ifndef PWK_HAL_H
#define PWK_HAL_H

#include <pwk/abi.h>
#include <pwk/system.h>

/* --- threads ------------------------------------------------------------ */

/* Prepares thread `thread` (of process `process`) so that the next
 * hal_context_switch() to it enters user mode at `pc` with stack pointer
 * `sp` and argument registers a0..a2. Any earlier context of the thread is
 * discarded (it has exited, or never ran). Called at process/thread start. */
void hal_thread_prepare(uint32_t thread, uint32_t process, uintptr_t pc, uintptr_t sp,
			pwk_word_t a0, pwk_word_t a1, pwk_word_t a2);

/* Process `process` is being started (at boot, or by process_start after a
 * join), before any of its threads is prepared. On hardware the process's
 * own start-up code re-initialises its .data and .bss; a HAL that loaded
 * the image itself (hal-host) restores the process's initial RAM here, so a
 * restarted process starts from the same memory as the first time. */
void hal_process_starting(uint32_t process);

/* Saves the kernel context of `from` and resumes `to` where it last called
 * hal_context_switch() (or at its prepared user entry). Returns when some
 * later switch resumes `from`. `from` == PWK_NONE for the very first switch
 * from pwk_run(), whose context is never resumed. `from` may be a thread
 * that has exited: its context is then simply never resumed. */
void hal_context_switch(uint32_t from, uint32_t to);

/* Makes process `process`'s memory (and only it, where the HAL isolates)
 * accessible to user mode. Called before switching to a thread of a
 * different process than the one last applied. */
void hal_protection_apply(uint32_t process);

/* Translates a user address of `process` that the kernel has already
 * validated against the process's regions into a pointer the kernel can
 * dereference, whichever process is running. Never fails. */
void *hal_user_ptr(uint32_t process, uintptr_t uaddr);

/* --- time ----------------------------------------------------------------- */

/* The current instant, in ticks; monotonic. */
pwk_instant_t hal_now(void);

/* Requests pwk_trap_timer() once hal_now() >= `deadline`; replaces any
 * earlier request. PWK_INSTANT_MAX cancels the request. A deadline not after
 * now is due at once. With the default tick-granular deadlines the kernel
 * arms it only while idle (and cancels it before running a thread); the
 * scheduler tick, pwk_trap_tick(), is a separate periodic interrupt the HAL
 * always delivers while threads run. */
void hal_timer_arm(pwk_instant_t deadline);

/* Called by the scheduler when no thread is ready. Returns once time has
 * advanced or an interrupt may have fired; the scheduler then fires expired
 * deadlines and looks again. It returns at once if the armed deadline is not
 * after now. It may call pwk_trap_irq() or pwk_trap_tick() before returning
 * (never pwk_trap_timer()). If nothing can ever wake a thread (no deadline
 * armed, no interrupt source) a HAL may end the run here (a deadlock). */
void hal_idle(void);

/* --- interrupts ------------------------------------------------------------ */

/* Enables interrupt line `irq` (declared by an interrupt object) at boot. */
void hal_irq_enable(uint32_t irq);

/* interrupt_ack(): the user has handled `irq`; let it fire again. From its
 * delivery (pwk_trap_irq) until this call the line is held off, as
 * pw_kernel's PLIC claim or VeeR PIC source disable does; a pend that
 * arrives meanwhile is kept and delivered after this call, not merged into
 * the first. May be called for a line that is not in service (a no-op). */
void hal_irq_ack(uint32_t irq);

/* debug_trigger_interrupt(): software-pends `irq`. Returns false where the
 * controller cannot do that (the syscall then returns UNIMPLEMENTED). */
bool hal_irq_trigger(uint32_t irq);

/* --- console, tracing, end of the world -------------------------------------- */

/* debug_log / debug_putc output of thread `thread`: `len` bytes, verbatim
 * (no prefix or newline added by the kernel). `bytes` is a kernel pointer. */
void hal_console_write(uint32_t thread, const uint8_t *bytes, size_t len);

typedef enum {
	PWK_TRACE_SYSCALL_ENTER, /* a = syscall id, b = handle/arg0 */
	PWK_TRACE_SYSCALL_EXIT,  /* a = syscall id, b = status (0 = OK) */
	PWK_TRACE_SWITCH,        /* thread = from (PWK_NONE at boot), a = to */
	PWK_TRACE_WAKE,          /* thread = woken thread, a = signals */
	PWK_TRACE_USER_ERROR,    /* a = syscall id, b = status, reason = why */
	PWK_TRACE_FAULT,         /* thread faulted; a = process */
	PWK_TRACE_EXIT,          /* thread exited; a = exit tag, b = payload */
	PWK_TRACE_TRANSACT,      /* a = initiator object, b = handler object */
	PWK_TRACE_RESPOND,       /* a = handler object, b = response length */
} pwk_trace_kind_t;

/* One trace event as a consumer sees it (hal_trace_emit's arguments, or
 * hal_trace_emit_reason's). */
struct pwk_trace_record {
	pwk_trace_kind_t kind;
	uint32_t thread; /* the thread it concerns (usually the current one) */
	uint32_t a;
	uint32_t b;
	const char *reason; /* static string or NULL */
};

/* Records one trace event without a reason (every kind but
 * PWK_TRACE_USER_ERROR): `thread` is the thread it concerns (usually the
 * current one), `a` and `b` as the kind says. The fields come in
 * registers, not as a record in memory: the IPC path emits 14 per round
 * trip, so a HAL that traces nothing (or only folds them into a digest)
 * pays a few instructions each. May drop records. */
void hal_trace_emit(pwk_trace_kind_t kind, uint32_t thread, uint32_t a, uint32_t b);

/* The same for a record with a reason, `reason` a static string, never
 * NULL (PWK_TRACE_USER_ERROR: why a syscall failed). Apart from the common
 * records so that those carry no reason argument and no test of it. */
void hal_trace_emit_reason(pwk_trace_kind_t kind, uint32_t thread, uint32_t a, uint32_t b,
			   const char *reason);

/* debug_shutdown(code): the system is finished. Does not return to the
 * kernel (hal-host returns control to whoever called pwk_run()). */
_Noreturn void hal_shutdown(uint32_t code);

/* A kernel invariant is broken (a kernel bug, never user input). */
_Noreturn void hal_panic(const char *file, int line, const char *expr);

#endif /* PWK_HAL_H */
