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
			"pwsim: --isolation takes none, mprotect, trusted or scenario (its own), "
			"not '%s'\n",
			name);
		return false;
	}
	return true;
}

bool fuzz_session_open(struct fuzz_session *fs, const char *scenario_path,
		       const struct scenario_search *search, const struct fuzz_session_options *o,
		       FILE *report)
{
	memset(fs, 0, sizeof(*fs));
	struct diag d;
	diag_init(&d, scenario_path, report);
	fs->scenario_loaded = scenario_load(scenario_path, search, &fs->loaded, &d);
	return fs->scenario_loaded &&
	       fuzz_session_open_loaded(fs, &fs->loaded, scenario_path, o, report);
}

bool fuzz_session_open_loaded(struct fuzz_session *fs, struct scenario *s,
			      const char *scenario_path, const struct fuzz_session_options *o,
			      FILE *report)
{
	if (s != &fs->loaded) {
		memset(fs, 0, sizeof(*fs));
	}
	fs->scenario = s;
	struct fuzz_plan plan = s->fuzz.plan;
	char err[768];
	if (o->target != NULL &&
	    !fuzz_plan_resolve(&s->system, o->target, &plan, err, sizeof(err))) {
		fprintf(report, "pwsim: --target: %s\n", err);
		return false;
	}
	if (o->target == NULL && s->fuzz.target == NULL) {
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
	uint64_t response_budget = o->response_budget;
	if (response_budget == 0) {
		response_budget = s->fuzz.response_budget != 0 ? s->fuzz.response_budget
							       : FUZZ_RESPONSE_BUDGET_DEFAULT;
	}
	struct run_options load = {
		.report = report,
		.allow_uncounted = o->allow_uncounted,
		.gdb_script = o->gdb_script,
	};
	return fuzz_target_load(&fs->target, s, &plan, response_budget, o->coverage, &load);
}

void fuzz_session_close(struct fuzz_session *fs)
{
	fuzz_target_free(&fs->target);
	if (fs->scenario_loaded) {
		scenario_free(&fs->loaded);
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
