/*
 * fuzz_engine_afl.c — pwsim-fuzz-afl's coverage handoff to AFL++
 * (fuzz_engine.h). pwsim-fuzz-afl is sim/fuzz_entry.c linked with AFL++'s
 * libAFLDriver.a (persistent mode around LLVMFuzzerTestOneInput) and its
 * runtime afl-compiler-rt.o (forkserver, __afl_area_ptr: the shared map
 * afl-fuzz reads), compiled by gcc with no AFL instrumentation: the runtime
 * clears its map before every run and nothing but this copy writes it.
 * Both maps are AFL-style edge hit counts of 64 KiB.
 */
#include <string.h>

#include "fuzz_engine.h"

extern uint8_t *__afl_area_ptr;
extern uint32_t __afl_map_size;

/* afl-fuzz finds these markers in the binary: the target runs in persistent
 * mode (many inputs per forked process) and starts its forkserver only
 * after LLVMFuzzerInitialize has loaded the system (deferred). */
__attribute__((used)) static const char afl_persistent_mark[] = "##SIG_AFL_PERSISTENT##";
__attribute__((used)) static const char afl_deferred_mark[] = "##SIG_AFL_DEFER_FORKSRV##";

static const uint8_t *handler_map;
static size_t handler_map_len;

void fuzz_engine_coverage_init(uint8_t *map, size_t len)
{
	handler_map = map;
	handler_map_len = len;
}

void fuzz_engine_run_done(void)
{
	size_t n = handler_map_len < __afl_map_size ? handler_map_len : __afl_map_size;
	if (__afl_area_ptr != NULL && handler_map != NULL) {
		memcpy(__afl_area_ptr, handler_map, n);
	}
}
