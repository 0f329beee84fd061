/*
 * sweep.h — `pwsim sweep`: many scenarios x seeds in parallel child
 * processes, driven by a libuv loop (spawn, pipes, per-run timeouts,
 * progress), with a summary, replay commands for failures, JUnit/JSON
 * reports and sharding.
 */
#ifndef PWK_SIM_SWEEP_H
#define PWK_SIM_SWEEP_H

int pwsim_cmd_sweep(int argc, char **argv);

#endif
