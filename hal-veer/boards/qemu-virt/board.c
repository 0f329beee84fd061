/* SPDX-License-Identifier: Apache-2.0 */
/*
 * board.c — QEMU virt glue: boot order of the drivers, the exit device,
 * which interrupts the machine timer and the PLIC deliver. The clock and
 * timer (mtime.c), the interrupt lines (plic.c) and the sleep
 * (sleep_wfi.c) are the drivers' own.
 */
#include "board.h"
#include "csr.h"
#include "drivers.h"
#include "veer.h"

void veer_board_init(void)
{
	ns16550_init();
	veer_board_timer_set(UINT64_MAX);
	plic_init();
	CSR_WRITE(mie, MIE_MTIE | MIE_MEIE);
}

void veer_board_putc(uint8_t c)
{
	ns16550_putc(c);
}

/* The SiFive test device ends QEMU with the code it is given: status 0
 * passes, status N fails with exit code N & 0xff, and a run that ends
 * stuck or in a panic fails with 0xfd (deadlock), 0xfe (idle), 0xff. */
_Noreturn void veer_board_exit(veer_exit_kind_t kind, uint32_t code)
{
	static const uint32_t fail_code[] = {0, 0xfd, 0xfe, 0xff};
	uint32_t value;
	if (kind == VEER_EXIT_SHUTDOWN) {
		value = code == 0 ? 0x5555u : ((code & 0xffffu) << 16) | 0x3333u;
	} else {
		value = (fail_code[kind] << 16) | 0x3333u;
	}
	*(volatile uint32_t *)BOARD_TEST_DEVICE = value;
	for (;;) {
		veer_board_sleep();
	}
}

void veer_board_interrupt(uint32_t code)
{
	if (code == IRQ_M_TIMER) {
		veer_board_timer_set(UINT64_MAX);
	} else if (code == IRQ_M_EXTERNAL) {
		plic_claim_all();
	}
}

/* With the CI command line (-nographic, no -device) nothing on the virt
 * board raises a PLIC line: only a deadline can wake an idle system, and
 * a system with none is stuck. A board variant with devices says so here. */
bool veer_board_irq_can_wake(void)
{
	return false;
}
