/*
 * uart_listener.c — pw_kernel tests/uart/user/uart_listener.rs, process
 * "test_uart_listener": for ever, wait for UART0's RX interrupt (IRQ 10 on
 * the qemu-virt PLIC, INTERRUPT_A of uart_interrupts), read the byte,
 * acknowledge the interrupt and transact the byte to test_uart (empty
 * answer). Any failure shuts the system down with its status.
 */
#include <pwk/user.h>

#include "pw_test.h"
#include "test_uart_listener_handles.h"
#include "uart_16550.h"

static pwk_status_t handle_interrupt(struct uart *uart, uint32_t interrupts)
{
	if (!(interrupts & SIGNAL_UART0)) {
		TL_ERROR("Interrupt on wrong signal. %u not in %u\n", (unsigned)SIGNAL_UART0,
			 (unsigned)interrupts);
		return PWK_FAILED_PRECONDITION;
	}

	uint8_t value;
	if (!uart_read(uart, &value)) {
		TL_ERROR("No data to read\n");
		return PWK_FAILED_PRECONDITION;
	}

	/* Upstream ignores the ack's status too. */
	(void)pwk_interrupt_ack(HANDLE_UART_INTERRUPTS, interrupts);

	const uint8_t send[1] = {value};
	static uint8_t recv[1];
	pwk_count_result_t r =
		pwk_channel_transact(HANDLE_IPC, send, sizeof(send), recv, 0, PWK_INSTANT_MAX);
	TRY(r.status);
	if (r.value != 0) {
		TL_ERROR("Received %u bytes, 0 expected\n", (unsigned)r.value);
		return PWK_OUT_OF_RANGE;
	}
	return PWK_OK;
}

int pwk_main(uint32_t index_in_app)
{
	(void)index_in_app;
	struct uart uart = uart_new(MAPPING_UART0_START_ADDRESS);
	for (;;) {
		pwk_wait_result_t w =
			pwk_object_wait(HANDLE_UART_INTERRUPTS, SIGNAL_UART0, PWK_INSTANT_MAX);
		pwk_status_t s;
		if (w.status == PWK_OK) {
			s = handle_interrupt(&uart, w.pending_signals);
		} else {
			TL_ERROR("Failed to wait on interrupt\n");
			s = w.status;
		}
		if (s != PWK_OK) {
			pwk_debug_shutdown(s);
		}
	}
}
