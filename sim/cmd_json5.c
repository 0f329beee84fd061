/* SPDX-License-Identifier: Apache-2.0 */
/*
 * cmd_json5.c — `pwsim json5 FILE`: shows how pwk reads a JSON5 file by
 * printing it back as canonical JSON. Handy to see what a comment-laden
 * system.json5 really contains, and to diff two of them.
 */
#include "commands.h"

#include <stdio.h>
#include <string.h>

#include "diag.h"
#include "json5.h"
#include "usage.h"

int pwsim_cmd_json5(int argc, char **argv)
{
	struct json5_doc doc;
	struct diag d;

	/* Called with pwsim's own argv (argv[1] = "json5"): drop "pwsim". */
	if (argc == 3 && strcmp(argv[1], "json5") == 0) {
		argc--;
		argv++;
	}
	if (argc == 2 && (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0)) {
		pwsim_command_usage("json5", stdout);
		return 0;
	}
	if (argc != 2) {
		pwsim_command_usage("json5", stderr);
		return 2;
	}
	const char *path = argv[1];
	diag_init(&d, strcmp(path, "-") == 0 ? "<stdin>" : path, stderr);
	if (!json5_parse_file(path, &doc, &d)) {
		return 2;
	}
	json5_write_json(stdout, &doc.root);
	fputc('\n', stdout);
	json5_free(&doc);
	return fflush(stdout) == 0 ? 0 : 1;
}
