/*
 * shell_word.h — the commands pwsim prints for a user to paste (sweep's and
 * fuzz's replay lines) are built one shell word at a time, so that a path
 * with spaces or quotes replays as it was given.
 */
#ifndef PWK_SIM_SHELL_WORD_H
#define PWK_SIM_SHELL_WORD_H

#include <stddef.h>

/* Appends `arg` to the NUL-terminated `out` (room for `cap` bytes) as one
 * shell word, after a space unless `out` is empty: bare when it is made only
 * of characters no shell treats specially, else in single quotes (a quote
 * inside as '\''). Truncates rather than overflow: size `out` as 4 bytes per
 * byte of `arg` plus 3. */
void shell_word_append(char *out, size_t cap, const char *arg);

#endif
