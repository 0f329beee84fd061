/*
 * rng.h — the simulator's one source of randomness: xoshiro256** seeded by
 * splitmix64 from the run's seed. Every random choice of a run comes from
 * here, in a fixed order, so seed N reruns identically.
 */
#ifndef PWK_HAL_HOST_RNG_H
#define PWK_HAL_HOST_RNG_H

#include <stdint.h>

struct host_rng {
	uint64_t s[4];
};

void host_rng_seed(struct host_rng *r, uint64_t seed);
uint64_t host_rng_next(struct host_rng *r);

/* Uniform in [0, bound) (bound > 0), without modulo bias. */
uint64_t host_rng_below(struct host_rng *r, uint64_t bound);

#endif
