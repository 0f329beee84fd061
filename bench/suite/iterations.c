/*
 * iterations.c — the one per-count file of a benchmark image: the body is
 * compiled once, this is compiled per iteration count.
 */
#include "bench.h"

const uint32_t bench_iterations = BENCH_ITERATIONS;
