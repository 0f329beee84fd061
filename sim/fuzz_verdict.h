/*
 * fuzz_verdict.h — judging one fuzz run (fuzz_target.c): what the trace
 * showed of the handler, and how the run ended, into one verdict.
 */
#ifndef PWK_SIM_FUZZ_VERDICT_H
#define PWK_SIM_FUZZ_VERDICT_H

#include "fuzz_target.h"

struct pwk_trace_record;

/* Forgets the previous run's observations. */
void fuzz_observe_start(struct fuzz_target *t);
/* The run's trace sink (host_trace_fn); ctx is the fuzz_target. */
void fuzz_observe_record(void *ctx, uint64_t time, const struct pwk_trace_record *record);
/* The verdict on the run that just ended with `r`. */
struct fuzz_verdict fuzz_verdict_of(const struct fuzz_target *t, const struct run_result *r);

#endif
