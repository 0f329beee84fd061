/* SPDX-License-Identifier: Apache-2.0 */
/*
 * User buffers (pw_kernel §1.6, with our wrap/overflow checks): a buffer
 * must lie inside one region of the calling process with the needed access;
 * nothing is copied when a check fails; iovec entries are re-checked when
 * the bytes finally move.
 */
#include "kc_test.h"

static struct {
	char buf[32];
	pwk_abi_iovec_t iov[8];
	uint8_t raw[8 * sizeof(pwk_abi_iovec_t) + 1];
} ram;
static uint8_t span[64];                /* two adjacent regions of 32 bytes */
static const char flash[16] = "flash!"; /* read-only */
static const pwk_abi_iovec_t flash_iov[1] = {{0, 0}};
static char other[16]; /* another process's memory */
static uint32_t ih, hh, self;

static void setup(fake_entry_fn script)
{
	fake_reset();
	uint32_t p = fake_process("p");
	uint32_t q = fake_process("q");
	fake_region(p, &ram, sizeof(ram), RW);
	fake_region(p, span, 32, RW);
	fake_region(p, span + 32, 32, RW);
	fake_region(p, (void *)flash, sizeof(flash), RO | PWK_ACCESS_X);
	fake_region(p, (void *)flash_iov, sizeof(flash_iov), RO);
	fake_region(q, other, sizeof(other), RW);
	fake_channel(p, &ih, p, &hh);
	self = fake_own_process_handle(p);
	fake_thread(p, "script", PRIO, script);
}

static void piece(pwk_abi_iovec_t *iov, const void *ptr, size_t len)
{
	*iov = (pwk_abi_iovec_t){.ptr = (pwk_word_t)ptr, .len = len};
}

static void expect_console(const char *want)
{
	size_t len;
	const char *got = fake_console(&len);
	cr_expect_eq(len, strlen(want), "console has %zu bytes, want %zu", len, strlen(want));
	cr_expect_str_eq(got, want);
}

FAKE_ENTRY(null_and_empty)
{
	expect_status(u_log(NULL, 0), PWK_INVALID_ARGUMENT);
	expect_status(u_log(NULL, 4), PWK_INVALID_ARGUMENT);
	expect_status(u_log(NULL, -1), PWK_INVALID_ARGUMENT);
	expect_status(u_log((void *)16, 0), PWK_OK); /* empty: no region needed */
	piece(&ram.iov[0], NULL, 0);
	expect_status(u_log(ram.iov, -1), PWK_OK); /* entry pointers are not NULL-checked */
	u_shutdown(0);
}

Test(uaccess, null_pointer_is_invalid_argument_even_with_zero_length)
{
	setup(null_and_empty);
	run_expecting_shutdown(0);
	cr_assert_str_eq(fake_last_user_error(), "buffer pointer is NULL");
}

FAKE_ENTRY(foreign)
{
	memcpy(other, "secret", 6);
	expect_status(u_log(other, 6), PWK_PERMISSION_DENIED);
	expect_status(u_async_transact(ih, ram.buf, 4, other, 4), PWK_PERMISSION_DENIED);
	expect_signals(hh, 0); /* nothing started */
	memcpy(ram.buf, "abcd", 4);
	expect_status(u_async_transact(ih, ram.buf, 4, ram.buf, 4), PWK_OK);
	expect_status(u_read(hh, 0, other, 4), PWK_PERMISSION_DENIED);
	expect_status(u_respond(hh, other, 4), PWK_PERMISSION_DENIED);
	cr_expect_arr_eq(other, "secret", 6);
	u_shutdown(0);
}

Test(uaccess, another_process_address_is_permission_denied_and_nothing_is_copied)
{
	setup(foreign);
	run_expecting_shutdown(0);
	expect_console("");
}

FAKE_ENTRY(wraps)
{
	expect_status(u_log((void *)(UINTPTR_MAX - 4), 10), PWK_INVALID_ARGUMENT);
	piece(&ram.iov[0], (void *)(UINTPTR_MAX - 4), 10);
	expect_status(u_log(ram.iov, -1), PWK_INVALID_ARGUMENT);
	expect_status(u_log((void *)(UINTPTR_MAX - 4), 4), PWK_PERMISSION_DENIED);
	u_shutdown(0);
}

Test(uaccess, range_wrapping_around_the_address_space_is_invalid_argument)
{
	setup(wraps);
	run_expecting_shutdown(0);
}

FAKE_ENTRY(bounds)
{
	memcpy(ram.buf, "0123456789", 10);
	expect_status(u_log(ram.buf, 3), PWK_OK);
	const uintptr_t start = (uintptr_t)&ram;
	const uintptr_t end = start + sizeof(ram);
	expect_status(u_log((void *)(end - 1), 1), PWK_OK); /* the last byte */
	expect_status(u_log((void *)(end - 1), 2), PWK_PERMISSION_DENIED);
	expect_status(u_log((void *)end, 1), PWK_PERMISSION_DENIED);
	expect_status(u_log((void *)(start - 1), 2), PWK_PERMISSION_DENIED);
	expect_status(u_read(hh, 0, &ram, (intptr_t)sizeof(ram)),
		      PWK_UNAVAILABLE);                             /* whole region */
	expect_status(u_log(span + 16, 32), PWK_PERMISSION_DENIED); /* spans two regions */
	expect_status(u_log(span, 32), PWK_OK);
	expect_status(u_log(span + 32, 32), PWK_OK);
	u_shutdown(0);
}

