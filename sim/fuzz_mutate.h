/*
 * fuzz_mutate.h — a structure-aware mutator for the fuzz driver's input
 * encoding (docs/fuzzing.md, "Input encoding"), libFuzzer's
 * LLVMFuzzerCustomMutator for pwsim-fuzz: besides libFuzzer's byte-level
 * mutations (and its dictionary) it mutates one request and re-encodes its
 * length, duplicates, removes and swaps whole operations, so that a request
 * that reached a state (a PUT) is easily followed by one that uses it (a GET
 * of the same key).
 */
#ifndef PWK_SIM_FUZZ_MUTATE_H
#define PWK_SIM_FUZZ_MUTATE_H

#include <stddef.h>
#include <stdint.h>

/* libFuzzer's byte-level mutator (or a test's stand-in). */
typedef size_t (*fuzz_byte_mutator_t)(uint8_t *data, size_t size, size_t max_size);

/* Mutates `data` (`size` bytes, room for `max_size`) in place; returns the
 * new size. */
size_t fuzz_mutate(uint8_t *data, size_t size, size_t max_size, unsigned seed,
		   fuzz_byte_mutator_t bytes);

#endif
