/*
 * end_report.h — the line that says how a run ended ("pwsim: system shut
 * down with status N at virtual time T s", the deadlock, idle, time-limit
 * and watchdog reports). A host run and a board run print the same line for
 * the same end, so tests and scripts read both alike.
 */
#ifndef PWK_SIM_END_REPORT_H
#define PWK_SIM_END_REPORT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "host.h"
#include "scenario.h"

/* Writes the end line of a run of `s` that ended as `kind` (with `code`,
 * see struct host_outcome) at virtual time `end_time` ns. Ends that list
 * the threads end the line with "Threads:" when `threads_follow`; the caller
 * then writes one "  process/thread ..." line per thread. */
void sim_report_end(FILE *out, const struct scenario *s, host_outcome_kind_t kind, uint32_t code,
		    uint64_t end_time, bool threads_follow);

/* Whether an end of this kind lists the threads after its line. */
bool sim_end_lists_threads(host_outcome_kind_t kind);

#endif
