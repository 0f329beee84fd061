/*
 * fuzz_throughput.c — how many fuzz inputs per second one core runs on the
 * uppercase handler target (`pwsim fuzz scenarios/uppercase/scenario.json5
 * --target handler/ipc`), in process, as pwsim-fuzz runs them: an in-place
 * rewind, the input written into the driver, one run, its verdict, with the
 * coverage map attached; under isolation none (pwsim fuzz's default),
 * mprotect (the scenario's own) and trusted (none with the direct gate).
 * Two input mixes: well-formed requests (the handler answers every one) and
 * random bytes (many end at the handler's first refusal). Figures only.
 *   fuzz_throughput [SECONDS-PER-MIX [none|mprotect|trusted]]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fuzz_session.h"

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static uint64_t rng = 0x9e3779b97f4a7c15u;

static uint32_t next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t)rng;
}

/* 1..8 transacts of one 4-byte character each. */
static size_t well_formed(uint8_t *out)
{
	size_t n = 0, ops = 1 + next() % 8;
	for (size_t i = 0; i < ops; i++) {
		out[n++] = 0;
		out[n++] = 4;
		out[n++] = (uint8_t)('a' + next() % 26);
		memset(out + n, 0, 3);
		n += 3;
	}
	return n;
}

static size_t random_bytes(uint8_t *out)
{
	size_t n = 1 + next() % 64;
	for (size_t i = 0; i < n; i++) {
		out[i] = (uint8_t)next();
	}
	return n;
}

static void measure(struct fuzz_target *t, const char *isolation, const char *mix,
		    size_t (*make)(uint8_t *), double seconds)
{
	uint8_t input[256];
	unsigned long runs = 0, findings = 0;
	double start = now_s(), end = start + seconds, t1 = start;
	while ((t1 = now_s()) < end) {
		for (int k = 0; k < 64; k++) {
			struct fuzz_verdict v = fuzz_target_run(t, input, make(input), NULL, NULL);
			findings += v.kind != FUZZ_CLEAN;
			runs++;
		}
	}
	printf("fuzz throughput, isolation %-8s %-11s %8.0f execs/s  (%lu runs in %.2f s, %lu "
	       "findings, %.1f us/exec)\n",
	       isolation, mix, (double)runs / (t1 - start), runs, t1 - start, findings,
	       (t1 - start) / (double)runs * 1e6);
}

int main(int argc, char **argv)
{
	double seconds = argc > 1 ? atof(argv[1]) : 3.0;
	const char *dirs[] = {PWK_BUILD_ROOT};
	struct scenario_search search = {.image_dirs = dirs, .image_dir_count = 1};
	printf("fuzz throughput: %s, target handler/ipc, one core\n", BENCH_SCENARIO);
	static const char *const modes[] = {"none", "mprotect", "trusted"};
	for (size_t m = 0; m < sizeof(modes) / sizeof(modes[0]); m++) {
		if (argc > 2 && strcmp(argv[2], modes[m]) != 0) {
			continue;
		}
		struct fuzz_session fs;
		struct fuzz_session_options o = {
			.target = "handler/ipc", .isolation = modes[m], .coverage = true};
		if (!fuzz_session_open(&fs, BENCH_SCENARIO, &search, &o, stderr)) {
			return 2;
		}
		measure(&fs.target, modes[m], "well-formed", well_formed, seconds);
		measure(&fs.target, modes[m], "random", random_bytes, seconds);
		fuzz_session_close(&fs);
	}
	return 0;
}
