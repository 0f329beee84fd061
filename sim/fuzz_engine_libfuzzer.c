/*
 * fuzz_engine_libfuzzer.c — pwsim-fuzz's coverage handoff to libFuzzer
 * (fuzz_engine.h): the map is registered as its 8-bit counters, which it
 * reads after every run, so nothing is left to do then.
 */
#include "fuzz_engine.h"

void __sanitizer_cov_8bit_counters_init(uint8_t *start, uint8_t *stop);

void fuzz_engine_coverage_init(uint8_t *map, size_t len)
{
	__sanitizer_cov_8bit_counters_init(map, map + len);
}

void fuzz_engine_run_done(void)
{
}
