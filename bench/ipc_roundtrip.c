/*
 * ipc_roundtrip.c — wall time per channel_transact round trip in the
 * simulator, isolation none, mprotect and trusted, next to a baseline measured in the
 * same run: a pipe ping-pong between two host processes (the cheapest
 * cross-process round trip Linux offers without shared-memory spinning).
 *
 * Reports figures; never passes or fails on them.
 */
#include <stdio.h>
#include <sys/mman.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "expect.h"
#include "run.h"
#include "scenario.h"

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double pipe_round_trip_ns(unsigned n)
{
	int ping[2], pong[2];
	if (pipe(ping) != 0 || pipe(pong) != 0) {
		return -1;
	}
	pid_t pid = fork();
	char b = 0;
	if (pid == 0) {
		for (unsigned i = 0; i < n; i++) {
			if (read(ping[0], &b, 1) != 1 || write(pong[1], &b, 1) != 1) {
				_exit(1);
			}
		}
		_exit(0);
	}
	double t0 = now_s();
	for (unsigned i = 0; i < n; i++) {
		if (write(ping[1], &b, 1) != 1 || read(pong[0], &b, 1) != 1) {
			break;
		}
	}
	double t1 = now_s();
	waitpid(pid, NULL, 0);
	close(ping[0]);
	close(ping[1]);
	close(pong[0]);
	close(pong[1]);
	return (t1 - t0) * 1e9 / n;
}

static int run_one(const struct scenario *s, host_isolation_t iso, const char *name)
{
	struct run_options o = {
		.override_isolation = true, .isolation = iso, .console = NULL, .report = stderr};
	double t0 = now_s();
	struct run_result r = sim_run(s, &o);
	double t1 = now_s();
	int code = sim_expect_check(s, &r, host_console_text(), stderr);
	host_machine_release();
	if (code != 0) {
		fprintf(stderr, "ipc_roundtrip: %s run failed (%d)\n", name, code);
		return code;
	}
	double per = (t1 - t0) * 1e9 / BENCH_ROUND_TRIPS;
	printf("%-28s %10.1f ns/round trip  (%u round trips, %llu syscalls, virtual %.3f ms)\n",
	       name, per, BENCH_ROUND_TRIPS, (unsigned long long)r.outcome.syscalls,
	       (double)r.outcome.end_time / 1e6);
	return 0;
}

int main(int argc, char **argv)
{
	const char *path = argc > 1 ? argv[1] : BENCH_SCENARIO;
	struct diag d;
	diag_init(&d, path, stderr);
	struct scenario s;
	/* pwsim knows no build tree: the images are in this one. */
	static const char *const build_tree[] = {PWK_BUILD_ROOT};
	struct scenario_search search = {build_tree, 1};
	if (!scenario_load(path, &search, &s, &d)) {
		scenario_free(&s);
		return 2;
	}
	printf("channel_transact round trip, 8 bytes each way (wall time per round trip)\n");
	int code = run_one(&s, HOST_ISOLATION_NONE, "pwsim isolation none");
	code |= run_one(&s, HOST_ISOLATION_MPROTECT, "pwsim isolation mprotect");
	code |= run_one(&s, HOST_ISOLATION_TRUSTED, "pwsim isolation trusted");
	int key = pkey_alloc(0, 0);
	if (key >= 0) {
		pkey_free(key);
		code |= run_one(&s, HOST_ISOLATION_PKEYS, "pwsim isolation pkeys");
	} else {
		printf("%-28s (this host has no protection keys)\n", "pwsim isolation pkeys");
	}
	printf("%-28s %10.1f ns/round trip  (baseline, same run)\n", "host pipe ping-pong",
	       pipe_round_trip_ns(BENCH_ROUND_TRIPS));
	scenario_free(&s);
	return code;
}
