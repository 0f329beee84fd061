/*
 * test_cli_conventions.c — what every pwsim command does alike: --help
 * prints its usage and exits 0 without reading a file, --version, the same
 * exit status for the same kind of failure (docs/user-guide.md, "Exit
 * status"), and scenario paths that resolve against the scenario file.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "pwsim_child.h"

static void assert_help(const char *command, const char *usage)
{
	const char *argv[] = {command, "--help", NULL};
	struct pwsim_result r = pwsim_run(argv);
	cr_assert_eq(r.status, 0, "%s --help: exit %d\n%s", command, r.status, r.err);
	assert_contains(r.out, usage);
	cr_assert_str_eq(r.err, "");
	pwsim_result_free(&r);
}

Test(cli_conventions, every_command_answers_help_with_its_usage_and_exit_0)
{
	assert_help("run", "usage: pwsim run SCENARIO");
	assert_help("replay", "usage: pwsim replay SCENARIO --seed N");
	assert_help("sweep", "usage: pwsim sweep SCENARIO...");
	assert_help("check", "usage: pwsim check FILE");
	assert_help("json5", "usage: pwsim json5 FILE");
	assert_help("help", "usage: pwsim <command>");
	assert_help("--help", "usage: pwsim <command>");
}

Test(cli_conventions, help_after_other_arguments_still_prints_usage)
{
	const char *argv[] = {"run", "scenarios/uppercase/scenario.json5", "-h", NULL};
	struct pwsim_result r = pwsim_run(argv);
	cr_assert_eq(r.status, 0);
	assert_contains(r.out, "usage: pwsim run SCENARIO");
	pwsim_result_free(&r);
}

Test(cli_conventions, version_prints_the_version)
{
	const char *argv[] = {"--version", NULL};
	struct pwsim_result r = pwsim_run(argv);
	cr_assert_eq(r.status, 0);
	cr_assert(strncmp(r.out, "pwsim ", 6) == 0 && strchr(r.out, '.') != NULL, "%s", r.out);
	pwsim_result_free(&r);
}

static void assert_status(const char *const *argv, int status, const char *err)
{
	struct pwsim_result r = pwsim_run(argv);
	cr_assert_eq(r.status, status, "%s %s: exit %d\n%s", argv[0], argv[1], r.status, r.err);
	assert_contains(r.err, err);
	pwsim_result_free(&r);
}

Test(cli_conventions, bad_input_is_exit_2_for_every_command)
{
	const char *system[] = {"check", "tests/config/data/bad/process_no_threads.json5", NULL};
	assert_status(system, 2, "error: process \"main\" has no threads");
	const char *scenario[] = {"check", "tests/sim/bad/unknown_field.json5", NULL};
	assert_status(scenario, 2, "unknown field 'isolaton'");
	const char *run[] = {"run", "tests/sim/bad/unknown_field.json5", NULL};
	assert_status(run, 2, "unknown field 'isolaton'");
	const char *json5[] = {"json5", "tests/config/data/bad/json5_syntax_error.json5", NULL};
	assert_status(json5, 2, "error: missing ','");
	const char *missing[] = {"check", "/nonexistent/system.json5", NULL};
	assert_status(missing, 2, "/nonexistent/system.json5");
	const char *usage[] = {"check", NULL};
	assert_status(usage, 2, "usage: pwsim check FILE");
}

/* A copy of scenarios/uppercase in a fresh folder, with no images: the
 * scenario and its system.json5 only. Returns the folder. */
static const char *copy_uppercase(void)
{
	static char dir[] = "/tmp/pwsim-paths-XXXXXX";
	cr_assert_not_null(mkdtemp(dir));
	char cmd[4096];
	snprintf(cmd, sizeof(cmd), "cp %s %s %s/",
		 source_path("scenarios/uppercase/scenario.json5"),
		 source_path("scenarios/uppercase/system.json5"), dir);
	cr_assert_eq(system(cmd), 0);
	return dir;
}

/* pwsim run `scenario` with `extra` arguments, straight from a shell (no
 * build tree added, unlike pwsim_run): its exit status. */
static int run_plain(const char *scenario, const char *extra)
{
	char cmd[16384];
	snprintf(cmd, sizeof(cmd), "cd / && %s run %s --quiet %s >/dev/null 2>&1", PWSIM_PATH,
		 scenario, extra);
	int ws = system(cmd);
	return WIFEXITED(ws) ? WEXITSTATUS(ws) : -1;
}

Test(cli_conventions, scenario_paths_resolve_against_the_scenario_then_each_image_dir)
{
	const char *dir = copy_uppercase();
	char scenario[4096], extra[4096];
	snprintf(scenario, sizeof(scenario), "%s/scenario.json5", dir);
	/* No build tree is compiled into pwsim: without --image-dir the copied
	 * scenario finds its system.json5 (beside it) but no image. */
	cr_assert_eq(run_plain(scenario, ""), 2);
	snprintf(extra, sizeof(extra), "--image-dir %s/scenarios/uppercase", PWK_BUILD_ROOT);
	cr_assert_eq(run_plain(scenario, extra), 0);
	/* A build tree's root works too: it holds a copy of the scenario's folder. */
	snprintf(extra, sizeof(extra), "--image-dir %s", PWK_BUILD_ROOT);
	cr_assert_eq(run_plain(source_path("scenarios/uppercase/scenario.json5"), extra), 0);
	cr_assert_eq(run_plain(source_path("scenarios/uppercase/scenario.json5"), ""), 2);
	char cmd[4096];
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	cr_assert_eq(system(cmd), 0);
}
