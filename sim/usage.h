/* SPDX-License-Identifier: Apache-2.0 */
/*
 * usage.h — the text `pwsim --help` and `pwsim <command> --help` print.
 * Every command answers --help (or -h) anywhere among its arguments with its
 * own usage on stdout and exit status 0, before reading any file.
 */
#ifndef PWK_SIM_USAGE_H
#define PWK_SIM_USAGE_H

#include <stdbool.h>
#include <stdio.h>

/* pwsim's overview: every command, the exit status table. */
void pwsim_usage(FILE *out);

/* Whether argv[2..argc) asks for help (--help or -h). */
bool pwsim_wants_help(int argc, char **argv);

/* Prints `command`'s usage to `out`; false when pwsim has no such command. */
bool pwsim_command_usage(const char *command, FILE *out);

#endif
