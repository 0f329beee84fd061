/*
 * trace_export.h — a run's trace records as a trace file ui.perfetto.dev
 * opens: Chrome trace-event JSON (also chrome://tracing) or Perfetto's own
 * protobuf format (compact: ~10x smaller, much faster to write), either
 * gzipped if the name ends in .gz. Threads as tracks grouped by process,
 * syscalls as slices, each transaction as a flow from the initiator to the
 * handler and back, faults and exits as instants, virtual time on the
 * axis. Also `pwsim replay`.
 */
#ifndef PWK_SIM_TRACE_EXPORT_H
#define PWK_SIM_TRACE_EXPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <pwk/hal.h>

#include "system_config.h"

struct trace_export;

typedef enum {
	TRACE_EXPORT_BY_NAME,  /* .pftrace / .perfetto-trace: perfetto; else JSON */
	TRACE_EXPORT_JSON,     /* --trace-format json */
	TRACE_EXPORT_PERFETTO, /* --trace-format perfetto */
} trace_export_format_t;

/* "json" or "perfetto" (--trace-format's values); false for anything else. */
bool trace_export_format_parse(const char *name, trace_export_format_t *out);

/* Starts writing `path` in `format`; a name ending in .gz is gzipped. Thread k of the run is the
 * k-th thread of `sys` counting process by process in declaration order; objects likewise. `sys`
 * must outlive the writer. NULL with a message in `err` if the file cannot be written. */
struct trace_export *trace_export_open(const char *path, trace_export_format_t format,
				       const struct cfg_system *sys, char *err, size_t err_cap);

/* Names the run in the file's otherData (scenario path and seed), so a
 * trace says how to reproduce it. Optional; call before the run. */
void trace_export_describe(struct trace_export *t, const char *scenario_path, uint64_t seed);

/* A host_trace_fn: `ctx` is the struct trace_export. */
void trace_export_record(void *ctx, uint64_t time, const struct pwk_trace_record *record);

/* Prints the last `count` (at most TRACE_EXPORT_RECENT_MAX) scheduling,
 * IPC and fault records seen so far, one line each with its virtual time:
 * the interleaving that led to the end of the run. */
#define TRACE_EXPORT_RECENT_MAX 64
void trace_export_print_recent(const struct trace_export *t, FILE *out, size_t count);

/* Closes open slices at `end_time`, finishes the file and frees `t`.
 * Returns false if writing failed. */
bool trace_export_close(struct trace_export *t, uint64_t end_time);

/* pwsim replay SCENARIO --seed N [--trace FILE] [--trace-format FORMAT]
 * [--isolation none|mprotect] [--image-dir DIR]... [--quiet]: reruns exactly that run (pwsim run's
 * options and code path), writes its trace (default
 * <scenario>.seed-<N>.trace.json in the current directory) and prints the
 * interleaving that led to its end. Returns pwsim run's exit status. */
int pwsim_cmd_replay(int argc, char **argv);

#endif
