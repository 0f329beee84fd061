/* SPDX-License-Identifier: Apache-2.0 */
/*
 * test_syscall_layout.c — the argument words of pwk/syscall_table.h at both
 * word sizes. The callers (userspace runtime, fake user, hal-host) pack with
 * pwk_syscall_pack_<name>() and the kernel's decoders read with
 * PWK_SYSCALL_GET_*() at the build's word size; here both run with 32-bit
 * words too, as an RV32 caller and kernel would, so the RV32 layout is
 * checked on the 64-bit host (a 32-bit word is held zero-extended).
 */
#include <criterion/criterion.h>

#include <pwk/syscall_args.h>

#define DEADLINE UINT64_C(0x1122334455667788)
#define LOW      UINT32_C(0x55667788)
#define HIGH     UINT32_C(0x11223344)

_Static_assert(PWK_SYSCALL_ARG_AT(32, CHANNEL_TRANSACT, deadline) == 5, "a5 (low), a6 (high)");
_Static_assert(PWK_SYSCALL_ARG_AT(32, OBJECT_WAIT, deadline) == 2, "a2 (low), a3 (high)");
_Static_assert(PWK_SYSCALL_ARG_AT(64, OBJECT_WAIT, deadline) == 2, "a2");
_Static_assert(PWK_SYSCALL_ARG_WORDS(32, OBJECT_WAIT) == 4 &&
		       PWK_SYSCALL_ARG_WORDS(64, OBJECT_WAIT) == 3,
	       "an instant is two words on RV32, one on a 64-bit host");
_Static_assert(PWK_SYSCALL_ARG_KIND(CHANNEL_READ, buf_len) == PWK_ARG_LEN, "kinds come along");
_Static_assert(PWK_SYSCALL_RET(TASK_JOIN) == PWK_RET_EXIT, "result kinds come along");

Test(syscall_layout, rv32_transact_deadline_is_in_words_5_and_6_low_first)
{
	struct pwk_syscall_call c =
		pwk_syscall_pack_channel_transact(32, 3, 0x1000, 4, 0x2000, 8, DEADLINE);
	const pwk_word_t want[PWK_SYSCALL_ARGS_MAX] = {3, 0x1000, 4, 0x2000, 8, LOW, HIGH, 0};
	cr_expect_eq(c.id, PWK_SYSCALL_CHANNEL_TRANSACT);
	cr_expect_arr_eq(c.args, want, sizeof(want));

	/* What the decoder of a 32-bit kernel reads back from those words. */
	cr_expect_eq(PWK_SYSCALL_GET_WORD(c.args, 32, CHANNEL_TRANSACT, handle), 3);
	cr_expect_eq(PWK_SYSCALL_GET_WORD(c.args, 32, CHANNEL_TRANSACT, recv_len), 8);
	cr_expect_eq(PWK_SYSCALL_GET_INSTANT(c.args, 32, CHANNEL_TRANSACT, deadline), DEADLINE);
}

Test(syscall_layout, rv32_wait_deadline_is_in_words_2_and_3_low_first)
{
	struct pwk_syscall_call c =
		pwk_syscall_pack_object_wait(32, 1, PWK_SIGNAL_READABLE, DEADLINE);
	const pwk_word_t want[PWK_SYSCALL_ARGS_MAX] = {1, PWK_SIGNAL_READABLE, LOW, HIGH};
	cr_expect_arr_eq(c.args, want, sizeof(want));
	cr_expect_eq(PWK_SYSCALL_GET_WORD(c.args, 32, OBJECT_WAIT, mask), PWK_SIGNAL_READABLE);
	cr_expect_eq(PWK_SYSCALL_GET_INSTANT(c.args, 32, OBJECT_WAIT, deadline), DEADLINE);
}

Test(syscall_layout, rv32_decoder_ignores_bits_above_a_32_bit_word)
{
	/* Garbage above bit 31 cannot exist in an RV32 register; the 32-bit
	 * reader takes only the low half of each word it combines. */
	const pwk_word_t words[PWK_SYSCALL_ARGS_MAX] = {
		0,
		0,
		(pwk_word_t)0xdead00000000u | LOW,
		(pwk_word_t)0xbeef00000000u | HIGH,
	};
	cr_expect_eq(PWK_SYSCALL_GET_INSTANT(words, 32, OBJECT_WAIT, deadline), DEADLINE);
}

