/*
 * run.c — one run: regions, images, system description, boot, run, report.
 */
#include "run.h"

#include <stdlib.h>

#include "system_desc.h" /* config/: the translation shared with pwk-gen */

/* Creates process p's region, loads its image and records where it lives
 * for the system description. */
static bool setup_process(const struct scenario *s, uint32_t p, struct cfg_process_placement *place,
			  FILE *report)
{
	const struct cfg_process *cp = &s->system.processes[p];
	const struct cfg_app *app = &s->system.apps[cp->app_index];
	struct host_region_info region;
	struct host_image_info image;
	char err[512];
	if (!host_region_create(p, app->flash_size_bytes, cp->ram_size_bytes, &region, err,
				sizeof(err))) {
		fprintf(report, "pwsim: process '%s': %s\n", cp->name, err);
		return false;
	}
	if (!host_image_load(p, s->images[p], &image, err, sizeof(err))) {
		fprintf(report, "pwsim: process '%s': cannot load image: %s\n", cp->name, err);
		return false;
	}
	*place = (struct cfg_process_placement){
		.flash_start = region.flash_start,
		.flash_size = region.flash_size,
		.ram_start = region.ram_start,
		.ram_size = region.ram_size,
		.entry = image.entry,
		.ram_used = image.ram_used,
		.start_arg1 = host_process_start_arg(p),
	};
	return true;
}

static void report_end(const struct scenario *s, const struct host_outcome *out, uint64_t seed,
		       FILE *report)
{
	double seconds = (double)out->end_time / 1e9;
	fprintf(report,
		"pwsim: seed %llu: %llu syscalls, %llu basic blocks, %u faults, trace digest "
		"%016llx\n",
		(unsigned long long)seed, (unsigned long long)out->syscalls,
		(unsigned long long)out->blocks, out->faults,
		(unsigned long long)out->trace_digest);
	switch (out->kind) {
	case HOST_OUTCOME_SHUTDOWN:
		fprintf(report, "pwsim: system shut down with status %u at virtual time %.9f s\n",
			out->code, seconds);
		return;
	case HOST_OUTCOME_DEADLOCK:
		fprintf(report,
			"pwsim: DEADLOCK at virtual time %.9f s: every thread is blocked "
			"and no deadline is pending. Threads:\n",
			seconds);
		break;
	case HOST_OUTCOME_IDLE:
		fprintf(report,
			"pwsim: every thread has exited at virtual time %.9f s without "
			"debug_shutdown. Threads:\n",
			seconds);
		break;
	case HOST_OUTCOME_TIME_LIMIT:
		fprintf(report,
			"pwsim: virtual time limit of %.3f s exceeded (raise time_limit_ms "
			"in %s if that is expected). Threads:\n",
			(double)s->sim.time_limit / 1e9, s->path);
		break;
	case HOST_OUTCOME_WATCHDOG:
		fprintf(report,
			"pwsim: the run was stopped by the watchdog at virtual time %.9f s. "
			"Threads:\n",
			seconds);
		break;
	case HOST_OUTCOME_BOOT_FAILED:
		fprintf(report, "pwsim: the kernel refused the system (status %u): %s\n", out->code,
			out->code == PWK_RESOURCE_EXHAUSTED
				? "it exceeds the kernel's limits (kernel-core/src/limits.h)"
				: "its description is inconsistent (a simulator bug: please report "
				  "it)");
		return;
	}
	host_report_threads(report);
}

struct run_result sim_run(const struct scenario *s, const struct run_options *o)
{
	struct run_result result = {0};
	struct host_options opts = s->sim;
	if (o->override_isolation) {
		opts.isolation = o->isolation;
	}
	opts.seed = o->seed;
	opts.trace = o->trace;
	opts.trace_ctx = o->trace_ctx;
	opts.injections = s->faults;
	opts.injection_count = s->fault_count;
	opts.console = o->console;
	host_machine_reset(&opts);

	size_t n = s->system.process_count;
	struct cfg_process_placement *places = calloc(n + 1, sizeof(*places));
	struct cfg_system_desc desc = {0};
	bool ok = true;
	for (uint32_t p = 0; ok && p < n; p++) {
		ok = setup_process(s, p, &places[p], o->report);
	}
	/* The host has no devices behind memory_mappings: they are no regions. */
	struct cfg_placement place = {.processes = places, .mappings_as_regions = false};
	char err[512];
	if (ok && !cfg_system_desc_build(&desc, &s->system, &place, err, sizeof(err))) {
		fprintf(o->report, "pwsim: %s\n", err);
		ok = false;
	}
	if (ok) {
		desc.desc.options = s->kernel_options;
		result.ran = true;
		result.outcome = host_machine_run(&desc.desc);
		report_end(s, &result.outcome, o->seed, o->report);
	}
	/* Expectations read the console after the machine is gone: keep it. */
	cfg_system_desc_free(&desc);
	free(places);
	return result;
}
