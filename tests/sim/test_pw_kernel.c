/*
 * test_pw_kernel.c — pw_kernel's own end-to-end tests, ported to pwk
 * (scenarios/pw_kernel/<test>/), run as a user runs them: each must shut
 * down with status 0 after logging its PASSED line, as configured by its
 * scenario file, under mprotect isolation, and with two preemption seeds.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "pwsim_child.h"

/* Runs scenarios/pw_kernel/<port>/scenario.json5 with `extra` options
 * (NULL-terminated) and asserts the run passed. */
static void assert_port_passes(const char *port, const char *test_name, const char *const *extra)
{
	char scenario[128];
	snprintf(scenario, sizeof(scenario), "scenarios/pw_kernel/%s/scenario.json5", port);
	const char *argv[] = {"run", scenario, NULL};
	struct pwsim_result r = pwsim_run_ok(port, argv, extra);
	char passed[96];
	snprintf(passed, sizeof(passed), "✅ [%s] PASSED\n", test_name);
	cr_assert(strstr(r.out, passed) != NULL, "%s: no \"%s\" in\n%s", port, passed, r.out);
	cr_assert(strstr(r.err, "system shut down with status 0") != NULL, "%s", r.err);
	pwsim_result_free(&r);
}

/* Four runs of each port: as its scenario says, under mprotect isolation,
 * and with seeds 1 and 7 (which move preemption points and syscall delays). */
#define PORT_TESTS(port, test_name)                                                                \
	Test(pw_kernel_##port, passes)                                                             \
	{                                                                                          \
		const char *extra[] = {NULL};                                                      \
		assert_port_passes(#port, test_name, extra);                                       \
	}                                                                                          \
	Test(pw_kernel_##port, passes_with_mprotect_isolation)                                     \
	{                                                                                          \
		const char *extra[] = {"--isolation", "mprotect", NULL};                           \
		assert_port_passes(#port, test_name, extra);                                       \
	}                                                                                          \
	Test(pw_kernel_##port, passes_with_seed_1)                                                 \
	{                                                                                          \
		const char *extra[] = {"--seed", "1", NULL};                                       \
		assert_port_passes(#port, test_name, extra);                                       \
	}                                                                                          \
	Test(pw_kernel_##port, passes_with_seed_7)                                                 \
	{                                                                                          \
		const char *extra[] = {"--seed", "7", NULL};                                       \
		assert_port_passes(#port, test_name, extra);                                       \
	}

PORT_TESTS(ipc, "IPC Test")
PORT_TESTS(async_ipc, "Async IPC Test")
PORT_TESTS(wait_group, "Wait Group Test")
PORT_TESTS(thread_termination, "User Thread Termination")
PORT_TESTS(clock, "User Clock Test")
PORT_TESTS(process_termination, "User Process Termination")
PORT_TESTS(interrupts, "User Interrupts Test")
PORT_TESTS(stress_ipc, "Stress IPC Test")
PORT_TESTS(stress_process_termination, "User Process Termination Stress")

/* The scenario option exact_deadlines (kernel boot option
 * PWK_BOOT_EXACT_DEADLINES) is accepted and the port passes with it too. */
Test(pw_kernel_stress_process_termination, passes_with_exact_deadlines)
{
	const char *argv[] = {
		"run", "scenarios/pw_kernel/stress_process_termination/exact_deadlines.json5",
		NULL};
	struct pwsim_result r = pwsim_run_ok(NULL, argv, NULL);
	cr_assert(strstr(r.out, "✅ [User Process Termination Stress] PASSED\n") != NULL, "%s",
		  r.out);
	pwsim_result_free(&r);
}
