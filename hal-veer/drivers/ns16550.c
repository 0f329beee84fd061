/* SPDX-License-Identifier: Apache-2.0 */
/*
 * ns16550.c — console output on an NS16550-compatible UART (QEMU virt):
 * wait for the transmit holding register to be empty, write the byte.
 */
#include "board.h"
#include "drivers.h"

#define UART_THR 0u
#define UART_IER 1u
#define UART_LSR 5u
#define LSR_THRE 0x20u

static volatile uint8_t *uart(unsigned reg)
{
	return (volatile uint8_t *)(BOARD_UART_BASE + reg);
}

void ns16550_init(void)
{
	*uart(UART_IER) = 0; /* polled output: the UART raises no line */
}

void ns16550_putc(uint8_t c)
{
	while ((*uart(UART_LSR) & LSR_THRE) == 0) {
	}
	*uart(UART_THR) = c;
}
