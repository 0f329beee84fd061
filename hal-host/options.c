/*
 * options.c — the default simulation options and the isolation modes'
 * names. Alone in its file because the scenario loader (sim/scenario.c)
 * starts from them: the loader, and its fuzz target (fuzz/scenario_fuzz.c),
 * need this and nothing else of hal-host.
 */
#include <stdio.h>
#include <string.h>

#include "host.h"

void host_options_default(struct host_options *opts)
{
	memset(opts, 0, sizeof(*opts));
	opts->isolation = HOST_ISOLATION_NONE;
	opts->syscall_cost = 100;           /* 100 ns per syscall */
	opts->block_cost = 10;              /* 10 ns per basic block */
	opts->preempt_window = 2000;        /* seeded slices of 1..2000 blocks */
	opts->delay_max = 1000;             /* seeded syscall delays up to 1 us */
	opts->tick_period = 10u * 1000000u; /* 10 ms, pw_kernel's default tick */
	opts->time_limit =
		UINT64_C(60) * 1000000000u; /* one virtual minute (64-bit: 60e9 overflows 32) */
	opts->console = stdout;
	opts->watchdog_seconds = 10;
}

/* The modes' names, by mode: what parse accepts and name gives back. */
static const char *const isolation_names[] = {
	[HOST_ISOLATION_NONE] = "none",
	[HOST_ISOLATION_MPROTECT] = "mprotect",
	[HOST_ISOLATION_TRUSTED] = "trusted",
	[HOST_ISOLATION_PKEYS] = "pkeys",
};
#define ISOLATION_COUNT (sizeof(isolation_names) / sizeof(isolation_names[0]))

bool host_isolation_parse(const char *name, host_isolation_t *out)
{
	for (size_t i = 0; i < ISOLATION_COUNT; i++) {
		if (strcmp(name, isolation_names[i]) == 0) {
			*out = (host_isolation_t)i;
			return true;
		}
	}
	return false;
}

const char *host_isolation_name(host_isolation_t isolation)
{
	return (size_t)isolation < ISOLATION_COUNT ? isolation_names[isolation] : "none";
}
