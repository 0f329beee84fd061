/*
 * test_board_uart.c — the board-only pw_kernel port scenarios/pw_kernel/uart
 * (pw_kernel's uart/user): its processes drive QEMU virt's NS16550 through
 * a device mapping and wait for its RX interrupt, PLIC line 10, so it runs
 * on QEMU only (`pwsim run ... --board qemu-virt`) and is not part of the
 * differential test (test_board.c). The run must shut down with status 0,
 * print exactly the test's RUNNING and PASSED lines and meet the scenario's
 * expectations; the simulator must refuse the scenario.
 *
 * Needs qemu-system-riscv32 and build-rv32/scenarios/pw_kernel-uart
 * .qemu-virt.elf (scripts/build-target.sh); PWK_SKIP_BOARD_TESTS=1 skips
 * the QEMU run.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "board_support.h"
#include "pwsim_child.h"

#define SCENARIO "scenarios/pw_kernel/uart/scenario.json5"

Test(board_uart, loopback_bytes_arrive_through_the_plic_on_qemu_virt)
{
	board_tests_require_qemu();
	const char *image = source_path("build-rv32/scenarios/pw_kernel-uart.qemu-virt.elf");
	board_tests_require_image(image, "scripts/build-target.sh builds it");
	const char *argv[] = {"run", SCENARIO, "--board", "qemu-virt", "--image", image, NULL};
	struct pwsim_result r = pwsim_run(argv);
	cr_expect_eq(r.status, 0, "exit %d\nstdout:\n%s\nstderr:\n%s", r.status, r.out, r.err);
	/* Nothing but the two lines: the listener logs only when it fails, and
	 * every console byte reached the host although UART0 was in loopback. */
	cr_expect_str_eq(r.out,
			 "[test_uart/uart_thread] 🔄 [User UART Test] RUNNING\n"
			 "[test_uart/uart_thread] ✅ [User UART Test] PASSED\n",
			 "stderr:\n%s", r.err);
	cr_expect(strstr(r.err, "shut down with status 0") != NULL, "%s", r.err);
	cr_expect(strstr(r.err, "expectations hold") != NULL, "%s", r.err);
	pwsim_result_free(&r);
}

Test(board_uart, the_simulator_refuses_the_board_only_scenario)
{
	const char *argv[] = {"run", SCENARIO, NULL};
	struct pwsim_result r = pwsim_run(argv);
	cr_expect_eq(r.status, 2, "exit %d\nstderr:\n%s", r.status, r.err);
	cr_expect(strstr(r.err, "board-only (board_only: true): run it with --board") != NULL, "%s",
		  r.err);
	cr_expect_str_eq(r.out, "");
	pwsim_result_free(&r);
}
