/*
 * fuzz_entry.c — pwsim-fuzz: the libFuzzer binary behind `pwsim fuzz`
 * (docs/fuzzing.md), and, linked with AFL++'s libAFLDriver instead,
 * pwsim-fuzz-afl behind `pwsim fuzz --engine afl` (fuzz_engine.h says how
 * each engine gets the coverage). Its entry points follow libFuzzer's
 * convention, so OSS-Fuzz or ClusterFuzzLite can run it like any fuzz
 * target; what to fuzz
 * comes from the environment, which libFuzzer's -fork/-jobs children
 * inherit:
 *   PWSIM_FUZZ_SCENARIO      the scenario file
 *   PWSIM_FUZZ_TARGET        PROCESS/OBJECT (default: the scenario's fuzz.target)
 *   PWSIM_FUZZ_IMAGE_DIRS    --image-dir directories, ':'-separated
 *   PWSIM_FUZZ_RESPONSE_BUDGET_MS
 *   PWSIM_FUZZ_ISOLATION     none, mprotect, trusted or scenario (default: the scenario's)
 * Coverage is the handler's edge map alone (hal-host/coverage.c): this
 * program's own code is built without coverage instrumentation. A finding
 * prints one line, "pwsim fuzz: finding: ...", and aborts into libFuzzer's
 * crash handler, which saves the input (under AFL++ the abort kills the
 * persistent child, and afl-fuzz saves it).
 */
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_engine.h"
#include "fuzz_input.h"
#include "fuzz_mutate.h"
#include "fuzz_session.h"
#include "host_link.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size, unsigned int seed);
size_t LLVMFuzzerMutate(uint8_t *data, size_t size, size_t max_size);
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*cb)(const uint8_t *data, size_t size));

#define IMAGE_DIRS_MAX 16

static struct fuzz_session session;
static char *image_dir_list;
static const char *image_dirs[IMAGE_DIRS_MAX];
/* libFuzzer's SIGABRT handler, taken back from hal-host (which installs its
 * own at the first run and keeps them) before a finding or a kernel panic
 * aborts. */
static struct sigaction libfuzzer_abort;
static bool have_libfuzzer_abort;

static _Noreturn void crash_into_libfuzzer(void)
{
	fflush(NULL);
	if (have_libfuzzer_abort) {
		sigaction(SIGABRT, &libfuzzer_abort, NULL);
	} else {
		signal(SIGABRT, SIG_DFL);
	}
	abort();
}

static void on_kernel_panic(void)
{
	fprintf(stderr, "pwsim fuzz: finding: KERNEL PANIC (a pwk bug: please report it with "
			"this input)\n");
	crash_into_libfuzzer();
}

static uint64_t budget_from_env(void)
{
	const char *v = getenv("PWSIM_FUZZ_RESPONSE_BUDGET_MS");
	return v != NULL ? strtoull(v, NULL, 10) * UINT64_C(1000000) : 0;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	const char *scenario = getenv("PWSIM_FUZZ_SCENARIO");
	if (scenario == NULL || scenario[0] == '\0') {
		fprintf(stderr,
			"pwsim-fuzz: set PWSIM_FUZZ_SCENARIO (and PWSIM_FUZZ_TARGET) or run "
			"`pwsim fuzz SCENARIO --target PROCESS/OBJECT`\n");
		exit(2);
	}
	const char *target = getenv("PWSIM_FUZZ_TARGET");
	struct scenario_search search = {.image_dirs = image_dirs};
	const char *dirs = getenv("PWSIM_FUZZ_IMAGE_DIRS");
	if (dirs != NULL && dirs[0] != '\0') {
		image_dir_list = strdup(dirs);
		for (char *save = NULL, *d = strtok_r(image_dir_list, ":", &save);
		     d != NULL && search.image_dir_count < IMAGE_DIRS_MAX;
		     d = strtok_r(NULL, ":", &save)) {
			image_dirs[search.image_dir_count++] = d;
		}
	}
	const char *isolation = getenv("PWSIM_FUZZ_ISOLATION");
	struct fuzz_session_options o = {
		.target = target != NULL && target[0] ? target : NULL,
		.response_budget = budget_from_env(),
		.isolation = isolation != NULL && isolation[0] ? isolation : NULL,
		.coverage = true,
	};
	if (!fuzz_session_open(&session, scenario, &search, &o, stderr)) {
		exit(2);
	}
	session.scenario->sim.panic_hook = on_kernel_panic;
	/* Loading installed hal-host's signal handlers; libFuzzer installs its
	 * own only where none is set. It does so after this function: give
	 * it SIGABRT and the rest back (hal-host takes them again at the next
	 * reset, told so by host_signals_forget(), and keeps them;
	 * crash_into_libfuzzer() restores libFuzzer's abort). */
	static const int handed_back[] = {SIGABRT, SIGINT, SIGTERM, SIGXCPU,
					  SIGSEGV, SIGBUS, SIGILL,  SIGFPE};
	for (size_t i = 0; i < sizeof(handed_back) / sizeof(handed_back[0]); i++) {
		signal(handed_back[i], SIG_DFL);
	}
	host_signals_forget();
	uint8_t *map = host_coverage_map(session.target.plan.handler_process);
	fuzz_engine_coverage_init(map, PWK_HOST_COVERAGE_MAP_BYTES);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!have_libfuzzer_abort) {
		have_libfuzzer_abort = sigaction(SIGABRT, NULL, &libfuzzer_abort) == 0;
	}
	if (size > PWK_FUZZ_INPUT_MAX) {
		return -1; /* the driver reads no more: not worth keeping */
	}
	struct fuzz_verdict v = fuzz_target_run(&session.target, data, size, NULL, NULL);
	fuzz_engine_run_done();
	if (v.kind == FUZZ_NOT_RUN) {
		fprintf(stderr, "pwsim fuzz: %s\n", v.text);
		exit(2);
	}
	if (v.kind != FUZZ_CLEAN) {
		fprintf(stderr, "pwsim fuzz: finding: %s\n", v.text);
		crash_into_libfuzzer();
	}
	return 0;
}

/* Structure-aware mutations beside libFuzzer's own (fuzz_mutate.c). */
size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size, unsigned int seed)
{
	return fuzz_mutate(data, size, max_size, seed, LLVMFuzzerMutate);
}

int main(int argc, char **argv)
{
	return LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput);
}
