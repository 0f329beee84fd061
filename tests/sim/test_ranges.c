/*
 * test_ranges.c — every simulator number in a scenario is range-checked and
 * a value out of range is refused with file:line:col (exit 2) before
 * anything runs, with or without a seed.
 */
#include <criterion/criterion.h>

#include "pwsim_child.h"

static void assert_refused(const char *scenario, const char *message)
{
	const char *argv[] = {"run", scenario, "--seed", "3", NULL};
	struct pwsim_result r = pwsim_run(argv);
	cr_assert_eq(r.status, 2, "%s: exit %d\n%s", scenario, r.status, r.err);
	assert_contains(r.err, message);
	pwsim_result_free(&r);
}

Test(ranges, an_all_ones_delay_max_is_refused_not_divided_by)
{
	assert_refused(
		"tests/sim/bad/huge_delay_max_ns.json5",
		"huge_delay_max_ns.json5:5:17: error: delay_max_ns is at most 3600000000000");
}

Test(ranges, a_block_cost_that_would_stop_block_counting_is_refused)
{
	assert_refused("tests/sim/bad/huge_block_cost_ns.json5",
		       "huge_block_cost_ns.json5:5:18: error: block_cost_ns is at most 1000000");
}

Test(ranges, a_syscall_cost_beyond_a_second_is_refused)
{
	assert_refused("tests/sim/bad/huge_syscall_cost_ns.json5",
		       "huge_syscall_cost_ns.json5:5:20: error: syscall_cost_ns is at most");
}

Test(ranges, a_preemption_window_beyond_a_billion_blocks_is_refused)
{
	assert_refused(
		"tests/sim/bad/huge_preempt_window_blocks.json5",
		"huge_preempt_window_blocks.json5:5:26: error: preempt_window_blocks is at most");
}

Test(ranges, a_field_given_twice_is_refused_with_both_places)
{
	assert_refused(
		"tests/sim/bad/field_twice.json5",
		"field_twice.json5:8:5: error: field 'console' is given twice (first at line "
		"7, column 5); keep one");
}
