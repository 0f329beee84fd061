/* SPDX-License-Identifier: Apache-2.0 */
/*
 * test_commands.c — `pwsim json5` and `pwsim check` as a user runs them:
 * output on stdout, diagnostics on stderr, exit status 0, or 2 for bad input.
 */
#include <criterion/criterion.h>
#include <criterion/redirect.h>
#include <string.h>

#include "commands.h"
#include "config_test.h"

static void redirect_all(void)
{
	cr_redirect_stdout();
	cr_redirect_stderr();
}

static int json5_cmd(const char *path)
{
	char *argv[] = {(char *)"json5", (char *)path, NULL};
	return pwsim_cmd_json5(2, argv);
}

Test(commands, json5_prints_canonical_json, .init = redirect_all)
{
	cr_assert_eq(json5_cmd(data_path("real/seed-doc__ipc__system.json5")), 0);
	fflush(stdout);
	cr_assert_stdout_eq_str("{\n"
				"  \"apps\": [\n"
				"    {\n"
				"      \"name\": \"ipc\",\n"
				"      \"flash_size_bytes\": 32768,\n"
				"      \"ram_size_bytes\": 8192,\n"
				"      \"processes\": [\n"
				"        {\n"
				"          \"name\": \"initiator\",\n"
				"          \"objects\": [\n"
				"            {\n"
				"              \"name\": \"IPC\",\n"
				"              \"type\": \"channel_initiator\",\n"
				"              \"handler_process\": \"handler\",\n"
				"              \"handler_object_name\": \"IPC\"\n"
				"            }\n"
				"          ],\n"
				"          \"threads\": [\n"
				"            {\n"
				"              \"name\": \"initiator thread\",\n"
				"              \"stack_size_bytes\": 1024\n"
				"            }\n"
				"          ]\n"
				"        },\n"
				"        {\n"
				"          \"name\": \"handler\",\n"
				"          \"objects\": [\n"
				"            {\n"
				"              \"name\": \"IPC\",\n"
				"              \"type\": \"channel_handler\"\n"
				"            }\n"
				"          ],\n"
				"          \"threads\": [\n"
				"            {\n"
				"              \"name\": \"handler thread\",\n"
				"              \"stack_size_bytes\": 1024\n"
				"            }\n"
				"          ]\n"
				"        }\n"
				"      ]\n"
				"    }\n"
				"  ]\n"
				"}\n");
}

Test(commands, json5_reports_errors_on_stderr_with_status_2, .init = redirect_all)
{
	const char *path = data_path("bad/json5_syntax_error.json5");
	char want[4096];
	cr_assert_eq(json5_cmd(path), 2);
	fflush(stderr);
	snprintf(want, sizeof(want),
		 "%s:5:19: error: missing ',' between members: add ',' before 'f'\n", path);
	cr_assert_stderr_eq_str(want);
}

Test(commands, json5_accepts_the_whole_pwsim_argv, .init = redirect_all)
{
	char *argv[] = {(char *)"pwsim", (char *)"json5", (char *)"-", NULL};
	FILE *in = freopen(data_path("real/seed-doc__ipc__system.json5"), "r", stdin);
	cr_assert_not_null(in);
	cr_assert_eq(pwsim_cmd_json5(3, argv), 0);
	fflush(stdout);
	FILE *out = cr_get_redirected_stdout();
	char buf[64] = "";
	cr_assert_not_null(fgets(buf, sizeof(buf), out));
	cr_assert_str_eq(buf, "{\n");
}

Test(commands, json5_usage_errors_have_status_2, .init = redirect_all)
{
	char *argv[] = {(char *)"json5", NULL};
	cr_assert_eq(pwsim_cmd_json5(1, argv), 2);
}

Test(commands, check_prints_the_system, .init = redirect_all)
{
	cr_assert_eq(pwsim_cmd_check_system(data_path("real/seed-doc__ipc__system.json5")), 0);
	fflush(stdout);
	FILE *out = cr_get_redirected_stdout();
	char buf[8192];
	size_t n = fread(buf, 1, sizeof(buf) - 1, out);
	buf[n] = '\0';
	cr_assert(strstr(buf, "schema: app-threads") != NULL, "%s", buf);
	cr_assert(strstr(buf, "      [0] IPC  channel_initiator -> handler:IPC\n") != NULL, "%s",
		  buf);
	cr_assert(
		strstr(buf, "      [1] process  process -> initiator (implicit: this process)\n") !=
			NULL,
		"%s", buf);
}

Test(commands, check_fails_invalid_systems_with_status_2, .init = redirect_all)
{
	const char *path = data_path("bad/process_no_threads.json5");
	char want[4096];
	cr_assert_eq(pwsim_cmd_check_system(path), 2);
	fflush(stderr);
	snprintf(want, sizeof(want),
		 "%s:9:9: error: process \"main\" has no threads: add an object {type: \"thread\", "
		 "name: \"...\"}\n%s: 1 error\n",
		 path, path);
	cr_assert_stderr_eq_str(want);
}