Test(syscall_layout, host_deadline_takes_one_word)
{
	struct pwk_syscall_call c =
		pwk_syscall_pack_channel_transact(64, 3, 0x1000, 4, 0x2000, 8, DEADLINE);
	cr_expect_eq(c.args[5], (pwk_word_t)DEADLINE);
	cr_expect_eq(c.args[6], 0);
	cr_expect_eq(PWK_SYSCALL_GET_INSTANT(c.args, 64, CHANNEL_TRANSACT, deadline), DEADLINE);
}

Test(syscall_layout, build_layout_is_one_of_the_two)
{
	struct pwk_syscall_call build = pwk_syscall_pack_object_wait(PWK_WORD_BITS, 1, 0, DEADLINE);
	struct pwk_syscall_call host = pwk_syscall_pack_object_wait(64, 1, 0, DEADLINE);
	cr_expect_arr_eq(build.args, host.args, sizeof(build.args));
	cr_expect_eq(PWK_WORD_BITS, 8 * sizeof(void *));
}

Test(syscall_layout, rv32_instant_result_is_low_then_high)
{
	pwk_syscall_ret_t r = pwk_syscall_ret_from_instant(DEADLINE, 32);
	cr_expect_eq(r.a0, LOW);
	cr_expect_eq(r.a1, HIGH);
	cr_expect_eq(pwk_syscall_ret_instant(r, 32), DEADLINE);
	r = pwk_syscall_ret_from_instant(DEADLINE, 64);
	cr_expect_eq(r.a0, (pwk_word_t)DEADLINE);
	cr_expect_eq(r.a1, 0);
}

/* Recomputes every syscall's layout argument by argument (each starts where
 * the previous one ended) and compares it with the table's constants. */
#define EXPECT_SLOT(NAME, KIND, arg)                                                               \
	cr_expect_eq(PWK_SYSCALL_ARG_AT(32, NAME, arg), at32, #NAME " " #arg " at 32 bits");       \
	cr_expect_eq(PWK_SYSCALL_ARG_AT(64, NAME, arg), at64, #NAME " " #arg " at 64 bits");       \
	cr_expect_eq(PWK_SYSCALL_ARG_KIND(NAME, arg), PWK_ARG_##KIND);                             \
	at32 += PWK_ARG_WORDS(PWK_ARG_##KIND, 32);                                                 \
	at64 += PWK_ARG_WORDS(PWK_ARG_##KIND, 64);
#define EXPECT_LAYOUT(ctx, NAME, name, value, RET)                                                 \
	at32 = 0;                                                                                  \
	at64 = 0;                                                                                  \
	PWK_SYSCALL_ARGS_##name(EXPECT_SLOT, NAME);                                                \
	cr_expect_eq(PWK_SYSCALL_ARG_WORDS(32, NAME), at32);                                       \
	cr_expect_eq(PWK_SYSCALL_ARG_WORDS(64, NAME), at64);                                       \
	cr_expect_leq(at32, PWK_SYSCALL_ARG_WORDS_MAX, #NAME " fits a0..a6");                      \
	cr_expect_leq(at64, 6, #NAME ": hal-host's gate forwards a0..a5");

Test(syscall_layout, every_argument_follows_the_previous_one)
{
	int at32;
	int at64;
	PWK_SYSCALL_TABLE(EXPECT_LAYOUT, ~)
}

Test(syscall_layout, names_come_from_the_table)
{
	cr_expect_str_eq(pwk_syscall_name(PWK_SYSCALL_CHANNEL_RESPOND), "channel_respond");
	cr_expect_str_eq(pwk_syscall_name(PWK_SYSCALL_DEBUG_CLOCK_NOW), "debug_clock_now");
	cr_expect_null(pwk_syscall_name(0x0012));
	cr_expect_null(pwk_syscall_name(0));
}
