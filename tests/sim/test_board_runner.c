/*
 * test_board_runner.c — `pwsim run --board qemu-virt` against probe images
 * (board/probe.c) that print what a kernel prints on the UART: each end of
 * a run is reported in a host run's words and gives a host run's exit
 * status, and what only a board run meets (no final line, a hang, no
 * emulator) has its own. What --board refuses is in test_board_cli.c.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "board_support.h"
#include "pwsim_child.h"

#define SCENARIO          "tests/sim/board/expect_shutdown.json5"
#define DEADLOCK_SCENARIO "tests/sim/board/expect_deadlock.json5"
#define HELLO             "[initiator/initiator_thread] hello from the board\n"

static const char *probe(const char *name)
{
	static char path[4096];
	snprintf(path, sizeof(path), "%s/%s.elf", BOARD_PROBE_DIR, name);
	board_tests_require_image(
		path, BOARD_PROBES_BUILT ? "ninja -C build builds it"
					 : "riscv64-unknown-elf-gcc was not found when meson "
					   "configured build/: install gcc-riscv64-unknown-elf "
					   "and reconfigure");
	return path;
}

/* Runs `scenario` on qemu-virt from the probe `name`, with up to two more
 * arguments (NULL-terminated). */
static struct pwsim_result run_probe(const char *scenario, const char *name, const char *extra1,
				     const char *extra2)
{
	board_tests_require_qemu();
	const char *argv[] = {"run",       scenario, "--board", "qemu-virt", "--image",
			      probe(name), extra1,   extra2,    NULL};
	return pwsim_run(argv);
}

static void assert_status(const struct pwsim_result *r, int status)
{
	cr_assert_eq(r->status, status, "exit %d, expected %d\nstdout:\n%s\nstderr:\n%s", r->status,
		     status, r->out, r->err);
}

Test(board_runner, shutdown_0_prints_the_console_and_holds)
{
	struct pwsim_result r = run_probe(SCENARIO, "shutdown_0", NULL, NULL);
	assert_status(&r, 0);
	cr_assert_str_eq(r.out, HELLO "[initiator/initiator_thread] all good\n");
	assert_contains(r.err, "pwsim: system shut down with status 0 at virtual time "
			       "0.000123456 s\n");
	assert_contains(r.err, "expectations hold");
	pwsim_result_free(&r);
}

Test(board_runner, quiet_prints_no_console)
{
	struct pwsim_result r = run_probe(SCENARIO, "shutdown_0", "--quiet", NULL);
	assert_status(&r, 0);
	cr_assert_str_eq(r.out, "");
	pwsim_result_free(&r);
}

Test(board_runner, shutdown_3_exits_with_the_systems_status)
{
	struct pwsim_result r = run_probe(SCENARIO, "shutdown_3", NULL, NULL);
	assert_status(&r, 3);
	assert_contains(r.err, "pwsim: system shut down with status 3 at virtual time");
	assert_contains(r.err, "pwsim: expectation failed: shutdown status 3, expected 0\n");
	cr_assert(strstr(r.out, "pwk:") == NULL, "kernel lines are not console lines:\n%s", r.out);
	pwsim_result_free(&r);
}

Test(board_runner, output_without_a_final_line_exits_4)
{
	struct pwsim_result r = run_probe(SCENARIO, "no_end", NULL, NULL);
	assert_status(&r, 4);
	assert_contains(r.out, HELLO);
	assert_contains(r.err, "the output ended without a final pwk: line "
			       "(qemu-system-riscv32 exited with status 0)\n");
	pwsim_result_free(&r);
}

Test(board_runner, unexpected_deadlock_lists_the_threads_and_exits_3)
{
	struct pwsim_result r = run_probe(SCENARIO, "deadlock", NULL, NULL);
	assert_status(&r, 3);
	assert_contains(r.err, "pwsim: DEADLOCK at virtual time 0.005000000 s: every thread is "
			       "blocked and no deadline is pending. Threads:\n"
			       "  initiator/initiator_thread WAITING on 'ipc'");
	assert_contains(r.err, "the run ended in deadlock, expected shutdown");
	pwsim_result_free(&r);
}

