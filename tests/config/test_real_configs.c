/* SPDX-License-Identifier: Apache-2.0 */
/*
 * test_real_configs.c — every real system.json5 loads unchanged: the copies
 * under data/real/ always, and all of ../shared/reference/configs when that
 * folder exists next to the repository (CI puts it there). Arm systems may
 * carry the one "not simulated" warning; nothing else may warn.
 */
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "config_test.h"

static bool is_arm(const struct cfg_system *sys)
{
	return sys->arch == CFG_ARCH_ARMV7M || sys->arch == CFG_ARCH_ARMV8M;
}

/* Loads every *.json5 in `dir`; returns how many there were. */
static size_t load_all(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t n = 0;
	char path[4096];

	cr_assert_not_null(d, "cannot open %s", dir);
	while ((e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);
		if (len < 6 || strcmp(e->d_name + len - 6, ".json5") != 0) {
			continue;
		}
		struct cfg_system sys;
		struct capture cap;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		capture_begin(&cap, path);
		bool ok = cfg_system_load(path, &sys, &cap.d);
		const char *out = capture_text(&cap);
		cr_expect(ok, "%s does not load:\n%s", e->d_name, out);
		if (ok) {
			cr_expect_eq(cap.d.warnings, is_arm(&sys) ? 1 : 0, "%s:\n%s", e->d_name,
				     out);
		}
		cfg_system_free(&sys);
		capture_free(&cap);
		n++;
	}
	closedir(d);
	return n;
}

Test(real_configs, the_copies_in_the_repository_load)
{
	cr_assert_geq(load_all(data_path("real")), 8);
}

Test(real_configs, every_shared_reference_config_loads)
{
	DIR *d = opendir(PWK_SHARED_CONFIGS);
	if (d == NULL) {
		cr_skip_test("%s is absent (it is provided next to the repository in CI)",
			     PWK_SHARED_CONFIGS);
	}
	closedir(d);
	size_t n = load_all(PWK_SHARED_CONFIGS);
	cr_assert_geq(n, 79, "only %zu configs in %s", n, PWK_SHARED_CONFIGS);
}
