/*
 * report.h — a sweep's results as files for machines: JUnit XML (for CI
 * test views) and one JSON document (for scripts). docs/sweep.md gives both
 * schemas. Runs come in the sweep's order, (scenario, seed), so two reports
 * of the same sweep differ only in their timing fields.
 */
#ifndef PWK_SIM_REPORT_H
#define PWK_SIM_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "sweep.h"

/* <testsuites> with one <testsuite> per scenario and one <testcase
 * name="seed N"> per run: <failure> for failures and timeouts (reason,
 * digest line and replay command) with the tail of the run's stderr in
 * <system-err>, <skipped> for runs an interrupt stopped. Returns false if
 * writing `f` failed. */
bool report_write_junit(FILE *f, const struct sweep_results *r);

/* {"seeds", "shard", "timeout_s", "isolation", "interrupted", "totals",
 * "scenarios": [...], "runs": [...]}: every run with its scenario, seed,
 * status, exit code, signal, wall time, digest, reason, replay command and
 * (failures) log. Returns false if writing `f` failed. */
bool report_write_json(FILE *f, const struct sweep_results *r);

#endif
