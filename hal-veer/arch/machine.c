/* SPDX-License-Identifier: Apache-2.0 */
/*
 * machine.c — the end of a run: hal_shutdown and hal_panic print the run's
 * last kernel line (SPEC: "pwk: shutdown status N at T ns", "pwk: panic:
 * FILE:LINE: EXPR") after any unfinished user lines, then the board's exit
 * device ends the run.
 */
#include "veer.h"

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
