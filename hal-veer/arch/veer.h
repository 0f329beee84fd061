/* SPDX-License-Identifier: Apache-2.0 */
/*
 * veer.h — hal-veer's internal interface between its architecture files
 * (arch/) and the board glue (boards/<name>/, drivers/). Everything here
 * runs in machine mode with interrupts off.
 */
#ifndef PWK_HAL_VEER_VEER_H
#define PWK_HAL_VEER_VEER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <pwk/hal.h>

/* Threads the HAL keeps a context and a console line for; the target
 * kernel's own PWK_THREADS_MAX. */
#ifndef VEER_THREADS_MAX
#define VEER_THREADS_MAX 32u
#endif

/* Interrupt lines hal-veer can pend, deliver and hold (two words). */
#define VEER_IRQS_MAX 64u

/* The user context saved by trap.S at the top of the trapping thread's
 * kernel stack: x[0] holds mepc (x0 needs no slot), x[i] is register xi,
 * so a0..a7 are the syscall's argument words in place. */
struct veer_frame {
	pwk_word_t x[32];
};
#define VEER_FRAME_MEPC 0
#define VEER_FRAME_SP   2
#define VEER_FRAME_A0   10

/* How a run ends, for the board's exit device. */
typedef enum {
	VEER_EXIT_SHUTDOWN, /* debug_shutdown(code) */
	VEER_EXIT_DEADLOCK,
	VEER_EXIT_IDLE,
	VEER_EXIT_PANIC,
} veer_exit_kind_t;

/* --- board interface: every board provides these (boards/<name>/, drivers/) */

/* Brings up the console, the clock and the interrupt controller at boot. */
void veer_board_init(void);
/* Writes one console byte (blocking). */
void veer_board_putc(uint8_t c);
/* Ends the run on the board's exit device; `code` is debug_shutdown's. */
_Noreturn void veer_board_exit(veer_exit_kind_t kind, uint32_t code);
/* Nanoseconds since reset; monotonic. */
uint64_t veer_board_now_ns(void);
/* Raises the timer interrupt once veer_board_now_ns() >= `deadline_ns`
 * (UINT64_MAX: no deadline). Replaces the previous setting. It may also
 * fire earlier (veer-el2 wakes at least every 2^31 cycles to keep its
 * clock's high word): callers re-check the time. */
void veer_board_timer_set(uint64_t deadline_ns);
/* Waits, with interrupts off in the kernel, until an enabled interrupt is
 * pending (or returns early: callers re-check). */
void veer_board_sleep(void);
/* An interrupt trapped from user mode with cause `code` (mcause without
 * the interrupt bit): the board silences its source; external lines it
 * claims are passed to veer_irq_raise_line(). */
void veer_board_interrupt(uint32_t code);
/* Polls the interrupt controller for pending external lines (after a
 * sleep) and passes each to veer_irq_raise_line(). */
void veer_board_irq_poll(void);
/* Enables external line `irq` at the controller (false: no such line). */
bool veer_board_irq_enable(uint32_t irq);
/* The user acknowledged hardware line `irq`: let it fire again. */
void veer_board_irq_complete(uint32_t irq);
/* True when some enabled line is wired to a device that can raise it, so
 * an idle system without deadlines may still be woken. */
bool veer_board_irq_can_wake(void);

/* --- arch services used by the boards and by each other ------------------- */

/* div.c: n / d (and n % d in *rem unless NULL) without libgcc's 64-bit
 * division. d != 0. */
uint64_t veer_udiv64(uint64_t n, uint32_t d, uint32_t *rem);

/* console.c */
void veer_puts(const char *s);
void veer_put_dec(uint64_t v);
void veer_put_hex(uint32_t v);
void veer_console_flush_all(void);

/* irq.c: a hardware line was claimed by the board (held until acked). */
void veer_irq_raise_line(uint32_t irq);
/* Takes one deliverable line (pending, enabled, not held); false if none. */
bool veer_irq_take(uint32_t *irq);

/* clock.c: the interrupt point on the way back to user mode (pending lines,
 * expired deadline, tick), then the hardware timer for the next one. */
void veer_kernel_exit(void);
/* Programs the hardware timer for the current thread's return to user mode. */
void veer_timer_rearm(void);
void veer_clock_boot(void);

/* thread.c */
uint32_t veer_current_thread(void);

/* machine.c: nothing can wake any thread: the deadlock or idle report,
 * then the board's exit. */
_Noreturn void veer_end_stuck(void);

/* trap.S / switch.S */
void veer_trap_entry(void);
void veer_thread_first(void);
void veer_switch(uintptr_t *save_sp, uintptr_t load_sp);

/* trap.c */
void veer_trap(struct veer_frame *frame);
_Noreturn void veer_machine_fault(uint32_t mcause, uint32_t mepc, uint32_t mtval);
void veer_boot(void);

#endif /* PWK_HAL_VEER_VEER_H */
