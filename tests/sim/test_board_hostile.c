/*
 * test_board_hostile.c — the hostile-process scenarios (tests/sim/hostile)
 * on QEMU: every bad buffer or handle the attacker hands the kernel gets the
 * same status as in the simulator and copies nothing, and every direct
 * attack (a store into the victim's RAM, an illegal instruction, a stack
 * overflow, a store into its own code) is a PMP or instruction fault that
 * ends the attacker alone, reported with process, thread, mcause and mtval,
 * while the victim finishes. The console must match the simulator's run
 * under isolation `mprotect` line for line.
 *
 * Needs qemu-system-riscv32 and build-rv32/scenarios/hostile-<command>
 * .qemu-virt.elf (scripts/build-target.sh); PWK_SKIP_BOARD_TESTS=1 skips.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "board_support.h"
#include "pwsim_child.h"

struct runs {
	struct pwsim_result host, board;
};

static struct runs run_both(const char *command)
{
	board_tests_require_qemu();
	static char scenario[256], image[4096];
	snprintf(scenario, sizeof(scenario), "tests/sim/hostile/%s.json5", command);
	snprintf(image, sizeof(image), "%s/hostile-%s.qemu-virt.elf",
		 source_path("build-rv32/scenarios"), command);
	board_tests_require_image(image, "scripts/build-target.sh builds it");
	const char *host_argv[] = {"run", scenario, "--isolation", "mprotect", NULL};
	const char *board_argv[] = {"run",     scenario, "--board", "qemu-virt",
				    "--image", image,    NULL};
	struct runs r = {pwsim_run(host_argv), pwsim_run(board_argv)};
	cr_expect_str_eq(r.host.out, r.board.out, "%s: the console differs\nboard stderr:\n%s",
			 command, r.board.err);
	cr_expect_eq(r.host.status, r.board.status, "%s: exit %d in the simulator, %d on QEMU",
		     command, r.host.status, r.board.status);
	return r;
}

static void assert_attacker_faulted(struct runs *r, const char *mcause)
{
	cr_expect(strstr(r->board.err, "fault: process 'attacker' thread 'attacker_thread'") !=
			  NULL,
		  "no fault report:\n%s", r->board.err);
	cr_expect(strstr(r->board.err, mcause) != NULL, "expected %s in\n%s", mcause, r->board.err);
	cr_expect(strstr(r->board.out, "victim: secret intact") != NULL, "%s", r->board.out);
	cr_expect(strstr(r->board.out, "attacker: still running") == NULL, "%s", r->board.out);
	pwsim_result_free(&r->host);
	pwsim_result_free(&r->board);
}

Test(board_hostile, bad_buffers_and_handles_get_the_simulators_statuses_on_qemu)
{
	struct runs r = run_both("probe_only");
	cr_expect_eq(r.board.status, 0, "%s", r.board.err);
	cr_expect(strstr(r.board.out, "attacker: respond from victim memory -> status 7") != NULL);
	cr_expect(strstr(r.board.out,
			 "attacker: read with a range that wraps around -> status 3") != NULL);
	cr_expect(strstr(r.board.out, "victim: secret intact") != NULL, "%s", r.board.out);
	pwsim_result_free(&r.host);
	pwsim_result_free(&r.board);
}

Test(board_hostile, a_store_into_another_process_is_a_store_access_fault)
{
	struct runs r = run_both("wild_write");
	assert_attacker_faulted(&r, "mcause 0x7");
}

/* __builtin_trap() is `ebreak` on RV32 (ud2, SIGILL, on the host). pw_kernel
 * shuts the system down on any ebreak; pwk ends only the process that
 * executed it from user mode, like any other user exception
 * (docs/hal-veer.md). */
Test(board_hostile, a_trap_instruction_ends_only_the_attacker)
{
	struct runs r = run_both("illegal");
	assert_attacker_faulted(&r, "mcause 0x3 (breakpoint)");
}

Test(board_hostile, a_stack_overflow_leaves_the_ram_and_faults)
{
	struct runs r = run_both("stack_overflow");
	assert_attacker_faulted(&r, "mcause 0x7");
}

Test(board_hostile, a_store_into_its_own_code_faults)
{
	struct runs r = run_both("write_flash");
	assert_attacker_faulted(&r, "mcause 0x7");
}
