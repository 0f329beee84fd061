/*
 * test_fuzz_mutate.c — pwsim-fuzz's structure-aware mutator
 * (sim/fuzz_mutate.c) reads an input as the fuzz driver does
 * (userspace/fuzz_driver.c, the opcodes of fuzz_input.h): with a byte
 * mutator that changes nothing, mutating one request re-encodes the input
 * as it was, and the other mutations move, copy or drop whole operations,
 * never the operations the driver would still perform.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "fuzz_input.h"
#include "fuzz_mutate.h"

static size_t last_size;

/* A byte mutator that changes nothing and says what it was given. */
static size_t unchanged(uint8_t *data, size_t size, size_t max_size)
{
	(void)data;
	(void)max_size;
	last_size = size;
	return size;
}

static bool ends_with(const uint8_t *data, size_t len, const uint8_t *tail, size_t tail_len)
{
	return len >= tail_len && memcmp(data + len - tail_len, tail, tail_len) == 0;
}

/* Every mutation of `in` (seeds 0..255) that went through one request
 * (the byte mutator got one request, not the whole input) ends in `tail`. */
static void check_requests_keep_tail(const uint8_t *in, size_t len, const uint8_t *tail,
				     size_t tail_len)
{
	size_t through_requests = 0;
	for (unsigned seed = 0; seed < 256; seed++) {
		uint8_t data[PWK_FUZZ_INPUT_MAX];
		memcpy(data, in, len);
		last_size = 0;
		size_t out = fuzz_mutate(data, len, sizeof(data), seed, unchanged);
		if (last_size == 0 || last_size == len) {
			continue; /* operations moved or dropped, or the byte mutator's turn */
		}
		through_requests++;
		cr_assert(ends_with(data, out, tail, tail_len),
			  "seed %u: %zu bytes out of %zu, the last operation lost", seed, out, len);
	}
	cr_assert_gt(through_requests, 0);
}

Test(fuzz_mutate, a_death_cut_short_by_the_end_of_the_input_is_kept)
{
	/* transact "a", then die after an async transact of "xy" whose pause
	 * byte the input lacks: the driver still starts it and dies. */
	const uint8_t die = PWK_FUZZ_OP_DIE | PWK_FUZZ_FLAG_B;
	const uint8_t in[] = {0, 1, 'a', die, 2, 'x', 'y'};
	const uint8_t tail[] = {die, 2, 'x', 'y'};
	check_requests_keep_tail(in, sizeof(in), tail, sizeof(tail));
}

Test(fuzz_mutate, a_whole_death_is_kept)
{
	const uint8_t die = PWK_FUZZ_OP_DIE | PWK_FUZZ_FLAG_A | PWK_FUZZ_FLAG_B;
	const uint8_t in[] = {0, 1, 'a', die, 2, 'x', 'y', 9};
	const uint8_t tail[] = {die, 2, 'x', 'y', 9};
	check_requests_keep_tail(in, sizeof(in), tail, sizeof(tail));
}

Test(fuzz_mutate, a_request_mutated_unchanged_gives_the_input_back)
{
	/* transact with a short deadline, async, pause, signal: every field. */
	const uint8_t short_transact = PWK_FUZZ_FLAG_A | PWK_FUZZ_FLAG_B;
	const uint8_t in[] = {short_transact,
			      2,
			      'h',
			      'i',
			      40,
			      PWK_FUZZ_OP_ASYNC,
			      1,
			      'z',
			      7,
			      PWK_FUZZ_OP_PAUSE,
			      3,
			      PWK_FUZZ_OP_SIGNAL | PWK_FUZZ_FLAG_A};
	size_t same = 0;
	for (unsigned seed = 0; seed < 256; seed++) {
		uint8_t data[PWK_FUZZ_INPUT_MAX];
		memcpy(data, in, sizeof(in));
		last_size = 0;
		size_t out = fuzz_mutate(data, sizeof(in), sizeof(data), seed, unchanged);
		if (last_size != 0 && last_size != sizeof(in) && out == sizeof(in)) {
			cr_assert_arr_eq(data, in, sizeof(in), "seed %u", seed);
			same++;
		}
	}
	cr_assert_gt(same, 0);
}
