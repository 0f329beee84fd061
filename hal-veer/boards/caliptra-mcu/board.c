/* SPDX-License-Identifier: Apache-2.0 */
/*
 * board.c — Caliptra MCU glue: byte UART, exit register, MCI mtime as the
 * clock and deadline timer, the VeeR PIC, mpmc sleep (wfi does nothing on
 * VeeR).
 */
#include "board.h"
#include "csr.h"
#include "drivers.h"
#include "veer.h"

void veer_board_init(void)
{
	veer_mrac_set(BOARD_MRAC);
	mtime_timer_set(UINT64_MAX);
	veer_pic_init();
	CSR_SET(mie, MIE_MTIE);
}

void veer_board_putc(uint8_t c)
{
	__asm__ volatile("fence" ::: "memory");
	*(volatile uint8_t *)BOARD_UART_TX = c;
}

/* The exit register takes the process exit code: debug_shutdown's status,
 * or 0xfd/0xfe/0xff for deadlock/idle/panic as on qemu-virt. */
_Noreturn void veer_board_exit(veer_exit_kind_t kind, uint32_t code)
{
	static const uint32_t fail_code[] = {0, 0xfd, 0xfe, 0xff};
	uint32_t value = kind == VEER_EXIT_SHUTDOWN ? code & 0xffu : fail_code[kind];
	*(volatile uint32_t *)BOARD_EXIT = value;
	for (;;) {
		mpmc_sleep();
	}
}

uint64_t veer_board_now_ns(void)
{
	return mtime_now_ns();
}

void veer_board_timer_set(uint64_t deadline_ns)
{
	mtime_timer_set(deadline_ns);
}

void veer_board_sleep(void)
{
	mpmc_sleep();
}

void veer_board_interrupt(uint32_t code)
{
	if (code == IRQ_M_TIMER) {
		mtime_timer_set(UINT64_MAX);
	} else if (code == IRQ_M_EXTERNAL) {
		veer_pic_claim_all();
	}
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

/* OpenPRoT's platform wires devices to PIC lines: an enabled line may
 * wake an idle system, so the HAL sleeps rather than report a deadlock. */
bool veer_board_irq_can_wake(void)
{
	return veer_pic_any_enabled();
}
