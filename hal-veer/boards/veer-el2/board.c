/* SPDX-License-Identifier: Apache-2.0 */
/*
 * board.c — VeeR EL2 testbench glue: mailbox console and exit, which
 * interrupts arrive. The clock and wake-up (veer_timer.c: internal
 * timers), the interrupt lines (veer_pic.c) and the sleep (sleep_mpmc.c)
 * are the drivers' own.
 */
#include "board.h"
#include "csr.h"
#include "drivers.h"
#include "veer.h"

static void mailbox_write(uint8_t byte)
{
	/* Without the fence a character can print twice. */
	__asm__ volatile("fence" ::: "memory");
	*(volatile uint8_t *)BOARD_MAILBOX = byte;
}

void veer_board_init(void)
{
	veer_mrac_set(BOARD_MRAC);
	veer_timer_init();
	veer_pic_init();
}

/* The testbench prints a mailbox byte only when it is 0x06..0x7e (newline
 * included); the others are its commands — 0x01 fails the run, 0x80..0x86
 * raise or pulse interrupt lines, 0xa0 requests a debug halt, 0xff passes
 * the run — and the continuation bytes of any UTF-8 text (the ports print
 * ✅) hit them. Such a byte is printed as the four characters \xNN, so
 * the console stays lossless and the run is never steered by its text. */
void veer_board_putc(uint8_t c)
{
	static const char hex[] = "0123456789abcdef";
	if (c >= 0x06u && c <= 0x7eu) {
		mailbox_write(c);
		return;
	}
	mailbox_write('\\');
	mailbox_write('x');
	mailbox_write((uint8_t)hex[c >> 4]);
	mailbox_write((uint8_t)hex[c & 0xfu]);
}

/* The mailbox knows only pass and fail: status 0 passes, anything else
 * (a failing status, deadlock, idle, panic) fails; the console's last
 * "pwk:" line says which. */
_Noreturn void veer_board_exit(veer_exit_kind_t kind, uint32_t code)
{
	mailbox_write(kind == VEER_EXIT_SHUTDOWN && code == 0 ? 0xffu : 0x01u);
	for (;;) {
		veer_board_sleep();
	}
}

/* External lines are claimed from the PIC; internal timer 1 (cause 28)
 * needs nothing: its interrupt is not sticky and clock.c re-arms it. */
void veer_board_interrupt(uint32_t code)
{
	if (code == IRQ_M_EXTERNAL) {
		veer_pic_claim_all();
	}
}

/* The testbench raises external lines only on mailbox command 0x81, which
 * a running program writes: when every thread is blocked, nothing will. */
bool veer_board_irq_can_wake(void)
{
	return false;
}
