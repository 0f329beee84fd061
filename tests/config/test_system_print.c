/* SPDX-License-Identifier: Apache-2.0 */
/*
 * test_system_print.c — what `pwsim check` shows is stable: the qemu ipc
 * system prints exactly as data/expected/qemu_ipc.check.txt.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "config_test.h"

Test(system_print, qemu_ipc_prints_as_expected)
{
	struct json5_doc doc;
	struct cfg_system sys;
	struct capture cap;
	char *out = NULL;
	size_t len = 0;

	capture_begin(&cap, "ipc.json5");
	cr_assert(json5_parse_file(data_path("real/pigweed-2026__qemu_virt_riscv32__ipc__user__"
					     "system.json5"),
				   &doc, &cap.d));
	cr_assert(cfg_system_from_json("ipc.json5", &doc.root, &sys, &cap.d), "%s",
		  capture_text(&cap));
	FILE *f = open_memstream(&out, &len);
	cfg_system_print(f, &sys);
	fclose(f);
	char *want = read_file(data_path("expected/qemu_ipc.check.txt"), NULL);
	cr_assert_not_null(want);
	cr_assert_str_eq(out, want);
	free(want);
	free(out);
	cfg_system_free(&sys);
	json5_free(&doc);
	capture_free(&cap);
}
