/*
 * uart_16550.h — pw_kernel's uart_16550_user driver, as the two processes
 * of the uart test use it: the NS16550 at a process's device mapping, RX
 * data interrupt enabled (IER bit 0) from construction, polled writes.
 * Register offsets: RBR/THR 0, IER 1, MCR 4 (loopback bit 4), LSR 5 (DR
 * bit 0, THRE bit 5).
 */
#ifndef UART_16550_H
#define UART_16550_H

#include <stdbool.h>
#include <stdint.h>

#define UART_RBR     0u
#define UART_THR     0u
#define UART_IER     1u
#define UART_MCR     4u
#define UART_LSR     5u
#define IER_RX_DATA  0x01u
#define MCR_LOOPBACK 0x10u
#define LSR_DR       0x01u
#define LSR_THRE     0x20u

struct uart {
	volatile uint8_t *base;
};

static inline struct uart uart_new(uintptr_t start_address)
{
	struct uart u = {(volatile uint8_t *)start_address};
	u.base[UART_IER] = IER_RX_DATA;
	return u;
}

static inline void uart_enable_loopback(struct uart *u)
{
	u->base[UART_MCR] = (uint8_t)(u->base[UART_MCR] | MCR_LOOPBACK);
}

/* Rust's Option<u8>: false when no byte is waiting. */
static inline bool uart_read(struct uart *u, uint8_t *value)
{
	if ((u->base[UART_LSR] & LSR_DR) == 0) {
		return false;
	}
	*value = u->base[UART_RBR];
	return true;
}

static inline void uart_write(struct uart *u, uint8_t value)
{
	while ((u->base[UART_LSR] & LSR_THRE) == 0) {
	}
	u->base[UART_THR] = value;
}

#endif
