/*
 * expect.h — checks a finished run against its scenario's expectations.
 */
#ifndef PWK_SIM_EXPECT_H
#define PWK_SIM_EXPECT_H

#include <stdio.h>

#include "run.h"
#include "scenario.h"

/* Exit codes of `pwsim run` (docs/user-guide.md). */
#define PWSIM_EXIT_OK          0
#define PWSIM_EXIT_EXPECTATION 1
#define PWSIM_EXIT_BAD_INPUT   2
#define PWSIM_EXIT_STUCK       3 /* unexpected deadlock, idle or time limit */

/* Reports each unmet expectation to `report`; returns the exit code. */
int sim_expect_check(const struct scenario *s, const struct run_result *r, const char *console,
		     FILE *report);

#endif
