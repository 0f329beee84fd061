/*
 * fuzz_planted_run.c — see fuzz_planted_run.h.
 */
#include "fuzz_planted_run.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#define ENGINE_ARGS_MAX 4

/* The trace digest's 16 hex digits from a run's "trace digest D" line. */
static const char *digest_of(const char *err)
{
	const char *d = strstr(err, "trace digest ");
	cr_assert_not_null(d, "no trace digest in:\n%s", err);
	return d + strlen("trace digest ");
}

struct pwsim_result fuzz_planted_found_and_replayed(const char *const *engine_args)
{
	char out[512];
	/* A space in the path: the printed replay command quotes it. */
	temp_dir_make(out, sizeof(out), "pwk fuzz planted");
	const char *argv[16] = {"fuzz",
				"tests/sim/fuzz_planted/planted.json5",
				"--target=handler/ipc",
				"--out",
				out,
				"--max-time",
				"200",
				"--image-dir",
				PWK_BUILD_ROOT};
	size_t n = 9;
	for (size_t i = 0; engine_args[i] != NULL && i < ENGINE_ARGS_MAX; i++) {
		argv[n++] = engine_args[i];
	}
	argv[n] = NULL;
	struct pwsim_result r = pwsim_run(argv);
	cr_assert_eq(r.status, 1, "exit %d\nstdout:\n%s\nstderr:\n%s", r.status, r.out, r.err);
	assert_contains(r.out, "finding (handler fault): the handler 'handler' faulted");
	char line[2048];
	const char *replay[32];
	cr_assert_geq(pwsim_replay_args(r.out, line, sizeof(line), replay, 32), 2);
	cr_assert_str_eq(replay[0], "run");
	struct pwsim_result again = pwsim_run(replay);
	cr_assert_eq(again.status, 1, "replay exit %d\n%s", again.status, again.err);
	assert_contains(again.err, "finding (handler fault): the handler 'handler' faulted");
	assert_contains(again.err, "pwsim: fault: process 'handler'");
	/* Exact: the same run twice has the same trace digest. */
	struct pwsim_result third = pwsim_run(replay);
	cr_assert_eq(strncmp(digest_of(again.err), digest_of(third.err), 16), 0, "%.16s vs %.16s",
		     digest_of(again.err), digest_of(third.err));
	pwsim_result_free(&third);
	pwsim_result_free(&again);
	temp_dir_remove(out);
	return r;
}

struct pwsim_result fuzz_run_clean(const char *scenario, const char *target, const char *seconds,
				   const char *const *extra, char *out, size_t out_cap)
{
	temp_dir_make(out, out_cap, "pwk-fuzz-clean");
	char target_arg[256];
	snprintf(target_arg, sizeof(target_arg), "--target=%s", target);
	const char *argv[] = {"fuzz",       scenario, target_arg,    "--out",        out,
			      "--max-time", seconds,  "--image-dir", PWK_BUILD_ROOT, NULL};
	return pwsim_run_ok(NULL, argv, extra);
}
