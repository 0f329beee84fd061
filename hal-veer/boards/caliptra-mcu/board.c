/* SPDX-License-Identifier: Apache-2.0 */
/*
 * board.c — Caliptra MCU glue: byte UART, exit register, which interrupts
 * arrive. The clock and timer (mtime.c on the MCI block), the interrupt
 * lines (veer_pic.c) and the sleep (sleep_mpmc.c: wfi does nothing on
 * VeeR) are the drivers' own.
 */
#include "board.h"
#include "csr.h"
#include "drivers.h"
#include "veer.h"

void veer_board_init(void)
{
	veer_mrac_set(BOARD_MRAC);
	veer_board_timer_set(UINT64_MAX);
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
		veer_board_sleep();
	}
}

void veer_board_interrupt(uint32_t code)
{
	if (code == IRQ_M_TIMER) {
		veer_board_timer_set(UINT64_MAX);
	} else if (code == IRQ_M_EXTERNAL) {
		veer_pic_claim_all();
	}
}

/* OpenPRoT's platform wires devices to PIC lines: an enabled line may
 * wake an idle system, so the HAL sleeps rather than report a deadlock. */
bool veer_board_irq_can_wake(void)
{
	return veer_pic_any_enabled();
}
