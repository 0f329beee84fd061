/*
 * fuzz_target.c — see fuzz_target.h. The driver's input is written into
 * the loaded image's initial RAM (host_snapshot_patch_ram), so the rewind
 * that starts each run, and a restart of the driver's process, both begin
 * with it: a run of an input is a fresh run of a system whose driver was
 * built with that input.
 */
#include "fuzz_target.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "expect.h"
#include "fuzz_input.h"
#include "host_link.h"
#include "fuzz_verdict.h"
#include "image_elf.h"

#define DRIVER_RAM_MIN          (32u * 1024u)
#define DRIVER_FLASH_MIN        (32u * 1024u)
/* A run with no time limit of its own ends here (the driver may have
 * died, leaving a handler that never stops). */
#define FUZZ_TIME_LIMIT_DEFAULT (UINT64_C(10) * 1000000000u)

static char *try_driver(const char *dir, const char *rel, char *looked, size_t cap)
{
	char path[PATH_MAX];
	int n = snprintf(path, sizeof(path), "%s/%s", dir, rel);
	if (n > 0 && (size_t)n < sizeof(path) && access(path, R_OK) == 0) {
		return strdup(path);
	}
	size_t used = strlen(looked);
	snprintf(looked + used, cap - used, "%s%s", used ? ", " : "", path);
	return NULL;
}

char *fuzz_driver_find(char *looked, size_t looked_cap)
{
	looked[0] = '\0';
	const char *env = getenv("PWSIM_FUZZ_DRIVER");
	if (env != NULL && env[0] != '\0') {
		return try_driver(".", env[0] == '/' ? env + 1 : env, looked, looked_cap);
	}
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n <= 0) {
		snprintf(looked, looked_cap, "/proc/self/exe (unreadable)");
		return NULL;
	}
	exe[n] = '\0';
	char *slash = strrchr(exe, '/');
	*slash = '\0';
	char *found = try_driver(exe, "../lib/pwk/fuzz_driver.elf", looked, looked_cap);
	if (found == NULL) {
		found = try_driver(exe, "../userspace/fuzz_driver.elf", looked, looked_cap);
	}
	return found;
}

void fuzz_target_prepare(struct scenario *s, const struct fuzz_plan *plan, const char *driver)
{
	struct cfg_process *dp = &s->system.processes[plan->driver_process];
	free(s->images[plan->driver_process]);
	s->images[plan->driver_process] = strdup(driver);
	if (dp->ram_size_bytes < DRIVER_RAM_MIN) {
		dp->ram_size_bytes = DRIVER_RAM_MIN;
	}
	struct cfg_app *app = &s->system.apps[dp->app_index];
	if (app->flash_size_bytes < DRIVER_FLASH_MIN) {
		app->flash_size_bytes = DRIVER_FLASH_MIN;
	}
	if (s->sim.time_limit == 0) {
		s->sim.time_limit = FUZZ_TIME_LIMIT_DEFAULT;
	}
}

static bool find_input(struct fuzz_target *t, FILE *report)
{
	const char *driver = t->scenario->images[t->plan.driver_process];
	uint64_t value = 0, size = 0, entry = 0;
	if (!sim_image_symbol(driver, PWK_FUZZ_INPUT_SYMBOL, &value, &size, &entry) ||
	    size != sizeof(struct pwk_fuzz_input)) {
		fprintf(report,
			"pwsim: %s is not pwk's fuzz driver (no %s of %zu bytes): reinstall "
			"pwk or point PWSIM_FUZZ_DRIVER at its fuzz_driver.elf\n",
			driver, PWK_FUZZ_INPUT_SYMBOL, sizeof(struct pwk_fuzz_input));
		return false;
	}
	t->input_addr = t->sys.places[t->plan.driver_process].entry - entry + value;
	return true;
}

static bool map_has_edges(uint32_t process)
{
	const uint8_t *map = host_coverage_map(process);
	for (size_t i = 0; map != NULL && i < PWK_HOST_COVERAGE_MAP_BYTES; i++) {
		if (map[i] != 0) {
			return true;
		}
	}
	return false;
}

/* Runs the empty input once to see which console expectations hold
 * without the scenario's own initiator (fuzz_target.h). */
