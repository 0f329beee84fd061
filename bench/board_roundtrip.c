/*
 * board_roundtrip.c — the channel_transact round trip on the qemu-virt
 * board, in instructions: the same benchmark program as ipc_roundtrip.c
 * (bench/ipc, BENCH_ROUND_TRIPS round trips of 8 bytes each way) cross-built
 * for RV32, run by `pwsim run --board qemu-virt` under QEMU with
 * `-icount shift=0`, where one instruction is exactly one nanosecond of
 * virtual time. The baseline, measured in the same run, is the same images
 * built for one round trip (bench-ipc-empty): boot, one round trip and
 * shutdown, so the difference is BENCH_ROUND_TRIPS - 1 round trips.
 *
 * Reports figures; never passes or fails on them. Needs scripts/build-target.sh.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Virtual seconds at shutdown of one board run of `image`, or -1. */
static double shutdown_time(const char *image)
{
	char cmd[8192];
	snprintf(cmd, sizeof(cmd), "'%s' run '%s' --board qemu-virt --image '%s' 2>&1 >/dev/null",
		 PWSIM_PATH, BENCH_SCENARIO, image);
	FILE *p = popen(cmd, "r");
	if (p == NULL) {
		return -1;
	}
	char line[512];
	double t = -1;
	while (fgets(line, sizeof(line), p) != NULL) {
		const char *at = strstr(line, "shut down with status 0 at virtual time ");
		if (at != NULL) {
			t = strtod(at + strlen("shut down with status 0 at virtual time "), NULL);
		}
	}
	return pclose(p) == 0 ? t : -1;
}

int main(void)
{
	char full[4096], empty[4096];
	snprintf(full, sizeof(full), "%s/build-rv32/scenarios/bench-ipc.qemu-virt.elf",
		 PWK_SOURCE_ROOT);
	snprintf(empty, sizeof(empty), "%s/build-rv32/scenarios/bench-ipc-empty.qemu-virt.elf",
		 PWK_SOURCE_ROOT);
	double t_full = shutdown_time(full), t_empty = shutdown_time(empty);
	if (t_full < 0 || t_empty < 0) {
		fprintf(stderr, "board_roundtrip: a board run failed; build the images with "
				"scripts/build-target.sh (needs qemu-system-riscv32)\n");
		return 1;
	}
	double per = (t_full - t_empty) * 1e9 / (BENCH_ROUND_TRIPS - 1);
	printf("channel_transact round trip on qemu-virt (RV32, -icount shift=0)\n");
	printf("%-28s %10.0f instructions/round trip  (%u round trips)\n", "pwk on qemu-virt", per,
	       BENCH_ROUND_TRIPS);
	printf("%-28s %10.0f instructions  (baseline, same run: boot, 1 round trip, shutdown)\n",
	       "one round trip", t_empty * 1e9);
	return 0;
}
