/* SPDX-License-Identifier: Apache-2.0 */
/*
 * machine.c — the end of a run: hal_shutdown and hal_panic print the run's
 * last kernel line (SPEC: "pwk: shutdown status N at T ns", "pwk: panic:
 * FILE:LINE: EXPR") after any unfinished user lines, then the board's exit
 * device ends the run; so does a system that nothing can wake any more
 * (deadlock or idle), after one line per thread as hal-host reports them.
 */
#include <pwk/kernel.h>

#include "veer.h"
#include "veer_system.h"

_Noreturn void hal_shutdown(uint32_t code)
{
	veer_console_flush_all();
	veer_puts("pwk: shutdown status ");
	veer_put_dec(code);
	veer_puts(" at ");
	veer_put_dec(hal_now());
	veer_puts(" ns\n");
	veer_board_exit(VEER_EXIT_SHUTDOWN, code);
}

_Noreturn void hal_panic(const char *file, int line, const char *expr)
{
	veer_console_flush_all();
	veer_puts("pwk: panic: ");
	veer_puts(file);
	veer_puts(":");
	veer_put_dec((uint64_t)(line < 0 ? 0 : line));
	veer_puts(": ");
	veer_puts(expr);
	veer_puts("\n");
	veer_board_exit(VEER_EXIT_PANIC, 0);
}

/* Signal names as hal-host's thread report prints them. */
static void put_signals(uint32_t mask)
{
	const char *sep = "";
	for (uint32_t b = 0; b < 32u; b++) {
		const char *name = pwk_signal_name(b);
		if ((mask & (UINT32_C(1) << b)) != 0 && name != NULL) {
			veer_puts(sep);
			veer_puts(name);
			sep = "|";
		}
	}
	if (*sep == '\0') {
		veer_puts("nothing (a sleep)");
	}
}

static void report_threads(void)
{
	struct pwk_thread_info info;
	for (uint32_t t = 0; pwk_thread_info(t, &info); t++) {
		const struct pwk_thread_desc *td = &pwk_system.threads[t];
		veer_puts("pwk: thread ");
		veer_puts(pwk_system.processes[td->process].name);
		veer_puts("/");
		veer_puts(td->name);
		veer_puts(" (priority ");
		veer_put_dec(info.priority);
		veer_puts("): ");
		veer_puts(pwk_thread_state_name(info.state));
		if (info.state == PWK_THREAD_WAITING) {
			if (info.waiting_object < pwk_system.object_count) {
				const struct pwk_object_desc *o =
					&pwk_system.objects[info.waiting_object];
				veer_puts(" on '");
				veer_puts(o->name);
				veer_puts("' (");
				veer_puts(pwk_object_type_name(o->type));
				veer_puts(")");
			}
			veer_puts(" for ");
			put_signals(info.wait_mask);
			if (info.deadline == PWK_INSTANT_MAX) {
				veer_puts(", no deadline");
			} else {
				veer_puts(", deadline ");
				veer_put_dec(info.deadline);
				veer_puts(" ns");
			}
		}
		veer_puts("\n");
	}
}

/* Nothing can wake any thread: the run ends as a deadlock (some thread
 * waits for ever) or as idle (every thread has exited). */
_Noreturn void veer_end_stuck(void)
{
	bool any_waiting = false;
	struct pwk_thread_info info;
	for (uint32_t t = 0; pwk_thread_info(t, &info); t++) {
		any_waiting |= info.state == PWK_THREAD_WAITING;
	}
	veer_console_flush_all();
	pwk_instant_t now = hal_now();
	if (any_waiting) {
		veer_puts("pwk: deadlock at ");
		veer_put_dec(now);
		veer_puts(" ns: every thread is blocked and no deadline is pending\n");
	} else {
		veer_puts("pwk: idle at ");
		veer_put_dec(now);
		veer_puts(" ns: every thread has exited\n");
	}
	report_threads();
	veer_board_exit(any_waiting ? VEER_EXIT_DEADLOCK : VEER_EXIT_IDLE, 0);
}
