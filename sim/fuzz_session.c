/*
 * fuzz_session.c — see fuzz_session.h.
 */
#include "fuzz_session.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_input.h"

/* The isolation a session runs under: the option, else the fuzz key's,
 * else the scenario's. False for an unknown name. */
static bool pick_isolation(struct scenario *s, const char *name, FILE *report)
{
	if (name == NULL || strcmp(name, "scenario") == 0) {
		if (name == NULL && s->fuzz.isolation_set) {
			s->sim.isolation = s->fuzz.isolation;
		}
		return true;
	}
	if (!host_isolation_parse(name, &s->sim.isolation)) {
		fprintf(report,
			"pwsim: --isolation takes none, mprotect or scenario (its own), not '%s'\n",
			name);
		return false;
	}
	return true;
}

bool fuzz_session_open(struct fuzz_session *fs, const char *scenario_path,
		       const struct scenario_search *search, const struct fuzz_session_options *o,
		       FILE *report)
{
	const char *target_spec = o->target;
	uint64_t response_budget = o->response_budget;
	memset(fs, 0, sizeof(*fs));
	struct diag d;
	diag_init(&d, scenario_path, report);
	fs->scenario_loaded = scenario_load(scenario_path, search, &fs->scenario, &d);
	if (!fs->scenario_loaded) {
		return false;
	}
	struct scenario *s = &fs->scenario;
	struct fuzz_plan plan = s->fuzz.plan;
	char err[768];
	if (target_spec != NULL &&
	    !fuzz_plan_resolve(&s->system, target_spec, &plan, err, sizeof(err))) {
		fprintf(report, "pwsim: --target: %s\n", err);
		return false;
	}
	if (target_spec == NULL && s->fuzz.target == NULL) {
		fprintf(report, "pwsim: %s has no fuzz key: say which handler with --target\n",
			scenario_path);
		return false;
	}
	char looked[1024];
	char *driver = fuzz_driver_find(looked, sizeof(looked));
	if (driver == NULL) {
		fprintf(report,
			"pwsim: the fuzz driver image is not installed (looked for %s): install "
			"pwk with scripts/install.sh, or set PWSIM_FUZZ_DRIVER\n",
			looked);
		return false;
	}
	if (!pick_isolation(s, o->isolation, report)) {
		free(driver);
		return false;
	}
	fuzz_target_prepare(s, &plan, driver);
	free(driver);
	if (response_budget == 0) {
		response_budget = s->fuzz.response_budget != 0 ? s->fuzz.response_budget
							       : FUZZ_RESPONSE_BUDGET_DEFAULT;
	}
	return fuzz_target_load(&fs->target, s, &plan, response_budget, o->coverage, report);
}

void fuzz_session_close(struct fuzz_session *fs)
{
	fuzz_target_free(&fs->target);
	if (fs->scenario_loaded) {
		scenario_free(&fs->scenario);
	}
	host_machine_release();
	memset(fs, 0, sizeof(*fs));
}

uint8_t *fuzz_input_read(const char *path, size_t *len, FILE *report)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL) {
		fprintf(report, "pwsim: %s: cannot open: %s\n", path, strerror(errno));
		return NULL;
	}
	uint8_t *bytes = malloc(PWK_FUZZ_INPUT_MAX + 1);
	*len = fread(bytes, 1, PWK_FUZZ_INPUT_MAX + 1, f);
	fclose(f);
	if (*len > PWK_FUZZ_INPUT_MAX) {
		fprintf(report, "pwsim: %s: longer than %u bytes (the fuzz driver's buffer)\n",
			path, PWK_FUZZ_INPUT_MAX);
		free(bytes);
		return NULL;
	}
	return bytes;
}

uint64_t fuzz_bytes_hash(const uint8_t *bytes, size_t len)
{
	uint64_t h = UINT64_C(14695981039346656037);
	for (size_t i = 0; i < len; i++) {
		h = (h ^ bytes[i]) * UINT64_C(1099511628211);
	}
	return h;
}
