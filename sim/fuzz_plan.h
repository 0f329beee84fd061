/*
 * fuzz_plan.h — what `pwsim fuzz --target PROCESS/OBJECT` (or a scenario's
 * `fuzz.target`) names, resolved against a system: the channel handler to
 * fuzz and the initiator whose process the fuzz driver replaces.
 */
#ifndef PWK_SIM_FUZZ_PLAN_H
#define PWK_SIM_FUZZ_PLAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "system_config.h"

struct fuzz_plan {
	uint32_t handler_process; /* index in the system's processes */
	uint32_t handler_object;  /* the channel_handler's handle in it */
	uint32_t driver_process;  /* the process holding the channel_initiator */
	uint32_t driver_object;   /* the channel_initiator's handle */
};

/* Resolves `spec` ("PROCESS/OBJECT"). False with a sentence saying what is
 * wrong and what would be right (the channel handlers the system has). */
bool fuzz_plan_resolve(const struct cfg_system *sys, const char *spec, struct fuzz_plan *out,
		       char *err, size_t err_cap);

#endif