static void pick_expectations(struct fuzz_target *t)
{
	const struct scenario_expect *x = &t->scenario->expect;
	t->expect_applies = calloc(x->console_count + 1, sizeof(bool));
	t->baseline = true;
	static const uint8_t nothing[1];
	(void)fuzz_target_run(t, nothing, 0, NULL, NULL);
	t->baseline = false;
	char driver_prefix[160];
	snprintf(driver_prefix, sizeof(driver_prefix), "[%s/",
		 t->scenario->system.processes[t->plan.driver_process].name);
	for (size_t i = 0; i < x->console_count; i++) {
		const char *from = host_console_text();
		t->expect_applies[i] =
			strncmp(x->console[i], driver_prefix, strlen(driver_prefix)) != 0 &&
			sim_expect_find_line(x->console[i], &from);
		if (t->expect_applies[i]) {
			t->expect_checked++;
		} else {
			t->expect_ignored++;
		}
	}
}

bool fuzz_target_load(struct fuzz_target *t, struct scenario *s, const struct fuzz_plan *plan,
		      uint64_t response_budget, bool coverage, const struct run_options *load)
{
	FILE *report = load->report;
	memset(t, 0, sizeof(*t));
	t->scenario = s;
	t->plan = *plan;
	t->response_budget = response_budget;
	t->quiet = fopen("/dev/null", "w");
	if (t->quiet == NULL || !sim_system_load(&t->sys, s, load) || !find_input(t, report)) {
		return false;
	}
	char err[256];
	if (coverage && !host_coverage_attach(plan->handler_process, err, sizeof(err))) {
		fprintf(report, "pwsim: process '%s': %s\n",
			s->system.processes[plan->handler_process].name, err);
		return false;
	}
	pick_expectations(t);
	if (coverage && !map_has_edges(plan->handler_process)) {
		fprintf(report,
			"pwsim: process '%s' ran without counting a single edge in its coverage "
			"map: rebuild its image with this pwk's runtime (pkg-config pwk-user-host; "
			"an older runtime never reads the map's address)\n",
			s->system.processes[plan->handler_process].name);
		return false;
	}
	return true;
}

static void write_input(struct fuzz_target *t, const uint8_t *input, size_t len)
{
	static struct pwk_fuzz_input in; /* large: not on the stack */
	if (len > PWK_FUZZ_INPUT_MAX) {
		len = PWK_FUZZ_INPUT_MAX;
	}
	in.magic = PWK_FUZZ_INPUT_MAGIC;
	in.handle = t->plan.driver_object;
	in.response_budget = t->response_budget;
	in.len = (uint32_t)len;
	memcpy(in.bytes, input, len);
	/* Zero what the last input left beyond this one: the image's RAM is
	 * then exactly what this input alone gives. */
	size_t upto = len > t->last_len ? len : t->last_len;
	memset(in.bytes + len, 0, upto - len);
	(void)host_snapshot_patch_ram(t->plan.driver_process, t->input_addr, &in,
				      offsetof(struct pwk_fuzz_input, bytes) + upto);
	t->last_len = len;
}

/* The verdict's observer, then the run's own trace sink. */
static void observe_and_pass(void *ctx, uint64_t time, const struct pwk_trace_record *r)
{
	struct fuzz_target *t = ctx;
	fuzz_observe_record(t, time, r);
	t->pass_trace(t->pass_trace_ctx, time, r);
}

struct fuzz_verdict fuzz_target_run_with(struct fuzz_target *t, const uint8_t *input, size_t len,
					 const struct run_options *o, struct run_result *result)
{
	write_input(t, input, len);
	fuzz_observe_start(t);
	t->scenario->sim.fault_report = o->report != NULL ? NULL : t->quiet;
	t->pass_trace = o->trace;
	t->pass_trace_ctx = o->trace_ctx;
	struct run_options run = {
		.seed = o->seed,
		.trace = o->trace != NULL ? observe_and_pass : fuzz_observe_record,
		.trace_ctx = t,
		.console = o->console,
		.report = o->report != NULL ? o->report : t->quiet,
	};
	struct run_result r = sim_system_run(&t->sys, &run);
	if (result != NULL) {
		*result = r;
	}
	return fuzz_verdict_of(t, &r);
}

struct fuzz_verdict fuzz_target_run(struct fuzz_target *t, const uint8_t *input, size_t len,
				    FILE *report, FILE *console)
{
	struct run_options o = {.report = report, .console = console};
	return fuzz_target_run_with(t, input, len, &o, NULL);
}

void fuzz_target_free(struct fuzz_target *t)
{
	sim_system_free(&t->sys);
	free(t->expect_applies);
	if (t->quiet != NULL) {
		fclose(t->quiet);
	}
	memset(t, 0, sizeof(*t));
}
