/*
 * pic_check.c — veer-el2 only: a real external interrupt through the VeeR
 * PIC. The process asks the testbench mailbox to raise a line (command
 * 0x81, line in byte 1; 0x90 lowers every line) and checks what its
 * interrupt object sees:
 *   1. line 5 raised → INTERRUPT_A alone (user_data 0); the line is lowered,
 *      then acknowledged; a poll afterwards times out (it does not fire
 *      again);
 *   2. line 9 raised → INTERRUPT_B alone; acknowledged while still high, it
 *      fires again after the ack (a level line held by the kernel while the
 *      user has not acknowledged it); lowered and acknowledged, a poll times
 *      out.
 * Shuts down with 0 when every step passes, else with the failing status.
 */
#include <pwk/user.h>

#include "irq_check.h"
#include "pic_check_handles.h"
#include "pw_test.h"

#define MAILBOX_RAISE     0x81u
#define MAILBOX_LOWER_ALL 0x90u

static void mailbox(uint32_t command)
{
	*(volatile uint32_t *)MAPPING_MAILBOX_START_ADDRESS = command;
}

static void raise_line(uint32_t line)
{
	mailbox(line << 8 | MAILBOX_RAISE);
}

#define LINES (SIGNAL_LINE5 | SIGNAL_LINE9)

static pwk_status_t line5_once(void)
{
	raise_line(5);
	TRY(irq_expect(HANDLE_MAILBOX_LINES, LINES, SIGNAL_LINE5, "line 5"));
	mailbox(MAILBOX_LOWER_ALL);
	TRY(pwk_interrupt_ack(HANDLE_MAILBOX_LINES, SIGNAL_LINE5));
	TRY(irq_expect_quiet(HANDLE_MAILBOX_LINES, LINES, "line 5 after lower + ack"));
	pwk_log("line 5: INTERRUPT_A, lowered, acked, quiet\n");
	return PWK_OK;
}

static pwk_status_t line9_held(void)
{
	raise_line(9);
	TRY(irq_expect(HANDLE_MAILBOX_LINES, LINES, SIGNAL_LINE9, "line 9"));
	TRY(pwk_interrupt_ack(HANDLE_MAILBOX_LINES, SIGNAL_LINE9));
	TRY(irq_expect(HANDLE_MAILBOX_LINES, SIGNAL_LINE9, SIGNAL_LINE9,
		       "line 9 still high after ack"));
	mailbox(MAILBOX_LOWER_ALL);
	TRY(pwk_interrupt_ack(HANDLE_MAILBOX_LINES, SIGNAL_LINE9));
	TRY(irq_expect_quiet(HANDLE_MAILBOX_LINES, LINES, "line 9 after lower + ack"));
	pwk_log("line 9: INTERRUPT_B, acked high, fired again, lowered, acked, quiet\n");
	return PWK_OK;
}

int pwk_main(uint32_t index_in_app)
{
	(void)index_in_app;
	pwk_log("VeeR PIC check: mailbox lines 5 and 9\n");
	pwk_status_t s = line5_once();
	if (s == PWK_OK) {
		s = line9_held();
	}
	pwk_log(s == PWK_OK ? "VeeR PIC check PASSED\n" : "VeeR PIC check FAILED\n");
	pwk_debug_shutdown(s);
}
