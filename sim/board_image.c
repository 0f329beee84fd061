/*
 * board_image.c — which image a scenario boots on a board (docs/boards.md,
 * "The image"): the one --image names, else <flat>.<board>.elf looked for
 * like a process image (next to the scenario, then in each --image-dir),
 * where <flat> is the scenario's folder below its nearest ancestor folder
 * named `scenarios`, with '/' -> '-' (scenarios/pw_kernel/ipc ->
 * pw_kernel-ipc), or the folder's own name when it has no such ancestor.
 * That is how the cross build names its images (build-rv32/scenarios/), so
 * `--image-dir build-rv32/scenarios` finds them; pwsim knows no tree.
 */
#include "board.h"

#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The scenario's <flat> name into `flat` (see above). */
static void flat_name(const char *scenario_path, char *flat, size_t cap)
{
	char copy[PATH_MAX], dir[PATH_MAX];
	snprintf(copy, sizeof(copy), "%s", scenario_path);
	if (realpath(dirname(copy), dir) == NULL) {
		snprintf(dir, sizeof(dir), "%s", copy);
	}
	const char *marker = "/scenarios/";
	const char *below = NULL;
	for (const char *p = strstr(dir, marker); p != NULL; p = strstr(p + 1, marker)) {
		below = p + strlen(marker);
	}
	if (below == NULL || *below == '\0') {
		const char *slash = strrchr(dir, '/');
		below = slash != NULL ? slash + 1 : dir;
	}
	snprintf(flat, cap, "%s", below);
	for (char *p = flat; *p != '\0'; p++) {
		*p = *p == '/' ? '-' : *p;
	}
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

bool board_image_find(const struct scenario *s, const char *board, const char *given,
		      const struct scenario_search *search, char *out, size_t cap, FILE *report)
{
	if (given != NULL) {
		return given_image(given, out, cap, report);
	}
	char flat[PATH_MAX], name[PATH_MAX + 64], copy[PATH_MAX], looked[2048];
	flat_name(s->path, flat, sizeof(flat));
	snprintf(name, sizeof(name), "%s.%s.elf", flat, board);
	snprintf(copy, sizeof(copy), "%s", s->path);
	char *found = scenario_find_file(dirname(copy), search, name, looked, sizeof(looked));
	if (found == NULL) {
		fprintf(report,
			"pwsim: no %s image for %s: %s not found (looked for %s); build it "
			"(scripts/build-target.sh in this tree) and pass --image-dir DIR, or "
			"--image FILE\n",
			board, s->path, name, looked);
		return false;
	}
	snprintf(out, cap, "%s", found);
	free(found);
	return true;
}
