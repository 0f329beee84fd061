/*
 * end_report.c — see end_report.h. The words are pwsim run's: tests,
 * sweeps and scripts read them.
 */
#include "end_report.h"

bool sim_end_lists_threads(host_outcome_kind_t kind)
{
	return kind != HOST_OUTCOME_SHUTDOWN && kind != HOST_OUTCOME_BOOT_FAILED;
}

static void report_boot_failed(FILE *out, uint32_t code)
{
	fprintf(out, "pwsim: the kernel refused the system (status %u): %s\n", code,
		code == PWK_RESOURCE_EXHAUSTED
			? "it exceeds the kernel's limits (kernel-core/src/limits.h)"
			: "its description is inconsistent (a simulator bug: please report it)");
}

void sim_report_end(FILE *out, const struct scenario *s, host_outcome_kind_t kind, uint32_t code,
		    uint64_t end_time, bool threads_follow)
{
	double seconds = (double)end_time / 1e9;
	switch (kind) {
	case HOST_OUTCOME_SHUTDOWN:
		fprintf(out, "pwsim: system shut down with status %u at virtual time %.9f s\n",
			code, seconds);
		return;
	case HOST_OUTCOME_BOOT_FAILED:
		report_boot_failed(out, code);
		return;
	case HOST_OUTCOME_DEADLOCK:
		fprintf(out,
			"pwsim: DEADLOCK at virtual time %.9f s: every thread is blocked "
			"and no deadline is pending",
			seconds);
		break;
	case HOST_OUTCOME_IDLE:
		fprintf(out,
			"pwsim: every thread has exited at virtual time %.9f s without "
			"debug_shutdown",
			seconds);
		break;
	case HOST_OUTCOME_TIME_LIMIT:
		fprintf(out,
			"pwsim: virtual time limit of %.3f s exceeded (raise time_limit_ms "
			"in %s if that is expected)",
			(double)s->sim.time_limit / 1e9, s->path);
		break;
	case HOST_OUTCOME_WATCHDOG:
		fprintf(out, "pwsim: the run was stopped by the watchdog at virtual time %.9f s",
			seconds);
		break;
	}
	fprintf(out, threads_follow ? ". Threads:\n" : ".\n");
}
