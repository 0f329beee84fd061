/*
 * board_image.c — which image a scenario boots on a board (SPEC.md, "Cross
 * build"): the one --image names, else the cross build's
 * <source root>/build-rv32/scenarios/<flat>.<board>.elf, where <flat> is
 * the scenario's folder under the source's scenarios/ with '/' -> '-'
 * (scenarios/pw_kernel/ipc -> pw_kernel-ipc). A scenario elsewhere has no
 * cross-built image: it needs --image.
 */
#include "board.h"

#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef PWK_SOURCE_ROOT
#error "sim/meson.build defines PWK_SOURCE_ROOT: where scenarios/ and build-rv32/ are"
#endif

/* The scenario's <flat> name into `flat`, or false when the scenario is
 * not in a folder under <source root>/scenarios. */
static bool flat_name(const char *scenario_path, char *flat, size_t cap)
{
	char copy[PATH_MAX], dir[PATH_MAX], root[PATH_MAX];
	snprintf(copy, sizeof(copy), "%s", scenario_path);
	if (realpath(dirname(copy), dir) == NULL ||
	    realpath(PWK_SOURCE_ROOT "/scenarios", root) == NULL) {
		return false;
	}
	size_t n = strlen(root);
	if (strncmp(dir, root, n) != 0 || dir[n] != '/' || dir[n + 1] == '\0') {
		return false;
	}
	snprintf(flat, cap, "%s", dir + n + 1);
	for (char *p = flat; *p != '\0'; p++) {
		*p = *p == '/' ? '-' : *p;
	}
	return true;
}

static bool given_image(const char *given, char *out, size_t cap, FILE *report)
{
	if (access(given, R_OK) != 0) {
		fprintf(report, "pwsim: --image %s: %s\n", given, strerror(errno));
		return false;
	}
	snprintf(out, cap, "%s", given);
	return true;
}

bool board_image_find(const struct scenario *s, const char *board, const char *given, char *out,
		      size_t cap, FILE *report)
{
	if (given != NULL) {
		return given_image(given, out, cap, report);
	}
	char flat[PATH_MAX];
	if (!flat_name(s->path, flat, sizeof(flat))) {
		fprintf(report,
			"pwsim: %s is not under the source tree's scenarios/, so it has no "
			"cross-built %s image: pass --image FILE\n",
			s->path, board);
		return false;
	}
	snprintf(out, cap, "%s/build-rv32/scenarios/%s.%s.elf", PWK_SOURCE_ROOT, flat, board);
	if (access(out, R_OK) != 0) {
		fprintf(report,
			"pwsim: no %s image for %s: %s: %s; build it with "
			"scripts/build-target.sh (or pass --image FILE)\n",
			board, s->path, out, strerror(errno));
		return false;
	}
	return true;
}
