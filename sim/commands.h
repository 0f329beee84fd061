/* SPDX-License-Identifier: Apache-2.0 */
/*
 * commands.h — pwsim subcommands that only read configuration files. They
 * live beside sim/main.c, which dispatches to them; each prints to
 * stdout/stderr and returns the process exit status (docs/user-guide.md):
 *   0 success, 2 bad input or usage (diagnostics on stderr), 1 stdout could
 *   not be written.
 */
#ifndef PWSIM_COMMANDS_H
#define PWSIM_COMMANDS_H

/* `pwsim json5 FILE` ("-" reads stdin). Takes either the subcommand's argv
 * (argv[0] = "json5", argv[1] = FILE) or pwsim's whole argv (argv[1] =
 * "json5", argv[2] = FILE). Prints the document as canonical JSON (see
 * json5_write_json) plus a newline on stdout. */
int pwsim_cmd_json5(int argc, char **argv);

/* `pwsim check SYSTEM.json5`: loads and validates a system description and
 * prints its normalized form (cfg_system_print) on stdout. */
int pwsim_cmd_check_system(const char *path);

/* `pwsim check FILE [--image-dir DIR]...` with pwsim's argv: a system.json5
 * as above, or a scenario with its system and images resolved. */
int pwsim_cmd_check(int argc, char **argv);

#endif
