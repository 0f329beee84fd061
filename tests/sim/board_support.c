/*
 * board_support.c — see board_support.h.
 */
#include "board_support.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char skip_hint[] =
	"set PWK_SKIP_BOARD_TESTS=1 to skip the board tests on a machine without "
	"qemu-system-riscv32 and the RV32 cross toolchain";

static void skip_if_asked(void)
{
	const char *skip = getenv("PWK_SKIP_BOARD_TESTS");
	if (skip != NULL && strcmp(skip, "1") == 0) {
		cr_skip_test("PWK_SKIP_BOARD_TESTS=1: board tests skipped");
	}
}

/* Whether `name` (a path, or a program searched on PATH) is executable. */
static int runnable(const char *name)
{
	if (strchr(name, '/') != NULL) {
		return access(name, X_OK) == 0;
	}
	const char *path = getenv("PATH");
	char dir[4096];
	for (const char *p = path != NULL ? path : ""; *p != '\0';) {
		size_t n = strcspn(p, ":");
		snprintf(dir, sizeof(dir), "%.*s/%s", (int)n, p, name);
		if (n > 0 && access(dir, X_OK) == 0) {
			return 1;
		}
		p += n + (p[n] == ':');
	}
	return 0;
}

void board_tests_require_qemu(void)
{
	skip_if_asked();
	const char *qemu = getenv("PWSIM_QEMU");
	qemu = qemu != NULL && qemu[0] != '\0' ? qemu : "qemu-system-riscv32";
	cr_assert(runnable(qemu), "%s cannot be run: install qemu-system-misc (Debian), or %s",
		  qemu, skip_hint);
}

void board_tests_require_image(const char *path, const char *how)
{
	skip_if_asked();
	cr_assert(access(path, R_OK) == 0, "board image %s is missing: %s; or %s", path, how,
		  skip_hint);
}