Test(board_runner, expected_deadlock_holds)
{
	struct pwsim_result r = run_probe(DEADLOCK_SCENARIO, "deadlock", NULL, NULL);
	assert_status(&r, 0);
	pwsim_result_free(&r);
}

Test(board_runner, hang_is_killed_at_the_timeout_and_exits_124)
{
	struct pwsim_result r = run_probe(SCENARIO, "hang", "--timeout", "0.5");
	assert_status(&r, 124);
	assert_contains(r.err, "no end within 0.5 s of wall time (--timeout): "
			       "qemu-system-riscv32 killed\n");
	pwsim_result_free(&r);
}

Test(board_runner, fault_is_reported_and_the_run_goes_on)
{
	struct pwsim_result r = run_probe(SCENARIO, "fault", NULL, NULL);
	assert_status(&r, 0);
	assert_contains(r.err, "pwsim: fault: process 'initiator' thread 'initiator_thread': "
			       "mcause 0x5 (load access fault) mtval 0x0 mepc 0x80000040; the "
			       "kernel terminates the process\n");
	assert_contains(r.out, "[initiator/initiator_thread] still here\n");
	assert_contains(r.err, ": 1 faults\n");
	pwsim_result_free(&r);
}

Test(board_runner, panic_exits_134)
{
	struct pwsim_result r = run_probe(SCENARIO, "panic", NULL, NULL);
	assert_status(&r, 134);
	assert_contains(r.err, "pwsim: KERNEL PANIC at kernel-core/src/sched.c:42: thread != "
			       "NULL\n");
	pwsim_result_free(&r);
}

Test(board_runner, end_past_the_time_limit_is_the_time_limit)
{
	struct pwsim_result r = run_probe(SCENARIO, "late", NULL, NULL);
	assert_status(&r, 3);
	assert_contains(r.err, "pwsim: virtual time limit of 1.000 s exceeded");
	assert_contains(r.err, "the run ended in time_limit, expected shutdown");
	pwsim_result_free(&r);
}

Test(board_runner, emulator_that_cannot_start_exits_127)
{
	probe("shutdown_0");
	setenv("PWSIM_QEMU", "/nonexistent/qemu-system-riscv32", 1);
	const char *argv[] = {
		"run", SCENARIO, "--board", "qemu-virt", "--image", probe("shutdown_0"), NULL};
	struct pwsim_result r = pwsim_run(argv);
	assert_status(&r, 127);
	assert_contains(r.err, "pwsim: cannot start /nonexistent/qemu-system-riscv32: ");
	pwsim_result_free(&r);
}

/* Host input would reach UART0's receiver at moments QEMU's main loop
 * picks (docs/hal-veer.md, "Host input on UART0"): the emulator's stdin
 * must give neither a byte nor an end of file, whatever pwsim's own stdin
 * or /dev/null holds. stdin_probe.py stands in for QEMU and says what it
 * got. */
Test(board_runner, emulator_stdin_delivers_nothing_and_does_not_end)
{
	probe("shutdown_0");
	setenv("PWSIM_QEMU", source_path("tests/sim/board/stdin_probe.py"), 1);
	const char *argv[] = {
		"run", SCENARIO, "--board", "qemu-virt", "--image", probe("shutdown_0"), NULL};
	struct pwsim_result r = pwsim_run(argv);
	assert_status(&r, 0);
	cr_expect_str_eq(r.out, HELLO, "stderr:\n%s", r.err);
	pwsim_result_free(&r);
}

Test(board_runner, expected_status_past_max_virtual_time_fails_that_expectation)
{
	struct pwsim_result r = run_probe("tests/sim/board/expect_status_3_quickly.json5",
					  "shutdown_3", NULL, NULL);
	assert_status(&r, 1);
	assert_contains(r.err, "pwsim: expectation failed: ran for 2000000 ns of virtual time, "
			       "more than the expected maximum 1000000 ns\n");
	pwsim_result_free(&r);
}
