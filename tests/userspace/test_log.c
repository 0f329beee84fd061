/* SPDX-License-Identifier: Apache-2.0 */
/*
 * test_log.c — pwk_log (userspace/log.c) formats what printf would for the
 * conversions process code writes, length modifiers included. log.c is
 * compiled into this test with a pwk_debug_log that captures the line.
 */
#include <criterion/criterion.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <pwk/user.h>

static char captured[PWK_LOG_LINE_MAX + 1];

pwk_status_t pwk_debug_log(const char *buf, size_t len)
{
	memcpy(captured, buf, len);
	captured[len] = '\0';
	return PWK_OK;
}

#define assert_logs_like_printf(...)                                                               \
	do {                                                                                       \
		char want[256];                                                                    \
		snprintf(want, sizeof(want), __VA_ARGS__);                                         \
		pwk_log(__VA_ARGS__);                                                              \
		cr_assert_str_eq(captured, want);                                                  \
	} while (0)

Test(log, long_modifiers_read_their_argument_and_keep_the_next_in_place)
{
	assert_logs_like_printf("%lu %d", 4000000000ul, 7);
	assert_logs_like_printf("%ld %ld", -5l, (long)INT32_MIN - 1);
	assert_logs_like_printf("%llx %llu %lld", 0x123456789abcdefull,
				(unsigned long long)UINT64_MAX, (long long)INT64_MIN);
}

Test(log, size_char_and_short_modifiers_match_printf)
{
	assert_logs_like_printf("%zu %zx %zd", (size_t)12345, (size_t)0xbeef, (ptrdiff_t)-3);
	assert_logs_like_printf("%hhu %hu %hhd %hd", 300, 70000, 200, -2);
	assert_logs_like_printf("%ju %td", (uintmax_t)99, (ptrdiff_t)-8);
}

Test(log, width_zero_padding_precision_and_alignment_match_printf)
{
	assert_logs_like_printf("[%08x] [%5d] [%-5d] [%05d]", 0xabcu, 42, 42, -42);
	assert_logs_like_printf("[%.3d] [%8.3u] [%X] [%o]", 7, 7u, 0xfeedu, 8u);
	assert_logs_like_printf("[%-6s] [%6s] [%.2s] [%.*s] [%3c]", "ab", "ab", "abcdef", 3,
				"xyzzy", 'q');
}

Test(log, the_original_conversions_still_print)
{
	assert_logs_like_printf("Sent %c, received (%c,%c) %s %u %x %d%%", 'a', 'A', 'a', "ok", 3u,
				255u, -1);
	pwk_log("%p", (void *)0x1000);
	cr_assert_str_eq(captured, "0x1000");
}

Test(log, a_line_longer_than_the_limit_is_truncated_not_overrun)
{
	pwk_log("%0200d|%s", 1, "tail");
	cr_assert_eq(strlen(captured), PWK_LOG_LINE_MAX);
}
