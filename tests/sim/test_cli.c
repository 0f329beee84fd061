/*
 * test_cli.c — pwsim's command line: usage errors, bad scenarios, and runs
 * that do not end in a shutdown (deadlock, time limit).
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "pwsim_child.h"

Test(cli, unknown_command_is_a_usage_error)
{
	const char *argv[] = {"frobnicate", NULL};
	struct pwsim_result r = pwsim_run(argv);
	cr_assert_eq(r.status, 2);
	assert_contains(r.err, "unknown command 'frobnicate'");
	pwsim_result_free(&r);
}

Test(cli, help_lists_the_commands)
{
	const char *argv[] = {"help", NULL};
	struct pwsim_result r = pwsim_run(argv);
	cr_assert_eq(r.status, 0);
	assert_contains(r.out, "run SCENARIO");
	assert_contains(r.out, "check FILE");
	assert_contains(r.out, "json5 FILE");
	pwsim_result_free(&r);
}

Test(cli, deadlock_is_reported_with_every_thread_state)
{
	const char *argv[] = {"run", "tests/sim/stuck/deadlock.json5", NULL};
	struct pwsim_result r = pwsim_run(argv);
	cr_assert_eq(r.status, 3, "%s\n%s", r.out, r.err);
	assert_contains(r.err, "DEADLOCK");
	assert_contains(r.err, "initiator/initiator_thread (priority 15): waiting on 'ipc' "
			       "(channel_initiator) for READABLE, no deadline");
	assert_contains(r.err, "handler/handler_thread (priority 15): waiting on 'ipc' "
			       "(channel_handler) for READABLE, no deadline");
	pwsim_result_free(&r);
}

Test(cli, time_limit_stops_a_system_that_never_ends)
{
	const char *argv[] = {"run", "tests/sim/stuck/time_limit.json5", NULL};
	struct pwsim_result r = pwsim_run(argv);
	cr_assert_eq(r.status, 3, "%s\n%s", r.out, r.err);
	assert_contains(r.err, "virtual time limit of 0.450 s exceeded");
	assert_contains(r.out, "slept 3: status 4");
	cr_assert(strstr(r.out, "slept 4:") == NULL, "slept past the limit:\n%s", r.out);
	pwsim_result_free(&r);
}

Test(cli, default_time_limit_is_one_virtual_minute)
{
	const char *argv[] = {"run", "tests/sim/stuck/default_limit.json5", NULL};
	struct pwsim_result r = pwsim_run(argv);
	cr_assert_eq(r.status, 3, "%s\n%s", r.out, r.err);
	assert_contains(r.err, "virtual time limit of 60.000 s exceeded");
	assert_contains(r.out, "slept 598: status 4");
	pwsim_result_free(&r);
}

Test(cli, an_image_that_leaves_no_main_stack_is_refused_naming_the_sizes)
{
	const char *argv[] = {"run", "tests/sim/stack/bss_hog.json5", NULL};
	struct pwsim_result r = pwsim_run(argv);
	cr_assert_eq(r.status, 2, "%s\n%s", r.out, r.err);
	assert_contains(r.err, "process 'initiator': its image's data and bss take ");
	assert_contains(r.err, "of its 16384 bytes of RAM, leaving ");
	assert_contains(r.err, "(at least 1024 needed): raise ram_size_bytes");
	pwsim_result_free(&r);
}

Test(cli, a_sweep_worker_refuses_a_seed_list_it_cannot_read)
{
	const char *lists[] = {"1,x", "7,", "99999999999999999999999", "-1"};
	for (size_t i = 0; i < sizeof(lists) / sizeof(lists[0]); i++) {
		const char *argv[] = {"sweep-worker", lists[i],
				      "scenarios/uppercase/scenario.json5", NULL};
		struct pwsim_result r = pwsim_run(argv);
		cr_expect_eq(r.status, 2, "%s: exit %d\n%s", lists[i], r.status, r.err);
		assert_contains(r.err, "pwsim: sweep-worker: bad seed list");
		pwsim_result_free(&r);
	}
}

static void assert_bad_input(const char *scenario, const char *message)
{
	const char *argv[] = {"run", scenario, NULL};
	struct pwsim_result r = pwsim_run(argv);
	cr_assert_eq(r.status, 2, "%s: exit %d\n%s", scenario, r.status, r.err);
	assert_contains(r.err, message);
	pwsim_result_free(&r);
}

Test(cli, scenario_with_unknown_field_points_at_it)
{
	assert_bad_input("tests/sim/bad/unknown_field.json5",
			 "unknown_field.json5:4:3: error: unknown field 'isolaton'");
}

Test(cli, missing_image_says_where_it_looked)
{
	assert_bad_input("tests/sim/bad/missing_image.json5",
			 "missing_image.json5:3:24: error: image 'no_such_image.elf' of process "
			 "'initiator' not found");
}

Test(cli, image_that_is_not_elf_is_rejected_clearly)
{
	assert_bad_input("tests/sim/bad/not_elf.json5", "not an ELF file");
}

Test(cli, image_for_an_undeclared_process_is_an_error)
{
	assert_bad_input("tests/sim/bad/unknown_process.json5",
			 "unknown_process.json5:6:5: error: images names process 'hander'");
}

Test(cli, missing_system_file_is_reported_at_the_system_field)
{
	assert_bad_input(
		"tests/sim/bad/missing_system.json5",
		"missing_system.json5:3:11: error: system 'no_such_system.json5' cannot be "
		"read (");
}

Test(cli, folder_as_system_file_is_refused_at_the_system_field)
{
	assert_bad_input("tests/sim/bad/folder_as_system.json5",
			 "folder_as_system.json5:3:11: error: system '.' cannot be read (");
}

Test(cli, folder_as_image_is_not_taken_for_one)
{
	assert_bad_input("tests/sim/bad/folder_as_image.json5",
			 "folder_as_image.json5:4:24: error: image '.' of process 'initiator' not "
			 "found");
}

Test(cli, broken_system_is_reported_in_the_system_file)
{
	assert_bad_input("tests/sim/bad/bad_system.json5", "broken_system.json5:");
}

/* `option` (or NULL): what the run needs beyond the scenario; `report`:
 * what the watchdog says after its "pwsim: watchdog: ". */
