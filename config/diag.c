/* SPDX-License-Identifier: Apache-2.0 */
/*
 * diag.c — the one place user-facing input errors are formatted, so every
 * tool prints them the way compilers do (editors and CI annotate those):
 *   path:line:col: error: message
 * A line of 0 leaves out line and column (whole-file problems such as an
 * unreadable file).
 */
#include "diag.h"

#include <stdarg.h>

void diag_init(struct diag *d, const char *path, FILE *out)
{
	d->path = path;
	d->out = out;
	d->errors = 0;
	d->warnings = 0;
}

static void diag_emit(struct diag *d, int line, int col, const char *kind, const char *fmt,
		      va_list ap)
{
	FILE *out = d->out != NULL ? d->out : stderr;
	const char *path = d->path != NULL ? d->path : "<input>";

	if (line > 0 && col > 0) {
		fprintf(out, "%s:%d:%d: %s: ", path, line, col, kind);
	} else if (line > 0) {
		fprintf(out, "%s:%d: %s: ", path, line, kind);
	} else {
		fprintf(out, "%s: %s: ", path, kind);
	}
	vfprintf(out, fmt, ap);
	fputc('\n', out);
	fflush(out);
}

void diag_verror(struct diag *d, int line, int col, const char *fmt, va_list ap)
{
	diag_emit(d, line, col, "error", fmt, ap);
	d->errors++;
}

void diag_vwarning(struct diag *d, int line, int col, const char *fmt, va_list ap)
{
	diag_emit(d, line, col, "warning", fmt, ap);
	d->warnings++;
}

void diag_error(struct diag *d, int line, int col, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_verror(d, line, col, fmt, ap);
	va_end(ap);
}

void diag_warning(struct diag *d, int line, int col, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_vwarning(d, line, col, fmt, ap);
	va_end(ap);
}
