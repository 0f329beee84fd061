/*
 * fuzz_plan.c — see fuzz_plan.h.
 */
#include "fuzz_plan.h"

#include <stdio.h>
#include <string.h>

/* "a/b, c/d" of every paired channel handler, for error messages. */
static void list_handlers(const struct cfg_system *sys, char *out, size_t cap)
{
	size_t used = 0;
	out[0] = '\0';
	for (size_t p = 0; p < sys->process_count; p++) {
		const struct cfg_process *cp = &sys->processes[p];
		for (size_t o = 0; o < cp->object_count; o++) {
			const struct cfg_object *ob = &cp->objects[o];
			if (ob->type != PWK_OBJECT_CHANNEL_HANDLER ||
			    ob->initiator_process_index == PWK_NONE || used >= cap) {
				continue;
			}
			used += (size_t)snprintf(out + used, cap - used, "%s%s/%s",
						 used ? ", " : "", cp->name, ob->name);
		}
	}
	if (used == 0) {
		snprintf(out, cap, "none: the system has no channel with both ends");
	}
}

bool fuzz_plan_resolve(const struct cfg_system *sys, const char *spec, struct fuzz_plan *out,
		       char *err, size_t err_cap)
{
	char handlers[512];
	list_handlers(sys, handlers, sizeof(handlers));
	const char *slash = strchr(spec, '/');
	if (slash == NULL || slash == spec || slash[1] == '\0') {
		snprintf(err, err_cap,
			 "target '%s' is not PROCESS/OBJECT (a channel_handler object of a "
			 "process; this system's: %s)",
			 spec, handlers);
		return false;
	}
	char process[128];
	size_t plen = (size_t)(slash - spec);
	snprintf(process, sizeof(process), "%.*s", (int)plen, spec);
	uint32_t p = cfg_process_find(sys, process);
	if (p == PWK_NONE) {
		snprintf(err, err_cap, "target '%s': the system has no process '%s' (targets: %s)",
			 spec, process, handlers);
		return false;
	}
	const struct cfg_process *cp = &sys->processes[p];
	for (uint32_t o = 0; o < cp->object_count; o++) {
		const struct cfg_object *ob = &cp->objects[o];
		if (strcmp(ob->name, slash + 1) != 0) {
			continue;
		}
		if (ob->type != PWK_OBJECT_CHANNEL_HANDLER) {
			snprintf(err, err_cap,
				 "target '%s' is a %s object; pwsim fuzz fuzzes a channel_handler "
				 "(targets: %s)",
				 spec, cfg_object_type_name(ob), handlers);
			return false;
		}
		if (ob->initiator_process_index == PWK_NONE) {
			snprintf(err, err_cap,
				 "target '%s' has no channel_initiator: the fuzz driver takes the "
				 "place of the process holding it; add one (targets: %s)",
				 spec, handlers);
			return false;
		}
		if (ob->initiator_process_index == p) {
			snprintf(err, err_cap,
				 "target '%s': its initiator is in the same process, which the "
				 "fuzz driver would replace",
				 spec);
			return false;
		}
		*out = (struct fuzz_plan){
			.handler_process = p,
			.handler_object = o,
			.driver_process = ob->initiator_process_index,
			.driver_object = ob->initiator_object_index,
		};
		return true;
	}
	snprintf(err, err_cap, "target '%s': process '%s' has no object '%s' (targets: %s)", spec,
		 process, slash + 1, handlers);
	return false;
}
