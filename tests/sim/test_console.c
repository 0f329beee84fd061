/*
 * test_console.c — a process printing a million lines keeps pwsim's memory
 * bounded and the capture says where it stopped; a pwsim killed by a
 * signal flushes the console and says how it ended.
 */
#include <criterion/criterion.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "pwsim_child.h"

Test(console, a_million_lines_keep_pwsim_bounded)
{
	const char *argv[] = {"run", "tests/sim/spam/spam.json5", "--quiet", NULL};
	struct pwsim_result r = pwsim_run(argv);
	cr_assert_eq(r.status, 0, "%s", r.err);
	assert_contains(r.err, "pwsim: console capture full (16 MiB)");
	assert_contains(r.err, "trace digest ");
	struct rusage ru;
	getrusage(RUSAGE_CHILDREN, &ru);
	cr_assert_lt(ru.ru_maxrss, 150L * 1024, "pwsim grew to %ld KiB", ru.ru_maxrss);
	pwsim_result_free(&r);
}

Test(console, a_pwsim_ended_by_sigterm_flushes_and_says_so)
{
	FILE *out = tmpfile(), *err = tmpfile();
	fflush(NULL);
	pid_t pid = fork();
	if (pid == 0) {
		dup2(fileno(out), 1);
		dup2(fileno(err), 2);
		execl(PWSIM_PATH, PWSIM_PATH, "run", source_path("tests/sim/spam/spam.json5"),
		      "--image-dir", PWK_BUILD_ROOT, (char *)NULL);
		_exit(127);
	}
	/* Signal it once it is running (printing), however loaded the host. */
	struct stat st = {0};
	for (int i = 0; i < 1000 && st.st_size == 0; i++) {
		usleep(10 * 1000);
		fstat(fileno(out), &st);
	}
	kill(pid, SIGTERM);
	int ws = 0;
	waitpid(pid, &ws, 0);
	char *o = calloc(1, 4096), *e = calloc(1, 4096);
	rewind(out);
	rewind(err);
	size_t got = fread(o, 1, 4095, out);
	(void)fread(e, 1, 4095, err);
	cr_assert(WIFSIGNALED(ws) && WTERMSIG(ws) == SIGTERM, "status %#x\n%s", ws, e);
	cr_assert_gt(got, 0, "the console was lost");
	assert_contains(o, "[spammer/spammer_thread] spammer: started\n");
	assert_contains(e, "pwsim: ended by signal 15 (SIGTERM) at virtual time ");
	free(o);
	free(e);
	fclose(out);
	fclose(err);
}
