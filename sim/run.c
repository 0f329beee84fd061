/*
 * run.c — one run: regions, images, system description, boot, run, report.
 */
#include "run.h"

#include <stdlib.h>

#include "end_report.h"
#include "system_desc.h"

static bool setup_process(const struct scenario *s, uint32_t p, struct host_region_info *region,
			  struct host_image_info *image, FILE *report)
{
	const struct cfg_process *cp = &s->system.processes[p];
	const struct cfg_app *app = &s->system.apps[cp->app_index];
	char err[512];
	if (!host_region_create(p, app->flash_size_bytes, cp->ram_size_bytes, region, err,
				sizeof(err))) {
		fprintf(report, "pwsim: process '%s': %s\n", cp->name, err);
		return false;
	}
	if (!host_image_load(p, s->images[p], image, err, sizeof(err))) {
		fprintf(report, "pwsim: process '%s': cannot load image: %s\n", cp->name, err);
		return false;
	}
	return true;
}

static void report_end(const struct scenario *s, const struct host_outcome *out, uint64_t seed,
		       FILE *report)
{
	fprintf(report,
		"pwsim: seed %llu: %llu syscalls, %llu basic blocks, %u faults, trace digest "
		"%016llx\n",
		(unsigned long long)seed, (unsigned long long)out->syscalls,
		(unsigned long long)out->blocks, out->faults,
		(unsigned long long)out->trace_digest);
	bool threads = sim_end_lists_threads(out->kind);
	sim_report_end(report, s, out->kind, out->code, out->end_time, threads);
	if (threads) {
		host_report_threads(report);
	}
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
	struct host_region_info *regions = calloc(n + 1, sizeof(*regions));
	struct host_image_info *images = calloc(n + 1, sizeof(*images));
	struct sim_system_desc desc = {0};
	bool ok = true;
	for (uint32_t p = 0; ok && p < n; p++) {
		ok = setup_process(s, p, &regions[p], &images[p], o->report);
	}
	char err[512];
	if (ok && !sim_system_desc_build(&desc, &s->system, regions, images, err, sizeof(err))) {
		fprintf(o->report, "pwsim: %s\n", err);
		ok = false;
	}
	if (ok) {
		result.ran = true;
		result.outcome = host_machine_run(&desc.desc);
		report_end(s, &result.outcome, o->seed, o->report);
	}
	/* Expectations read the console after the machine is gone: keep it. */
	sim_system_desc_free(&desc);
	free(regions);
	free(images);
	return result;
}
