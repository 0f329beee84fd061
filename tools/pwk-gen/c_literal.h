/* SPDX-License-Identifier: Apache-2.0 */
/*
 * c_literal.h — C spellings of system.json5 values for generated headers.
 */
#ifndef PWKGEN_C_LITERAL_H
#define PWKGEN_C_LITERAL_H

#include <stddef.h>
#include <stdio.h>

#include "system_config.h"

/* Writes the C literal for an app constant (its `value` as normalized by the
 * loader) into a malloc'd string:
 *   unsigned integers  42u (u64/u128: 42ull)
 *   signed integers    42, (-42) (i64/i128: 42ll; the minimum as (-N - 1))
 *   bool               true / false (needs <stdbool.h>)
 *   char               'x' for ASCII, else the code point as 0x20acu
 *   string             "..." with octal escapes for anything not printable ASCII
 * Returns NULL when out of memory. */
char *pwkgen_constant_literal(const struct cfg_constant *c);

/* Writes `s` (len bytes) as a C string literal. */
void pwkgen_write_c_string(FILE *out, const char *s, size_t len);

#endif
