/* SPDX-License-Identifier: Apache-2.0 */
/*
 * ns16550.c — console output on an NS16550-compatible UART (QEMU virt):
 * wait for the transmit holding register to be empty, write the byte.
 *
 * A process may map the same UART as a device and drive it (pw_kernel's
 * uart test puts it in loopback, MCR bit 4, and reads back what it
 * writes). In loopback the transmitter feeds the receiver and nothing
 * reaches the line, so a console byte would be lost *and* land in the
 * process's receiver. The console therefore leaves loopback for its own
 * byte: transmitter empty, loopback off, the byte, transmitter empty
 * again, the process's MCR back. The kernel runs with interrupts off, so
 * no process store comes in between. The process's IER is not touched.
 */
#include "board.h"
#include "drivers.h"

#define UART_THR 0u
#define UART_IER 1u
#define UART_MCR 4u
#define UART_LSR 5u
#define LSR_THRE 0x20u
#define LSR_TEMT 0x40u /* holding and shift register both empty */
#define MCR_LOOP 0x10u

static volatile uint8_t *uart(unsigned reg)
{
	return (volatile uint8_t *)(BOARD_UART_BASE + reg);
}

void ns16550_init(void)
{
	*uart(UART_IER) = 0; /* polled output: the UART raises no line */
}

static void wait_lsr(uint8_t bits)
{
	while ((*uart(UART_LSR) & bits) != bits) {
	}
}

void ns16550_putc(uint8_t c)
{
	uint8_t mcr = *uart(UART_MCR);
	if ((mcr & MCR_LOOP) == 0) {
		wait_lsr(LSR_THRE);
		*uart(UART_THR) = c;
		return;
	}
	wait_lsr(LSR_TEMT); /* the process's own byte has looped back */
	*uart(UART_MCR) = (uint8_t)(mcr & ~MCR_LOOP);
	*uart(UART_THR) = c;
	wait_lsr(LSR_TEMT); /* out on the line before loopback returns */
	*uart(UART_MCR) = mcr;
}
