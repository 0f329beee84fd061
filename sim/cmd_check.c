/* SPDX-License-Identifier: Apache-2.0 */
/*
 * cmd_check.c — `pwsim check SYSTEM.json5`: validates a system description
 * the way the simulator will load it and shows the result (handles, memory
 * layout, threads), so a manifest can be fixed before anything runs. Bad
 * input is exit 2, as for every pwsim command.
 */
#include "commands.h"

#include <stdio.h>

#include "diag.h"
#include "system_config.h"

int pwsim_cmd_check_system(const char *path)
{
	struct cfg_system sys;
	struct diag d;

	diag_init(&d, path, stderr);
	if (!cfg_system_load(path, &sys, &d)) {
		fprintf(stderr, "%s: %d error%s\n", path, d.errors, d.errors == 1 ? "" : "s");
		return 2; /* PWSIM_EXIT_BAD_INPUT (expect.h needs the host HAL) */
	}
	cfg_system_print(stdout, &sys);
	cfg_system_free(&sys);
	return fflush(stdout) == 0 ? 0 : 1;
}
