/* SPDX-License-Identifier: Apache-2.0 */
/*
 * cmd_check_cli.c — `pwsim check FILE [--image-dir DIR]...`: tells a
 * scenario from a system.json5 and checks either (a scenario with its
 * system and where each image is found). Bad input of either kind is exit
 * 2, as for every pwsim command.
 */
#include "commands.h"

#include <stdio.h>
#include <string.h>

#include "diag.h"
#include "expect.h"
#include "json5.h"
#include "scenario.h"
#include "usage.h"

#define CHECK_IMAGE_DIRS_MAX 16

static int check_scenario(const char *path, const struct scenario_search *search)
{
	struct diag d;
	diag_init(&d, path, stderr);
	struct scenario s;
	bool ok = scenario_load(path, search, &s, &d);
	if (ok) {
		printf("scenario %s\nsystem %s\n", path, s.system_path);
		cfg_system_print(stdout, &s.system);
		printf("images:\n");
		for (size_t p = 0; p < s.system.process_count; p++) {
			printf("  %s: %s\n", s.system.processes[p].name, s.images[p]);
		}
	}
	scenario_free(&s);
	return ok ? PWSIM_EXIT_OK : PWSIM_EXIT_BAD_INPUT;
}

static int check_usage_error(const char *why, const char *arg)
{
	fprintf(stderr, "pwsim: check: %s%s\n", why, arg);
	pwsim_command_usage("check", stderr);
	return PWSIM_EXIT_BAD_INPUT;
}

int pwsim_cmd_check(int argc, char **argv)
{
	const char *path = NULL;
	const char *dirs[CHECK_IMAGE_DIRS_MAX];
	struct scenario_search search = {dirs, 0};
	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--image-dir") == 0 && i + 1 < argc &&
		    search.image_dir_count < CHECK_IMAGE_DIRS_MAX) {
			dirs[search.image_dir_count++] = argv[++i];
		} else if (argv[i][0] == '-' || path != NULL) {
			return check_usage_error("unexpected argument ", argv[i]);
		} else {
			path = argv[i];
		}
	}
	if (path == NULL) {
		return check_usage_error("needs a FILE", "");
	}
	struct diag d;
	diag_init(&d, path, stderr);
	struct json5_doc doc;
	if (!json5_parse_file(path, &doc, &d)) {
		return PWSIM_EXIT_BAD_INPUT;
	}
	bool is_scenario = scenario_is_scenario(&doc.root);
	json5_free(&doc);
	return is_scenario ? check_scenario(path, &search) : pwsim_cmd_check_system(path);
}
