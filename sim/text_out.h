/*
 * text_out.h — untrusted text (a child's output, a finding's sentence, a
 * path) written into a structured file. Valid UTF-8 passes through; each
 * byte of an invalid sequence is replaced, so the file stays valid whatever
 * the text holds. Shared by the sweep reports (report.c) and the fuzz
 * finding files (fuzz_findings.c).
 */
#ifndef PWK_SIM_TEXT_OUT_H
#define PWK_SIM_TEXT_OUT_H

#include <stddef.h>
#include <stdio.h>

/* Length of the valid UTF-8 sequence at `p` (1 for ASCII), 0 if invalid:
 * overlong forms, UTF-16 surrogates and code points past U+10FFFF count
 * as invalid. */
size_t text_utf8_length(const unsigned char *p);

/* `s` as a quoted JSON string (also valid JSON5): quotes, backslashes and
 * control bytes escaped, an invalid byte as \ufffd; NULL as null. */
void text_json_string(FILE *f, const char *s);

#endif
