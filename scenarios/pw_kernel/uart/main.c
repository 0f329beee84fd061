/*
 * main.c — pw_kernel tests/uart/user/main.rs ("User UART Test"), process
 * "test_uart": puts UART0 in loopback, drains it, then writes 7 and 0, 1, 2
 * and expects the listener to forward each byte it received over the
 * channel; RX must be empty after each read-back.
 */
#include <pwk/user.h>

#include "pw_test.h"
#include "test_uart_handles.h"
#include "uart_16550.h"

#define TEST_NAME "User UART Test"

/* The listener transacts the byte the UART received; the answer is empty. */
static pwk_status_t read_expected_value(uint8_t expected_value)
{
	pwk_wait_result_t w = pwk_object_wait(HANDLE_IPC, PWK_SIGNAL_READABLE, PWK_INSTANT_MAX);
	TRY(w.status);
	if (!(w.pending_signals & PWK_SIGNAL_READABLE) || w.user_data != 0) {
		return PWK_INTERNAL;
	}

	uint8_t buffer[1];
	pwk_count_result_t r = pwk_channel_read(HANDLE_IPC, 0, buffer, sizeof(buffer));
	TRY(r.status);
	if (r.value != 1) {
		return PWK_OUT_OF_RANGE;
	}
	if (buffer[0] != expected_value) {
		TL_ERROR("UART read() wrong value %u (expected %u)\n", (unsigned)buffer[0],
			 (unsigned)expected_value);
		return PWK_INTERNAL;
	}
	static const uint8_t empty[1];
	return pwk_channel_respond(HANDLE_IPC, empty, 0);
}

static pwk_status_t test_uart_interrupts(void)
{
	struct uart uart = uart_new(MAPPING_UART0_START_ADDRESS);
	uint8_t byte;

	/* Loopback: what is written comes back as received data. */
	uart_enable_loopback(&uart);
	while (uart_read(&uart, &byte)) {
	}

	uart_write(&uart, 7);
	TRY(read_expected_value(7));
	if (uart_read(&uart, &byte)) {
		TL_ERROR("Buffer not empty after read\n");
		return PWK_FAILED_PRECONDITION;
	}

	for (uint8_t i = 0; i < 3; i++) {
		uart_write(&uart, i);
		TRY(read_expected_value(i));
	}
	if (uart_read(&uart, &byte)) {
		TL_ERROR("Buffer not empty after multiple reads\n");
		return PWK_FAILED_PRECONDITION;
	}
	return PWK_OK;
}

int pwk_main(uint32_t index_in_app)
{
	(void)index_in_app;
	tl_start(TEST_NAME);
	pwk_status_t s = test_uart_interrupts();
	if (s == PWK_OK) {
		tl_passed(TEST_NAME);
	} else {
		tl_failed(TEST_NAME);
		TL_STEP_FAILED("status code: %u\n", (unsigned)s);
	}
	pwk_debug_shutdown(s);
}
