/*
 * run.c — one run: regions, images, system description, boot, run, report.
 */
#include "run.h"

#include <stdlib.h>

#include "end_report.h"
#include "image_elf.h"
#include "system_desc.h" /* config/: the translation shared with pwk-gen */

/* Creates process p's region, loads its image and records where it lives
 * for the system description. */
static bool setup_process(const struct scenario *s, uint32_t p, struct cfg_process_placement *place,
			  const struct run_options *o)
{
	FILE *report = o->report;
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
	struct host_image_file file;
	if (!host_image_read(s->images[p], &file, err, sizeof(err)) ||
	    !host_image_load(p, s->images[p], &file, &image, err, sizeof(err))) {
		fprintf(report, "pwsim: process '%s': cannot load image: %s\n", cp->name, err);
		host_image_file_free(&file);
		return false;
	}
	bool counted = o->allow_uncounted || sim_image_counts_blocks(&file, err, sizeof(err));
	if (counted && o->gdb_script != NULL) {
		sim_image_write_gdb_symbols(o->gdb_script, s->images[p], &file, image.load_base);
	}
	host_image_file_free(&file);
	if (!counted) {
		fprintf(report, "pwsim: process '%s': image %s refused: %s\n", cp->name,
			s->images[p], err);
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

static struct host_options run_host_options(const struct scenario *s, const struct run_options *o)
{
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
	return opts;
}

bool sim_system_load(struct sim_system *sys, const struct scenario *s, const struct run_options *o)
{
	*sys = (struct sim_system){.scenario = s};
	struct host_options opts = run_host_options(s, o);
	host_machine_reset(&opts);
	size_t n = s->system.process_count;
	sys->places = calloc(n + 1, sizeof(*sys->places));
	bool ok = true;
	for (uint32_t p = 0; ok && p < n; p++) {
		ok = setup_process(s, p, &sys->places[p], o);
	}
	/* The host has no devices behind memory_mappings: they are no regions. */
	struct cfg_placement place = {.processes = sys->places, .mappings_as_regions = false};
	char err[512];
	if (ok && !cfg_system_desc_build(&sys->desc, &s->system, &place, err, sizeof(err))) {
		fprintf(o->report, "pwsim: %s\n", err);
		ok = false;
	}
	sys->desc.desc.options = s->kernel_options;
	sys->loaded = ok;
	return ok;
}

struct run_result sim_system_run(struct sim_system *sys, const struct run_options *o)
{
	struct run_result result = {0};
	if (!sys->loaded) {
		return result;
	}
	/* Also the first run: the options the system was loaded with (seed,
	 * console) need not be this run's. */
	struct host_options opts = run_host_options(sys->scenario, o);
	host_machine_rewind(&opts);
	result.ran = true;
	result.outcome = host_machine_run(&sys->desc.desc);
	report_end(sys->scenario, &result.outcome, o->seed, o->report);
	return result;
}

void sim_system_free(struct sim_system *sys)
{
	/* Expectations read the console after the machine is gone: keep it. */
	cfg_system_desc_free(&sys->desc);
	free(sys->places);
	*sys = (struct sim_system){0};
}

struct run_result sim_run(const struct scenario *s, const struct run_options *o)
{
	struct sim_system sys;
	struct run_result result = {0};
	if (sim_system_load(&sys, s, o)) {
		result = sim_system_run(&sys, o);
	}
	sim_system_free(&sys);
	return result;
}
