/*
 * fuzz_target.h — one scenario's system set up for fuzzing one channel
 * handler (docs/fuzzing.md): loaded once with the fuzz driver in place of
 * the handler's initiator, then run once per input through an in-place
 * rewind, each run judged into a verdict. Shared by the libFuzzer entry
 * point (sim/fuzz_entry.c), `pwsim fuzz`'s minimiser and `pwsim run` of a
 * scenario with a `fuzz` key, so all three judge a run the same way.
 */
#ifndef PWK_SIM_FUZZ_TARGET_H
#define PWK_SIM_FUZZ_TARGET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "fuzz_plan.h"
#include "run.h"
#include "scenario.h"

typedef enum {
	FUZZ_CLEAN,          /* the driver ran every operation: nothing found */
	FUZZ_HANDLER_FAULT,  /* the handler's process faulted */
	FUZZ_SHUTDOWN_ERROR, /* debug_shutdown with a non-zero status (by the handler or another) */
	FUZZ_REJECTED,       /* the kernel refused one of the handler's syscalls */
	FUZZ_NO_RESPONSE,    /* no response within the budget, or the run never ended */
	FUZZ_EXPECTATION,    /* a scenario expectation that still applies broke */
	FUZZ_NOT_RUN,        /* the system did not boot (a setup error, no finding) */
} fuzz_kind_t;

struct fuzz_verdict {
	fuzz_kind_t kind;
	char text[384]; /* one sentence, "" when clean */
};

/* What the trace showed of one run. */
struct fuzz_observed {
	uint32_t fault_thread;    /* first handler fault, PWK_NONE: none */
	uint32_t rejected_thread; /* first refused handler syscall, PWK_NONE: none */
	uint32_t rejected_syscall;
	uint32_t rejected_status;
	const char *rejected_reason;
	uint32_t shutdown_thread; /* who called debug_shutdown, PWK_NONE: nobody */
	bool driver_exited;       /* the driver process died (an operation) */
};

struct fuzz_target {
	struct scenario *scenario;
	struct fuzz_plan plan;
	struct sim_system sys;
	uintptr_t input_addr; /* struct pwk_fuzz_input in the driver's RAM */
	size_t last_len;
	uint64_t response_budget;
	struct fuzz_observed seen;
	host_trace_fn pass_trace; /* this run's trace sink beside the observer, or NULL */
	void *pass_trace_ctx;
	FILE *quiet; /* /dev/null, for the per-run report */
	/* Which of the scenario's console expectations every run must meet:
	 * those that are not lines of the replaced initiator and that a run
	 * of the empty input (the driver sends nothing) already meets — the
	 * rest describe what the scenario's own initiator's traffic makes. */
	bool *expect_applies;
	size_t expect_checked, expect_ignored;
	bool baseline; /* the empty input's run, at load: no console checks */
};

/* Default ticks (ns) a handler has to answer a request. */
#define FUZZ_RESPONSE_BUDGET_DEFAULT (UINT64_C(10) * 1000000u)

/* Where pwsim finds the driver image: $PWSIM_FUZZ_DRIVER, else next to
 * the running executable (../lib/pwk/ as installed, ../userspace/ in a
 * build tree). NULL with the places tried in `looked`. malloc'd. */
char *fuzz_driver_find(char *looked, size_t looked_cap);

/* Changes `s` for fuzzing `plan`: the driver image in place of the
 * initiator's, RAM and flash enough for it, a time limit. */
void fuzz_target_prepare(struct scenario *s, const struct fuzz_plan *plan, const char *driver);

/* Loads the prepared scenario `s` with `load`'s options (its report gets
 * the failures, its allow_uncounted and gdb_script as for sim_run);
 * `coverage` gives the handler a coverage map (host_coverage_map). */
bool fuzz_target_load(struct fuzz_target *t, struct scenario *s, const struct fuzz_plan *plan,
		      uint64_t response_budget, bool coverage, const struct run_options *load);

/* One run of `input` (at most PWK_FUZZ_INPUT_MAX bytes count). `report`
 * and `console` as in struct run_options; NULL report: quiet. */
struct fuzz_verdict fuzz_target_run(struct fuzz_target *t, const uint8_t *input, size_t len,
				    FILE *report, FILE *console);

/* The same run with `o`'s seed, console, report (NULL: quiet) and trace
 * (optional: it sees every record, after the verdict's own observer);
 * `result`, when not NULL, gets the run's end. The isolation mode and the
 * load options are the target's, fixed by fuzz_target_load. */
struct fuzz_verdict fuzz_target_run_with(struct fuzz_target *t, const uint8_t *input, size_t len,
					 const struct run_options *o, struct run_result *result);

void fuzz_target_free(struct fuzz_target *t);

/* "handler fault", ...: a short name of a verdict kind, for summaries. */
const char *fuzz_kind_name(fuzz_kind_t kind);

#endif
