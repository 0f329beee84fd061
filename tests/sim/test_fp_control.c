/*
 * test_fp_control.c — a program that embeds the simulator keeps its own
 * MXCSR and x87 control word: a run gives them back, and a run is the same
 * whatever they were (the kernel runs with the defaults, process code
 * starts with them: hal-host/cpu_state.h).
 */
#include <criterion/criterion.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "run.h"
#include "scenario.h"
#include "sim_scenarios.h"

/* Flush-to-zero, denormals-are-zero and round toward zero, every exception
 * still masked; the x87 at 53-bit precision, rounding down. */
#define ODD_MXCSR 0xff80u
#define ODD_FCW   0x067fu

static const char *const scenarios[] = {
	"scenarios/uppercase/scenario.json5",
	"tests/sim/escape/fpu_control.json5",
};

static uint32_t mxcsr_now(void)
{
	uint32_t v;
	__asm__ volatile("stmxcsr %0" : "=m"(v));
	return v;
}

static uint16_t fcw_now(void)
{
	uint16_t v;
	__asm__ volatile("fnstcw %0" : "=m"(v));
	return v;
}

static void fp_control_set(uint32_t mxcsr, uint16_t fcw)
{
	__asm__ volatile("ldmxcsr %0" : : "m"(mxcsr));
	__asm__ volatile("fnclex\n\tfldcw %0" : : "m"(fcw));
}

static struct run_result run_once(const struct scenario *s, host_isolation_t isolation,
				  FILE *report)
{
	struct run_options o = {
		.override_isolation = true, .isolation = isolation, .seed = 3, .report = report};
	return sim_run(s, &o);
}

static void compare(const char *rel, host_isolation_t isolation)
{
	struct scenario s;
	sim_scenario_load(rel, &s);
	FILE *report = fopen("/dev/null", "w");
	const uint32_t mxcsr = mxcsr_now();
	const uint16_t fcw = fcw_now();
	struct run_result plain = run_once(&s, isolation, report);
	cr_assert(plain.ran, "%s did not run", rel);

	fp_control_set(ODD_MXCSR, ODD_FCW);
	struct run_result odd = run_once(&s, isolation, report);
	const uint32_t mxcsr_after = mxcsr_now();
	const uint16_t fcw_after = fcw_now();
	fp_control_set(mxcsr, fcw);

	cr_assert(odd.ran, "%s did not run", rel);
	/* The status flags of MXCSR (bits 0-5) are sticky: only the control
	 * bits are the caller's settings. */
	cr_assert_eq(mxcsr_after & ~0x3fu, ODD_MXCSR, "%s: MXCSR %#x after the run", rel,
		     mxcsr_after);
	cr_assert_eq(fcw_after, ODD_FCW, "%s: x87 control word %#x after the run", rel, fcw_after);
	cr_assert_eq(odd.outcome.trace_digest, plain.outcome.trace_digest,
		     "%s: the caller's FP control changed the run", rel);
	cr_assert_eq(odd.outcome.kind, plain.outcome.kind);
	cr_assert_eq(odd.outcome.code, plain.outcome.code);
	host_machine_release();
	fclose(report);
	scenario_free(&s);
}

SIM_TESTS_IN_EACH_ISOLATION(fp_control, caller_keeps_its_settings, scenarios, compare)
