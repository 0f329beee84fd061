/*
 * run.h — boot one scenario's system on hal-host and run it to its end:
 * shutdown, deadlock, every thread exited, or the virtual time limit.
 */
#ifndef PWK_SIM_RUN_H
#define PWK_SIM_RUN_H

#include <stdio.h>

#include "host.h"
#include "scenario.h"

struct run_options {
	bool override_isolation;
	host_isolation_t isolation;
	uint64_t seed;
	host_trace_fn trace; /* optional trace sink */
	void *trace_ctx;
	FILE *console; /* console lines; NULL = quiet */
	FILE *report;  /* the simulator's own messages (stderr) */
	/* Run images whose code does not count basic blocks (image_elf.h):
	 * only the watchdog stops their loops. */
	bool allow_uncounted;
	/* When set, gdb's add-symbol-file line of each process as it is loaded
	 * (the same addresses in every run: regions sit at fixed addresses). */
	FILE *gdb_script;
};

struct run_result {
	bool ran; /* false: the system could not be set up (reported) */
	struct host_outcome outcome;
};

/* Runs `s`; messages about setup failures, faults and the end of the run go
 * to o->report. */
struct run_result sim_run(const struct scenario *s, const struct run_options *o);

#endif