Test(uaccess, buffer_must_lie_inside_one_region)
{
	setup(bounds);
	memset(span, '.', sizeof(span));
	run_expecting_shutdown(0);
	size_t len;
	const char *got = fake_console(&len);
	cr_assert_eq(len, 3 + 1 + 64, "only the accepted buffers were written");
	cr_assert_arr_eq(got, "012", 3);
	cr_assert_arr_eq(got + 4, span, 64);
}

FAKE_ENTRY(read_only)
{
	expect_status(u_log(flash, 6), PWK_OK);
	expect_status(u_async_transact(ih, flash, 6, (void *)flash, 1), PWK_PERMISSION_DENIED);
	expect_status(u_async_transact(ih, flash, 6, ram.buf, 8), PWK_OK);
	expect_status(u_read(hh, 0, (void *)flash, 6), PWK_PERMISSION_DENIED);
	expect_status(u_respond(hh, flash, 5), PWK_OK);
	expect_value(u_async_complete(ih), 5);
	cr_expect_arr_eq(ram.buf, "flash", 5);
	u_shutdown(0);
}

Test(uaccess, read_only_region_serves_send_and_respond_but_not_recv_or_read)
{
	setup(read_only);
	run_expecting_shutdown(0);
}

FAKE_ENTRY(iovec_arrays)
{
	memcpy(ram.buf, "abcd", 4);
	piece(&ram.iov[0], ram.buf, 2);
	piece(&ram.iov[1], other, 2);
	expect_status(u_log(ram.iov, -2), PWK_PERMISSION_DENIED); /* a bad entry */
	piece((pwk_abi_iovec_t *)other, ram.buf, 2);
	expect_status(u_log(other, -1), PWK_PERMISSION_DENIED); /* a foreign array */
	expect_status(u_log(flash_iov, -1), PWK_OK);            /* read-only array for R */
	expect_status(u_async_transact(ih, ram.buf, 1, (void *)flash_iov, -1),
		      PWK_PERMISSION_DENIED);
	expect_status(u_log(ram.iov, -65), PWK_INVALID_ARGUMENT); /* the limit is 64 */
	expect_status(u_log(ram.iov, INTPTR_MIN), PWK_INVALID_ARGUMENT);
	piece(&ram.iov[1], ram.buf + 2, 2);
	memcpy(ram.raw + 1, ram.iov, 2 * sizeof(pwk_abi_iovec_t)); /* a misaligned array */
	expect_status(u_log(ram.raw + 1, -2), PWK_OK);
	u_shutdown(0);
}

Test(uaccess, iovec_array_and_entries_are_checked_with_the_same_access)
{
	setup(iovec_arrays);
	run_expecting_shutdown(0);
	expect_console("abcd");
}

FAKE_ENTRY(overflow)
{
	const uintptr_t base = (uintptr_t)INTPTR_MAX + 1;
	piece(&ram.iov[0], (void *)base, (size_t)INTPTR_MAX / 2);
	piece(&ram.iov[1], (void *)(base + 1), (size_t)INTPTR_MAX / 2 + 2);
	expect_status(u_log(ram.iov, -2), PWK_INVALID_ARGUMENT);
	u_shutdown(0);
}

Test(uaccess, iovec_total_over_intptr_max_is_invalid_argument)
{
	fake_reset();
	uint32_t p = fake_process("p");
	fake_region(p, &ram, sizeof(ram), RW);
	/* Described, never touched: the check fails before any copy. */
	fake_region(p, (void *)((uintptr_t)INTPTR_MAX + 1), (size_t)INTPTR_MAX - 4096, RO);
	fake_thread(p, "script", PRIO, overflow);
	run_expecting_shutdown(0);
	cr_assert_str_eq(fake_last_user_error(), "iovec total length overflows");
}

FAKE_ENTRY(hostile)
{
	memcpy(ram.buf, "abcdefgh", 8);
	piece(&ram.iov[0], ram.buf, 4);
	piece(&ram.iov[1], ram.buf + 4, 4);
	expect_status(u_async_transact(ih, ram.iov, -2, span, 32), PWK_OK);
	piece(&ram.iov[1], other, 4); /* rewritten after the check */
	expect_value(u_read(hh, 0, span, 32), 4);
	cr_expect_arr_eq(span, "abcd", 4);
	piece(&ram.iov[1], ram.buf + 4, 16); /* longer than checked */
	expect_value(u_read(hh, 0, span, 32), 8);
	piece(&ram.iov[0], (void *)(UINTPTR_MAX - 1), 8); /* wrapping */
	expect_value(u_read(hh, 0, span, 32), 0);
	u_shutdown(0);
}

FAKE_ENTRY(hostile_recv)
{
	piece(&ram.iov[0], ram.buf, 2);
	piece(&ram.iov[1], ram.buf + 8, 4);
	expect_status(u_async_transact(ih, ram.buf, 1, ram.iov, -2), PWK_OK);
	piece(&ram.iov[1], (void *)flash, 4); /* now read-only memory */
	memcpy(span, "wxyz", 4);
	expect_status(u_respond(hh, span, 4), PWK_OK);
	expect_value(u_async_complete(ih), 2); /* only what was really written */
	cr_expect_arr_eq(ram.buf, "wx", 2);
	cr_expect_str_eq(flash, "flash!");
	u_shutdown(0);
}

Test(uaccess, recv_iovec_rewritten_to_read_only_memory_receives_only_its_valid_part)
{
	setup(hostile_recv);
	run_expecting_shutdown(0);
}

Test(uaccess, iovec_rewritten_after_the_check_is_rechecked_at_copy_time)
{
	setup(hostile);
	run_expecting_shutdown(0);
}
