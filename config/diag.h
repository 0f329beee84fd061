/*
 * diag.h — user-facing error reporting for bad input files:
 *   path:line:col: error: what, and how to fix it
 * Lines and columns are 1-based; columns count bytes. A line of 0 means
 * "the whole file" (path: error: ...); a column of 0 prints path:line only.
 */
#ifndef PWK_CONFIG_DIAG_H
#define PWK_CONFIG_DIAG_H

#include <stdarg.h>
#include <stdio.h>

struct diag {
	const char *path; /* file the positions refer to */
	FILE *out;        /* where messages go (stderr by default when NULL) */
	int errors;
	int warnings;
};

void diag_init(struct diag *d, const char *path, FILE *out);
void diag_error(struct diag *d, int line, int col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void diag_warning(struct diag *d, int line, int col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* va_list forms, for reporters that add their own context. */
void diag_verror(struct diag *d, int line, int col, const char *fmt, va_list ap)
	__attribute__((format(printf, 4, 0)));
void diag_vwarning(struct diag *d, int line, int col, const char *fmt, va_list ap)
	__attribute__((format(printf, 4, 0)));

#endif
