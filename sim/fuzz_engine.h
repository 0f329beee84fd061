/*
 * fuzz_engine.h — how pwsim-fuzz (sim/fuzz_entry.c) hands the handler's
 * edge map to the fuzzing engine it is linked with: libFuzzer reads it in
 * place as its 8-bit counters (fuzz_engine_libfuzzer.c); AFL++ has its own
 * shared-memory map, into which each run's map is copied
 * (fuzz_engine_afl.c). The map is the only coverage either engine sees.
 */
#ifndef PWK_SIM_FUZZ_ENGINE_H
#define PWK_SIM_FUZZ_ENGINE_H

#include <stddef.h>
#include <stdint.h>

/* Once, after the session is set up: the map every run fills. */
void fuzz_engine_coverage_init(uint8_t *map, size_t len);

/* After every run, before returning to the engine. */
void fuzz_engine_run_done(void);

#endif
