/*
 * plic_check.c — qemu-virt only: the PLIC's claim/complete semantics as an
 * interrupt object sees them, with UART0's RX interrupt (line 10, level:
 * high while a received byte waits) in loopback:
 *   1. a byte written → INTERRUPT_A;
 *   2. while the line is held (signalled, not acknowledged) the byte is read
 *      and a second one written: the line falls and rises again, and the
 *      object shows the one held signal; after the ack the line fires again
 *      for the second byte (the pend that arrived meanwhile);
 *   3. the byte read, then acknowledged: a poll times out.
 * QEMU's PLIC model (Debian's 7.2, with upstream commit a84be2ba) sets a
 * source pending each time the device raises its line and never clears it
 * on a lower, which bounds what can be checked:
 *  - not checked: that a level line still high at the ack fires again. A
 *    PLIC gateway forwards it again; QEMU does not (the RX line, its byte
 *    unread, stayed quiet for 10 ms after the ack);
 *  - nothing is logged while a byte waits unread: the 16550 model raises
 *    its line again on register writes such as THR (the console's too),
 *    and that latched raise fires once more after the ack although
 *    the byte was read by then (measured with the line below logged before
 *    the second read).
 * Shuts down with 0 when every step passes, else with the failing status.
 */
#include <pwk/user.h>

#include "irq_check.h"
#include "plic_check_handles.h"
#include "pw_test.h"
#include "uart_16550.h"

static pwk_status_t expect_byte(struct uart *uart, uint8_t expected)
{
	uint8_t value = 0;
	if (!uart_read(uart, &value) || value != expected) {
		pwk_log("FAILED: read %u, expected %u\n", (unsigned)value, (unsigned)expected);
		return PWK_INTERNAL;
	}
	return PWK_OK;
}

static pwk_status_t run(void)
{
	/* Loopback and drained before the RX interrupt is enabled (pw_kernel's
	 * test enables it first): a byte from the host side of QEMU's serial
	 * port can be waiting at boot (measured: one), and its interrupt would
	 * stay latched in QEMU's PLIC however soon the byte is read. */
	struct uart uart = {(volatile uint8_t *)MAPPING_UART0_START_ADDRESS};
	uint8_t byte;
	uart_enable_loopback(&uart);
	while (uart_read(&uart, &byte)) {
	}
	uart.base[UART_IER] = IER_RX_DATA;
	TRY(irq_expect_quiet(HANDLE_UART_INTERRUPTS, SIGNAL_UART0, "before any byte"));

	uart_write(&uart, 0x5a);
	TRY(irq_expect(HANDLE_UART_INTERRUPTS, SIGNAL_UART0, SIGNAL_UART0, "first byte"));

	/* Held: the line drops and rises again; nothing new until the ack. */
	TRY(expect_byte(&uart, 0x5a));
	pwk_log("byte written: INTERRUPT_A\n");
	uart_write(&uart, 0xa5);
	TRY(irq_expect(HANDLE_UART_INTERRUPTS, SIGNAL_UART0, SIGNAL_UART0, "held, second byte"));
	TRY(pwk_interrupt_ack(HANDLE_UART_INTERRUPTS, SIGNAL_UART0));
	TRY(irq_expect(HANDLE_UART_INTERRUPTS, SIGNAL_UART0, SIGNAL_UART0,
		       "second byte after the ack"));

	TRY(expect_byte(&uart, 0xa5));
	pwk_log("raised again while held: fired after the ack\n");
	TRY(pwk_interrupt_ack(HANDLE_UART_INTERRUPTS, SIGNAL_UART0));
	TRY(irq_expect_quiet(HANDLE_UART_INTERRUPTS, SIGNAL_UART0, "read and acked"));
	pwk_log("read, then acked: quiet\n");
	return PWK_OK;
}

int pwk_main(uint32_t index_in_app)
{
	(void)index_in_app;
	pwk_log("PLIC check: UART0 RX, line 10\n");
	pwk_status_t s = run();
	pwk_log(s == PWK_OK ? "PLIC check PASSED\n" : "PLIC check FAILED\n");
	pwk_debug_shutdown(s);
}
