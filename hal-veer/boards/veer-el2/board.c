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

void veer_board_putc(uint8_t c)
{
	mailbox_write(c);
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
