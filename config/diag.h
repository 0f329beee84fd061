/*
 * diag.h — user-facing error reporting for bad input files:
 *   path:line:col: error: what, and how to fix it
 * Lines and columns are 1-based; columns count bytes.
 */
#ifndef PWK_CONFIG_DIAG_H
#define PWK_CONFIG_DIAG_H

#include <stdio.h>

struct diag {
	const char *path; /* file the positions refer to */
	FILE *out;	  /* where messages go (stderr by default when NULL) */
	int errors;
	int warnings;
};

void diag_init(struct diag *d, const char *path, FILE *out);
void diag_error(struct diag *d, int line, int col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void diag_warning(struct diag *d, int line, int col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

#endif
