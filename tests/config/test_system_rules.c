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
#include <stdlib.h>
#include <string.h>

#include "config_test.h"

static void check_bad_file(const char *name)
{
	char rel[512];

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
	expect_reported(name, text, out, cap.d.errors);
	capture_free(&cap);
	free(text);
	free(path);
}

Test(system_rules, every_bad_system_fails_with_exactly_its_expected_errors)
{
	each_data_json5_file("bad", 70, check_bad_file);
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
