/*
 * run.h — boot one scenario's system on hal-host and run it to its end:
 * shutdown, deadlock, every thread exited, or the virtual time limit.
 */
#ifndef PWK_SIM_RUN_H
#define PWK_SIM_RUN_H

#include <stdio.h>

#include "host.h"
#include "scenario.h"
#include "system_desc.h" /* config/ */

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

/* One system loaded once and run many times (pwsim sweep's workers, the
 * fuzzer): sim_system_load() creates the regions, loads the images and
 * builds the description (reporting failures to o->report); each
 * sim_system_run() rewinds the machine in place (host_machine_rewind)
 * with its own options, so a run costs no region setup or ELF load. Every run's observable result
 * equals a fresh sim_run() with the same options. The runs may change seed, trace, console and
 * report, not the isolation mode or image directories. */
struct sim_system {
	const struct scenario *scenario;
	struct cfg_process_placement *places;
	struct cfg_system_desc desc;
	bool loaded;
};

bool sim_system_load(struct sim_system *sys, const struct scenario *s, const struct run_options *o);
struct run_result sim_system_run(struct sim_system *sys, const struct run_options *o);
void sim_system_free(struct sim_system *sys);

#endif
