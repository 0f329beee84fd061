/*
 * board_support.h — what the board-run tests share: the opt-out for
 * machines without the RV32 toolchain, and the check that the emulator is
 * there. In CI both must hold: a missing emulator or image fails the test,
 * with a message that says what to install or build.
 */
#ifndef PWK_TESTS_BOARD_SUPPORT_H
#define PWK_TESTS_BOARD_SUPPORT_H

/* Skips the calling test when PWK_SKIP_BOARD_TESTS=1; else fails it with
 * a clear message unless the emulator pwsim would start (PWSIM_QEMU, else
 * qemu-system-riscv32 on PATH) can be run. */
void board_tests_require_qemu(void);

/* A test assertion that `path` (a board image) can be read; `how` says how
 * to make it. */
void board_tests_require_image(const char *path, const char *how);

#endif
