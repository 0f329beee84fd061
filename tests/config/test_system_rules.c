/* SPDX-License-Identifier: Apache-2.0 */
/*
 * test_system_rules.c — every validation rule has a small bad system under
 * data/bad/. Each file names what it breaks on line 1 and lists the errors
 * it must produce, in order of report, as
 *     // expect: LINE:COL: error: start of the message
 * The load must fail with exactly those errors (no cascades). Adding a rule
 * means adding a file; nothing here changes.
 */
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "config_test.h"

#define BAD_FILES_MAX 256

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names of the .json5 files in data/bad, sorted. */
static size_t bad_files(char *names[BAD_FILES_MAX])
{
	DIR *dir = opendir(data_path("bad"));
	struct dirent *e;
	size_t n = 0;

	cr_assert_not_null(dir, "cannot open %s", data_path("bad"));
	while ((e = readdir(dir)) != NULL && n < BAD_FILES_MAX) {
		size_t len = strlen(e->d_name);
		if (len > 6 && strcmp(e->d_name + len - 6, ".json5") == 0) {
			names[n++] = strdup(e->d_name);
		}
	}
	closedir(dir);
	qsort(names, n, sizeof(names[0]), compare_names);
	return n;
}

/* Checks one file; returns the number of expect lines it has. */
static int check_bad_file(const char *name)
{
	char rel[512], want[1024];
	int expected = 0;

	snprintf(rel, sizeof(rel), "bad/%s", name);
	char *path = strdup(data_path(rel));
	char *text = read_file(path, NULL);
	struct cfg_system sys;
	struct capture cap;

	capture_begin(&cap, path);
	bool ok = cfg_system_load(path, &sys, &cap.d);
	const char *out = capture_text(&cap);
	cr_expect_not(ok, "%s: accepted", name);
	cr_expect_eq(sys.process_count, 0, "%s: a failed load leaves the system empty", name);
	for (char *line = strtok(text, "\n"); line != NULL; line = strtok(NULL, "\n")) {
		if (strncmp(line, "// expect: ", 11) != 0) {
			continue;
		}
		expected++;
		snprintf(want, sizeof(want), "%s:%s", name, line + 11);
		cr_expect(strstr(out, want) != NULL, "%s:\n  want %s\n  got\n%s", name, want, out);
	}
	cr_expect_gt(expected, 0, "%s has no // expect: line", name);
	cr_expect_eq(cap.d.errors, expected, "%s: %d errors, %d expected:\n%s", name, cap.d.errors,
		     expected, out);
	capture_free(&cap);
	free(text);
	free(path);
	return expected;
}

Test(system_rules, every_bad_system_fails_with_exactly_its_expected_errors)
{
	char *names[BAD_FILES_MAX];
	size_t n = bad_files(names);

	cr_assert_geq(n, 70, "only %zu bad systems found", n);
	for (size_t i = 0; i < n; i++) {
		check_bad_file(names[i]);
		free(names[i]);
	}
}

Test(system_rules, an_unreadable_file_is_one_error_naming_it)
{
	struct cfg_system sys;
	struct capture cap;

	capture_begin(&cap, "missing.json5");
	cr_assert_not(cfg_system_load("/nonexistent/missing.json5", &sys, &cap.d));
	cr_assert(strstr(capture_text(&cap), "missing.json5: error: cannot open") != NULL, "%s",
		  cap.text);
	cr_assert_eq(cap.d.errors, 1);
	capture_free(&cap);
}

Test(system_rules, errors_of_an_earlier_file_do_not_fail_the_next_load)
{
	struct cfg_system sys;
	struct capture cap;

	capture_begin(&cap, "x");
	cap.d.errors = 3; /* a diag shared by several loads */
	cr_assert(cfg_system_load(data_path("real/seed-doc__ipc__system.json5"), &sys, &cap.d),
		  "%s", capture_text(&cap));
	cfg_system_free(&sys);
	capture_free(&cap);
}
