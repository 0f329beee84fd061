/*
 * bench.h — what every benchmark image of the suite shares: the iteration
 * count it was built with and the end of a run. The runner builds each
 * client twice (or three times) with different counts and subtracts the
 * runs, so boot and shutdown cancel and only the loop remains
 * (docs/benchmarks.md).
 */
#ifndef PWK_BENCH_H
#define PWK_BENCH_H

#include <pwk/user.h>

/* Iterations of the measured loop (iterations.c, -DBENCH_ITERATIONS). */
extern const uint32_t bench_iterations;

/* Ends a run that measured `bench_iterations` loops from `start`: prints
 * `bench: iterations=N ticks=T` (T = clock ticks of the loop: cycles or
 * mtime ticks on a board, virtual ns in the simulator) and shuts the
 * system down with status 0. */
_Noreturn void bench_finish(pwk_instant_t start);

/* A benchmark loop saw `status` where it expected OK: shuts down with it,
 * so the runner reports the run as failed instead of timing it. */
_Noreturn void bench_fail(pwk_status_t status);

/* Blocks the calling thread for good (an idle server, a parked thread). */
_Noreturn void bench_park(void);

#endif /* PWK_BENCH_H */
