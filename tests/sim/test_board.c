/*
 * test_board.c — the differential test: every in-tree scenario that a board
 * can run (scenarios/uppercase, each pw_kernel port, the fuzzing examples)
 * is run in the simulator and on QEMU (`pwsim run --board qemu-virt`), and
 * both must print the same console lines — every "[process/thread] text"
 * line, in order — and end with the same exit status. The simulator's and the board's own
 * report lines (stderr) differ and are not compared.
 *
 * Needs qemu-system-riscv32 and the cross build's images,
 * <source>/build-rv32/scenarios/<flat>.qemu-virt.elf (scripts/build-target.sh
 * builds them), or PWK_BOARD_IMAGE_DIR=DIR to take <flat>.qemu-virt.elf from
 * DIR instead. A missing one fails the test; PWK_SKIP_BOARD_TESTS=1 skips.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "board_support.h"
#include "pwsim_child.h"

/* The first line where `a` and `b` differ, for the failure message. */
static void first_difference(const char *a, const char *b, char *out, size_t cap)
{
	size_t line = 1, start = 0, i = 0;
	for (; a[i] != '\0' && a[i] == b[i]; i++) {
		if (a[i] == '\n') {
			line++;
			start = i + 1;
		}
	}
	snprintf(out, cap, "line %zu: simulator \"%.*s\", board \"%.*s\"", line,
		 (int)strcspn(a + start, "\n"), a + start, (int)strcspn(b + start, "\n"),
		 b + start);
}

/* The image of scenarios/<folder> for qemu-virt; `given` says whether it
 * comes from PWK_BOARD_IMAGE_DIR (else from pwsim's own lookup). */
static const char *image_of(const char *folder, int *given)
{
	static char path[4096];
	char flat[256];
	snprintf(flat, sizeof(flat), "%s", folder);
	for (char *p = flat; *p != '\0'; p++) {
		*p = *p == '/' ? '-' : *p;
	}
	const char *dir = getenv("PWK_BOARD_IMAGE_DIR");
	*given = dir != NULL && dir[0] != '\0';
	snprintf(path, sizeof(path), "%s/%s.qemu-virt.elf",
		 *given ? dir : source_path("build-rv32/scenarios"), flat);
	board_tests_require_image(path, "CI builds it with scripts/build-target.sh before the "
					"tests (or point PWK_BOARD_IMAGE_DIR at the images)");
	return path;
}

static void assert_same_on_board(const char *folder)
{
	board_tests_require_qemu();
	int given = 0;
	const char *image = image_of(folder, &given);
	char scenario[256];
	snprintf(scenario, sizeof(scenario), "scenarios/%s/scenario.json5", folder);
	const char *host_argv[] = {"run", scenario, NULL};
	const char *board_argv[] = {
		"run", scenario, "--board", "qemu-virt", given ? "--image" : NULL, image, NULL};
	struct pwsim_result host = pwsim_run(host_argv);
	struct pwsim_result board = pwsim_run(board_argv);
	char diff[1024];
	first_difference(host.out, board.out, diff, sizeof(diff));
	cr_expect_str_eq(host.out, board.out,
			 "%s: the console differs at %s\nsimulator stderr:\n%s\nboard stderr:\n%s",
			 folder, diff, host.err, board.err);
	cr_expect_eq(host.status, board.status,
		     "%s: exit %d in the simulator, %d on the board\nboard stderr:\n%s", folder,
		     host.status, board.status, board.err);
	cr_expect_neq(host.out[0], '\0', "%s: no console at all", folder);
	pwsim_result_free(&host);
	pwsim_result_free(&board);
}

#define SAME_ON_BOARD(name, folder)                                                                \
	Test(board, name##_is_the_same_on_qemu_virt)                                               \
	{                                                                                          \
		assert_same_on_board(folder);                                                      \
	}

SAME_ON_BOARD(uppercase, "uppercase")
SAME_ON_BOARD(ipc, "pw_kernel/ipc")
SAME_ON_BOARD(async_ipc, "pw_kernel/async_ipc")
SAME_ON_BOARD(wait_group, "pw_kernel/wait_group")
SAME_ON_BOARD(thread_termination, "pw_kernel/thread_termination")
SAME_ON_BOARD(clock, "pw_kernel/clock")
SAME_ON_BOARD(process_termination, "pw_kernel/process_termination")
SAME_ON_BOARD(interrupts, "pw_kernel/interrupts")
SAME_ON_BOARD(stress_ipc, "pw_kernel/stress_ipc")
SAME_ON_BOARD(stress_process_termination, "pw_kernel/stress_process_termination")
SAME_ON_BOARD(fuzz_kv, "fuzz/kv")
SAME_ON_BOARD(fuzz_kv_fixed, "fuzz/kv_fixed")
