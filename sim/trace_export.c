/* trace_export.c — being written (see trace_export.h). */
#include <stdio.h>

#include "trace_export.h"

struct trace_export *trace_export_open(const char *path, const struct cfg_system *sys, char *err,
				       size_t err_cap)
{
	(void)path;
	(void)sys;
	snprintf(err, err_cap, "trace export is not available in this build yet");
	return NULL;
}

void trace_export_record(void *ctx, uint64_t time, const struct pwk_trace_record *record)
{
	(void)ctx;
	(void)time;
	(void)record;
}

bool trace_export_close(struct trace_export *t, uint64_t end_time)
{
	(void)t;
	(void)end_time;
	return false;
}

int pwsim_cmd_replay(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fprintf(stderr, "pwsim: replay is not available in this build yet\n");
	return 2;
}