static void assert_watchdog_stops(const char *scenario, const char *option, const char *report)
{
	const char *argv[] = {"run", scenario, option, NULL};
	struct pwsim_result r = pwsim_run(argv);
	cr_assert_eq(r.status, 3, "%s\n%s", r.out, r.err);
	char line[256];
	snprintf(line, sizeof(line), "pwsim: watchdog: %s", report);
	assert_contains(r.err, line);
	assert_contains(r.err, "stopped by the watchdog");
	pwsim_result_free(&r);
}

#define UNCOUNTED_REPORT                                                                           \
	"process 'spinner' thread 'spinner_thread' ran 2 s of wall time without entering the "     \
	"kernel"

Test(cli, watchdog_stops_code_built_without_the_block_counter, .timeout = 60)
{
	assert_watchdog_stops("tests/sim/watchdog/uncounted.json5", "--allow-uncounted",
			      UNCOUNTED_REPORT);
}

Test(cli, watchdog_stops_a_process_that_rewrites_its_budget, .timeout = 60)
{
	assert_watchdog_stops("tests/sim/watchdog/thief.json5", NULL, UNCOUNTED_REPORT);
}

/* Kernel entries that charge no virtual time stop the clock as surely as
 * uncounted code does: the watchdog looks at the clock, not at entries. */
#define STANDING_CLOCK_REPORT                                                                      \
	"the virtual clock stood still for 2 s of wall time while process 'spinner' thread "       \
	"'spinner_thread' entered the kernel "

Test(cli, watchdog_stops_a_loop_of_syscalls_that_cost_no_time, .timeout = 60)
{
	assert_watchdog_stops("tests/sim/watchdog/frozen_clock.json5", NULL, STANDING_CLOCK_REPORT);
}

Test(cli, watchdog_stops_a_system_where_nothing_costs_time, .timeout = 60)
{
	assert_watchdog_stops("tests/sim/watchdog/timeless.json5", NULL, STANDING_CLOCK_REPORT);
}

/* Counted code moves the clock even between kernel entries: a spinner on
 * one budget that lasts past the watchdog's limit runs to the time limit. */
Test(cli, watchdog_lets_counted_code_run_a_long_budget, .timeout = 60)
{
	const char *argv[] = {"run", "tests/sim/watchdog/untimed_spinner.json5", NULL};
	struct pwsim_result r = pwsim_run(argv);
	cr_assert_eq(r.status, 0, "%s\n%s", r.out, r.err);
	assert_contains(r.err, "virtual time limit of 30.000 s exceeded");
	cr_assert_null(strstr(r.err, "pwsim: watchdog"), "%s", r.err);
	pwsim_result_free(&r);
}

/* The budget hook's gate is in every link page; entered by process code
 * with budget left it would be a free kernel entry. */
Test(cli, process_code_entering_the_preemption_gate_faults, .timeout = 60)
{
	const char *argv[] = {"run", "tests/sim/watchdog/preempt_gate.json5", NULL};
	struct pwsim_result r = pwsim_run(argv);
	cr_assert_eq(r.status, 0, "%s\n%s", r.out, r.err);
	assert_contains(r.err, "pwsim: fault: process 'spinner' thread 'spinner_thread': entered "
			       "the simulator's preemption gate with basic-block budget left");
	assert_contains(r.out, "[sleeper/sleeper_thread] woke 5 times");
	pwsim_result_free(&r);
}

Test(cli, image_built_without_the_block_counter_is_refused_naming_the_flags)
{
	assert_bad_input("tests/sim/watchdog/uncounted.json5", "pwsim: process 'spinner': image ");
	const char *argv[] = {"run", "tests/sim/watchdog/uncounted.json5", NULL};
	struct pwsim_result r = pwsim_run(argv);
	assert_contains(r.err, "refused: its code does not count basic blocks "
			       "(-fsanitize-coverage=trace-pc, -fprofile-arcs "
			       "-fprofile-update=single missing)");
	assert_contains(r.err, "pkg-config --cflags pwk-user-host");
	pwsim_result_free(&r);
}

Test(cli, fault_with_the_pc_in_ram_is_labelled_ram)
{
	const char *argv[] = {"run", "tests/sim/exec_ram/exec_ram.json5", NULL};
	struct pwsim_result r = pwsim_run(argv);
	cr_assert_eq(r.status, 0, "exit %d\n%s", r.status, r.err);
	assert_contains(r.err, "pwsim: fault: process 'initiator' thread 'initiator_thread': ");
	assert_contains(r.err, ", pc ram+0x");
	pwsim_result_free(&r);
}
