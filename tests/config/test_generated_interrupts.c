/* SPDX-License-Identifier: Apache-2.0 */
/*
 * test_generated_interrupts.c — a generated header with interrupts pulls in
 * <pwk/abi.h> itself: the uart listener's IRQ 10 is its object's
 * INTERRUPT_A signal.
 */
#include <criterion/criterion.h>

#include "uart_listener_handles.h"

Test(generated_header, interrupt_signals_use_the_abi_macros)
{
	cr_assert_eq(SIGNAL_UART0, PWK_SIGNAL_INTERRUPT_A);
	cr_assert_eq(IRQ_UART0, 10u);
	cr_assert_eq(HANDLE_UART_INTERRUPTS, 0u);
	cr_assert_eq(MAPPING_UART0_START_ADDRESS, 0x10000000u);
}
