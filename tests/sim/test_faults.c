/*
 * test_faults.c — faults injected by scenarios: each behaves as pw_kernel
 * would on hardware, the simulator reports it and carries on, and a bad
 * fault entry is an input error with its position.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "pwsim_child.h"

static struct pwsim_result run(const char *name)
{
	char path[256];
	snprintf(path, sizeof(path), "tests/sim/faults/%s.json5", name);
	const char *argv[] = {"run", path, NULL};
	return pwsim_run(argv);
}

static void assert_holds(const char *name, const char *stderr_text)
{
	struct pwsim_result r = run(name);
	cr_assert_eq(r.status, 0, "%s: exit %d\n%s\n%s", name, r.status, r.out, r.err);
	cr_assert(strstr(r.err, "expectations hold") != NULL, "%s", r.err);
	cr_assert(strstr(r.err, stderr_text) != NULL, "%s: missing \"%s\" in\n%s", name,
		  stderr_text, r.err);
	pwsim_result_free(&r);
}

Test(faults, handler_that_never_responds_lets_the_deadline_fire)
{
	assert_holds("never_responds", "injected at virtual time");
}

Test(faults, one_dropped_respond_is_answered_on_the_handlers_next_read)
{
	assert_holds("drop_once", "injected at virtual time");
}

Test(faults, killed_handler_leaves_its_initiator_timing_out)
{
	assert_holds("kill_handler", "kill_handler.json5:5)");
}

Test(faults, faulted_handler_counts_as_a_fault)
{
	assert_holds("fault_handler", "1 faults");
}

Test(faults, delayed_respond_takes_virtual_time)
{
	struct pwsim_result r = run("delay_respond");
	cr_assert_eq(r.status, 0, "%s", r.err);
	double t = 0;
	const char *line = strstr(r.err, "at virtual time ");
	line = line ? strstr(line + 1, "shut down with status 0 at virtual time ") : NULL;
	cr_assert_not_null(line, "%s", r.err);
	sscanf(line, "shut down with status 0 at virtual time %lf", &t);
	cr_assert_geq(t, 0.003, "the handler slept 3 ms: run ended at %f s", t);
	pwsim_result_free(&r);
}

Test(faults, starved_handler_makes_early_transactions_time_out)
{
	assert_holds("starve_handler", "starve_handler.json5:6)");
}

Test(faults, interrupt_lines_fire_at_their_virtual_times)
{
	assert_holds("irq", "injected at virtual time 4000000 ns");
}

Test(faults, interrupt_line_is_held_until_ack_and_a_pend_meanwhile_fires_after_it)
{
	assert_holds("irq_held", "injected at virtual time 3000000 ns");
}

Test(faults, spinning_process_killed_while_running)
{
	assert_holds("kill_spinner", "injected at virtual time 3000000 ns");
}

Test(faults, unknown_syscall_name_is_an_input_error)
{
	const char *argv[] = {"run", "tests/sim/bad/bad_fault.json5", NULL};
	struct pwsim_result r = pwsim_run(argv);
	cr_assert_eq(r.status, 2, "%s", r.err);
	cr_assert(strstr(r.err, "bad_fault.json5:7:27: error: faults: unknown syscall "
				"'channel_respnd'") != NULL,
		  "%s", r.err);
	pwsim_result_free(&r);
}

Test(faults, fault_without_trigger_is_an_input_error)
{
	const char *argv[] = {"run", "tests/sim/bad/fault_without_trigger.json5", NULL};
	struct pwsim_result r = pwsim_run(argv);
	cr_assert_eq(r.status, 2, "%s", r.err);
	cr_assert(strstr(r.err, "fault_without_trigger.json5:7:13: error: faults: give exactly "
				"one trigger") != NULL,
		  "%s", r.err);
	pwsim_result_free(&r);
}
