/*
 * test_board_cli.c — what `pwsim run --board` refuses, and why, in one line
 * naming the option: simulator-only options and scenario fields, boards
 * pwsim cannot run, sweeps and replays, images it cannot find. None of it
 * starts an emulator, so these run everywhere.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "pwsim_child.h"

#define UPPERCASE "scenarios/uppercase/scenario.json5"

/* Runs pwsim with `argv` and asserts exit 2 with `message` on stderr. */
static void assert_refused(const char *const *argv, const char *message)
{
	struct pwsim_result r = pwsim_run(argv);
	cr_assert_eq(r.status, 2, "exit %d\nstderr:\n%s", r.status, r.err);
	assert_contains(r.err, message);
	cr_assert_str_eq(r.out, "");
	pwsim_result_free(&r);
}

Test(board_cli, unknown_board_lists_the_known_ones)
{
	const char *argv[] = {"run", UPPERCASE, "--board", "qemu-vert", NULL};
	assert_refused(argv, "pwsim: unknown board 'qemu-vert' (known: qemu-virt veer-el2 "
			     "caliptra-mcu)\n");
}

Test(board_cli, veer_el2_needs_a_verilated_model)
{
	const char *argv[] = {"run", UPPERCASE, "--board", "veer-el2", NULL};
	assert_refused(argv, "pwsim: board veer-el2 cannot be run by pwsim: run it on a "
			     "verilated VeeR EL2 model, see docs/boards.md\n");
}

Test(board_cli, caliptra_mcu_is_build_only)
{
	const char *argv[] = {"run", UPPERCASE, "--board", "caliptra-mcu", NULL};
	assert_refused(argv, "pwsim: board caliptra-mcu cannot be run by pwsim: it is a "
			     "build-only target");
}

Test(board_cli, simulator_options_are_refused_by_name)
{
	const char *seed[] = {"run", UPPERCASE, "--board", "qemu-virt", "--seed", "3", NULL};
	assert_refused(seed, "pwsim: --seed cannot be used with --board: ");
	const char *iso[] = {"run", UPPERCASE, "--isolation", "none", "--board", "qemu-virt", NULL};
	assert_refused(iso, "pwsim: --isolation cannot be used with --board: ");
	const char *trace[] = {"run", UPPERCASE, "--board", "qemu-virt", "--trace", "t.json", NULL};
	assert_refused(trace, "pwsim: --trace cannot be used with --board: ");
	const char *dir[] = {"run", UPPERCASE, "--board", "qemu-virt", "--image-dir", "/tmp", NULL};
	assert_refused(dir, "pwsim: --image-dir cannot be used with --board: ");
}

Test(board_cli, scenario_with_faults_is_refused)
{
	const char *argv[] = {"run", "tests/sim/faults/kill_handler.json5", "--board", "qemu-virt",
			      NULL};
	assert_refused(argv, "pwsim: a scenario with faults cannot be used with --board: ");
}

Test(board_cli, expected_time_limit_is_refused)
{
	const char *argv[] = {"run", "tests/sim/board/expect_time_limit.json5", "--board",
			      "qemu-virt", NULL};
	assert_refused(argv, "pwsim: expect.outcome \"time_limit\" cannot be used with --board: ");
}

Test(board_cli, replay_and_sweep_are_refused)
{
	const char *replay[] = {"replay", UPPERCASE, "--seed", "1", "--board", "qemu-virt", NULL};
	assert_refused(replay, "pwsim: replay cannot be used with --board: ");
	const char *sweep[] = {"sweep", UPPERCASE, "--board", "qemu-virt", NULL};
	assert_refused(sweep, "pwsim: sweep: --board: a sweep explores the simulator's seeds");
}

Test(board_cli, board_options_need_board)
{
	const char *image[] = {"run", UPPERCASE, "--image", "x.elf", NULL};
	assert_refused(image, "pwsim: --image is for board runs: add --board NAME\n");
	const char *timeout[] = {"run", UPPERCASE, "--timeout", "5", NULL};
	assert_refused(timeout, "pwsim: --timeout is for board runs: add --board NAME\n");
}

Test(board_cli, missing_image_file_is_bad_input)
{
	const char *argv[] = {"run",       UPPERCASE, "--board",
			      "qemu-virt", "--image", "/nonexistent/uppercase.qemu-virt.elf",
			      NULL};
	assert_refused(argv, "pwsim: --image /nonexistent/uppercase.qemu-virt.elf: No such file "
			     "or directory\n");
}

Test(board_cli, scenario_outside_the_tree_needs_image)
{
	const char *argv[] = {"run", "tests/sim/board/expect_shutdown.json5", "--board",
			      "qemu-virt", NULL};
	assert_refused(argv, "is not under the source tree's scenarios/, so it has no "
			     "cross-built qemu-virt image: pass --image FILE\n");
}
