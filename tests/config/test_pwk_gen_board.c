/* SPDX-License-Identifier: Apache-2.0 */
/*
 * test_pwk_gen_board.c — pwk-gen's board-fit checks and --place board.
 * Every check has a small system under data/bad_board/ whose header names
 * what it breaks, optionally the board (`// board: NAME`, default
 * qemu-virt) and placement (`// place: board`), and the errors it must
 * produce as `// expect: LINE:COL: error: start of the message`.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "config_test.h"
#include "target.h"

/* The value of a `// key: value` header line, or NULL. */
static char *header(const char *text, const char *key)
{
	char want[64];
	snprintf(want, sizeof(want), "\n// %s: ", key);
	const char *at = strstr(text, want);
	if (at == NULL) {
		return NULL;
	}
	at += strlen(want);
	return strndup(at, strcspn(at, "\n"));
}

static void check_bad_file(const char *name)
{
	char rel[512];
	snprintf(rel, sizeof(rel), "bad_board/%s", name);
	char *path = strdup(data_path(rel));
	char *text = read_file(path, NULL);
	char *board = header(text, "board"), *place = header(text, "place");
	const struct pwkgen_board *b = pwkgen_board_find(board ? board : "qemu-virt");
	cr_assert_not_null(b, "%s: unknown board", name);
	struct capture cap;
	struct pwkgen_target t;

	capture_begin(&cap, path);
	bool ok = pwkgen_target_open(&t, path, b,
				     place && strcmp(place, "board") == 0 ? PWKGEN_PLACE_BOARD
									  : PWKGEN_PLACE_CONFIG,
				     cap.f);
	int errors = t.d.errors;
	pwkgen_target_close(&t);
	const char *out = capture_text(&cap);
	cr_expect_not(ok, "%s: accepted", name);
	expect_reported(name, text, out, errors);
	capture_free(&cap);
	free(board);
	free(place);
	free(text);
	free(path);
}

Test(pwk_gen_board, every_bad_system_fails_with_exactly_its_expected_errors)
{
	each_data_json5_file("bad_board", 12, check_bad_file);
}

static const char small_system[] =
	"{ kernel: { flash_start_address: 0x80000000, flash_size_bytes: 0x10000,\n"
	"            ram_start_address: 0x81000000, ram_size_bytes: 0x8000 },\n"
	"  apps: [ { name: \"app\", flash_size_bytes: 0x4002, processes: [\n"
	"    { name: \"one\", ram_size_bytes: 0x1000,\n"
	"      objects: [ { name: \"t\", type: \"thread\" } ] },\n"
	"    { name: \"two\", ram_size_bytes: 0x800,\n"
	"      objects: [ { name: \"t\", type: \"thread\" } ] } ] } ] }\n";

static void open_small(struct pwkgen_target *t, const char *board, enum pwkgen_place place,
		       char **dir, char **path)
{
	*dir = temp_dir();
	*path = write_temp_file(*dir, "system.json5", small_system);
	cr_assert(pwkgen_target_open(t, *path, pwkgen_board_find(board), place, stderr));
}

static void remove_small(char *dir, char *path)
{
	free(path);
	remove_temp_dir(dir);
}

Test(pwk_gen_board, place_board_packs_caliptra_mcu_from_its_base_in_pw_kernel_order)
{
	struct pwkgen_target t;
	char *dir, *path;
	open_small(&t, "caliptra-mcu", PWKGEN_PLACE_BOARD, &dir, &path);
	cr_expect_eq(t.kernel_flash.start, 0x40000000u);
	cr_expect_eq(t.app_flash[0].start, 0x40010000u, "apps' flash follows the kernel's");
	cr_expect_eq(t.kernel_ram.start, 0x40014020u, "kernel RAM: after the flash, align 32");
	cr_expect_eq(t.process_ram[0].start, 0x4001c020u);
	cr_expect_eq(t.process_ram[1].start, 0x4001d020u);
	/* Two processes: 0x4002 / 2 rounded down to 32 = 0x2000 each. */
	cr_expect_eq(t.process_flash[0].start, 0x40010000u);
	cr_expect_eq(t.process_flash[0].size, 0x2000u);
	cr_expect_eq(t.process_flash[1].start, 0x40012000u);
	cr_expect_eq(t.process_flash[1].size, 0x2000u);
	cr_expect_eq(t.desc.desc.threads[1].entry, 0x40012000u, "threads start at their slice");
	cr_expect_eq(t.desc.desc.threads[1].stack_top, 0x4001d820u, "main stack: RAM end");
	pwkgen_target_close(&t);
	remove_small(dir, path);
}

Test(pwk_gen_board, place_config_keeps_the_addresses_pw_kernel_assigns)
{
	struct pwkgen_target t;
	char *dir, *path;
	open_small(&t, "qemu-virt", PWKGEN_PLACE_CONFIG, &dir, &path);
	cr_expect_eq(t.kernel_ram.start, 0x81000000u);
	cr_expect_eq(t.process_ram[0].start, 0x81008000u);
	cr_expect_eq(t.process_ram[1].start, 0x81009000u);
	cr_expect_eq(t.process_flash[1].start, 0x80012000u);
	pwkgen_target_close(&t);
	remove_small(dir, path);
}

Test(pwk_gen_board, check_exits_1_on_a_misfit_and_0_on_a_fit)
{
	char *bad = strdup(data_path("bad_board/process_ram_outside.json5"));
	char *fit[] = {
		PWK_GEN_PATH, "check",     PWK_SOURCE_ROOT "/scenarios/uppercase/system.json5",
		"--board",    "qemu-virt", NULL};
	char *misfit[] = {PWK_GEN_PATH, "check", bad, "--board=qemu-virt", NULL};
	char *unknown[] = {PWK_GEN_PATH, "check", bad, "--board", "nosuch", NULL};
	cr_expect_eq(run_argv(fit, false), 0);
	cr_expect_eq(run_argv(misfit, true), 1);
	cr_expect_eq(run_argv(unknown, true), 2, "an unknown board is a usage error");
	free(bad);
}
