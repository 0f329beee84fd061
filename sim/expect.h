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
/* Only a board run (docs/boards.md) ends these ways. */
#define PWSIM_EXIT_NO_END      4   /* the output ended without a final pwk: line */
#define PWSIM_EXIT_TIMEOUT     124 /* no end within the wall-clock timeout (as timeout(1)) */
#define PWSIM_EXIT_NO_EMULATOR 127 /* the emulator could not be started (as a shell's 127) */
/* A kernel panic: a host run aborts (128 + SIGABRT); a board run exits so. */
#define PWSIM_EXIT_PANIC       134

/* Reports each unmet expectation to `report`; returns the exit code. A
 * board run fills the same run_result (ran, outcome kind, code, end_time)
 * from the kernel's last pwk: line, so both are checked by this one code. */
int sim_expect_check(const struct scenario *s, const struct run_result *r, const char *console,
		     FILE *report);

/* Finds `needle` within one line of the text at or after `*from`; on
 * success `*from` moves past that line (console expectations' rule). */
bool sim_expect_find_line(const char *needle, const char **from);

#endif
