/* SPDX-License-Identifier: Apache-2.0 */
/*
 * board.c — VeeR EL2 testbench glue: mailbox console and exit, the
 * internal timers as clock and wake-up, the VeeR PIC, mpmc sleep.
 */
#include "board.h"
#include "csr.h"
#include "drivers.h"
#include "veer.h"

#define IRQ_INTERNAL_TIMER1 28u

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
		mpmc_sleep();
	}
}

uint64_t veer_board_now_ns(void)
{
	return veer_timer_now_ns();
}

void veer_board_timer_set(uint64_t deadline_ns)
{
	veer_timer_set(deadline_ns);
}

void veer_board_sleep(void)
{
	mpmc_sleep();
}

void veer_board_interrupt(uint32_t code)
{
	if (code == IRQ_M_EXTERNAL) {
		veer_pic_claim_all();
	}
	/* Internal timer 1 (IRQ_INTERNAL_TIMER1): nothing to silence, the
	 * interrupt is not sticky and clock.c re-arms the timer. */
}

void veer_board_irq_poll(void)
{
	veer_pic_claim_all();
}

bool veer_board_irq_enable(uint32_t irq)
{
	return veer_pic_enable(irq);
}

void veer_board_irq_complete(uint32_t irq)
{
	veer_pic_complete(irq);
}

/* The testbench raises external lines only on mailbox command 0x81, which
 * a running program writes: when every thread is blocked, nothing will. */
bool veer_board_irq_can_wake(void)
{
	return false;
}
