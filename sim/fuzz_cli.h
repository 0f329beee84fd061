/*
 * fuzz_cli.h — `pwsim fuzz` (docs/fuzzing.md).
 */
#ifndef PWK_SIM_FUZZ_CLI_H
#define PWK_SIM_FUZZ_CLI_H

/* pwsim's whole argv (argv[1] = "fuzz"). Exit status: 0 nothing found,
 * 1 a finding, 2 bad input. */
int pwsim_cmd_fuzz(int argc, char **argv);

#endif
