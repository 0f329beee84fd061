/*
 * fuzz_afl_corpus.h — `pwsim fuzz --engine afl`'s corpus (fuzz_afl.h):
 * afl-fuzz reads seeds from a directory and wants at least one, and keeps
 * what it finds in its own queue; pwsim's corpus is one directory for both
 * engines.
 */
#ifndef PWK_SIM_FUZZ_AFL_CORPUS_H
#define PWK_SIM_FUZZ_AFL_CORPUS_H

#include <stdbool.h>
#include <stddef.h>

/* The seed directory into `out`: the corpus, or, while it holds no input,
 * OUT/afl-seed with one input that only pauses (opcode 5, fuzz_input.h).
 * False (said on stderr) when that cannot be written. */
bool fuzz_afl_seed_dir(const char *corpus, const char *out_dir, char *out, size_t cap);

/* Copies afl-fuzz's queue entries in `dir` into the corpus, named by a
 * hash of their bytes (afl-<hash>: a second run adds no second copy), so a
 * later run with either engine starts from them. */
void fuzz_afl_keep_queue(const char *dir, const char *corpus);

#endif
