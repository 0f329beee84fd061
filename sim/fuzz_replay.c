/*
 * fuzz_replay.c — see fuzz_replay.h.
 */
#include "fuzz_replay.h"

#include <stdlib.h>

#include "expect.h"
#include "fuzz_session.h"

int fuzz_replay(const char *scenario_path, struct scenario *s, const struct run_options *o,
		struct run_result *result)
{
	*result = (struct run_result){0};
	if (s->fuzz.input == NULL) {
		fprintf(stderr,
			"pwsim: %s: fuzz has no input: pwsim run replays one input "
			"(fuzz.input); pwsim fuzz %s --target %s fuzzes\n",
			scenario_path, scenario_path, s->fuzz.target);
		return PWSIM_EXIT_BAD_INPUT;
	}
	size_t len = 0;
	uint8_t *bytes = fuzz_input_read(s->fuzz.input, &len, stderr);
	struct fuzz_session fs;
	struct fuzz_session_options so = {
		.isolation = o->override_isolation ? host_isolation_name(o->isolation) : NULL,
		.allow_uncounted = o->allow_uncounted,
		.gdb_script = o->gdb_script,
	};
	int code = PWSIM_EXIT_BAD_INPUT;
	bool open = bytes != NULL && fuzz_session_open_loaded(&fs, s, scenario_path, &so, stderr);
	if (open) {
		struct run_options run = *o;
		run.report = stderr;
		struct fuzz_verdict v = fuzz_target_run_with(&fs.target, bytes, len, &run, result);
		if (v.kind == FUZZ_CLEAN) {
			fprintf(stderr, "pwsim: %s: the fuzz input runs clean\n", scenario_path);
			code = PWSIM_EXIT_OK;
		} else if (v.kind == FUZZ_NOT_RUN) {
			fprintf(stderr, "pwsim: %s\n", v.text);
		} else {
			fprintf(stderr, "pwsim fuzz: finding (%s): %s\n", fuzz_kind_name(v.kind),
				v.text);
			code = PWSIM_EXIT_EXPECTATION;
		}
	}
	if (bytes != NULL) {
		fuzz_session_close(&fs); /* also after a failed open: what it set up */
	}
	free(bytes);
	return code;
}
