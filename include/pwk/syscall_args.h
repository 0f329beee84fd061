/* SPDX-License-Identifier: Apache-2.0 */
/*
 * pwk/syscall_args.h — where each argument of pwk/syscall_table.h lives in
 * the argument words, derived from the table for a given word size, and the
 * code that puts arguments into words (callers) and reads them back (the
 * kernel's decoders). Nothing here is written per syscall by hand.
 *
 * Layout rule (pw_kernel's next_u64()): arguments take consecutive words in
 * argument order; an INSTANT takes two words, low half first, where words
 * are 32 bits (no even-register alignment), and one word where they are 64
 * bits; everything else takes one word. The layout is generic in the word
 * size `bits` (32 or 64) so that the 32-bit layout can be checked on a
 * 64-bit host: a 32-bit caller's words are then held zero-extended.
 *
 * Freestanding: only pwk/abi.h.
 */
#ifndef PWK_SYSCALL_ARGS_H
#define PWK_SYSCALL_ARGS_H

#include <pwk/abi.h>

/* Bits in a word of this build: 32 on RV32, 64 on the 64-bit hosts. */
#if UINTPTR_MAX == UINT32_MAX
#define PWK_WORD_BITS 32
#elif UINTPTR_MAX == UINT64_MAX
#define PWK_WORD_BITS 64
#else
#error "pwk's syscall ABI has 32- or 64-bit words"
#endif
_Static_assert(sizeof(pwk_word_t) * 8 == PWK_WORD_BITS, "a word is a uintptr_t");

/* Argument words a caller can pass: a0..a6 (on RV32 the id travels in t0). */
#define PWK_SYSCALL_ARG_WORDS_MAX 7
_Static_assert(PWK_SYSCALL_ARG_WORDS_MAX <= PWK_SYSCALL_ARGS_MAX, "the trap has room for them");

/* Words an argument of kind `kind` takes when words have `bits` bits. */
#define PWK_ARG_WORDS(kind, bits) ((kind) == PWK_ARG_INSTANT && (bits) == 32 ? 2 : 1)

/* --- the layout, as constants -------------------------------------------- */

/* PWK_SYSCALL_ARG_AT(bits, NAME, arg): the word index of argument `arg` of
 * syscall NAME. PWK_SYSCALL_ARG_WORDS(bits, NAME): words its arguments take.
 * PWK_SYSCALL_ARG_KIND(NAME, arg): the argument's pwk_syscall_arg_kind_t.
 * PWK_SYSCALL_RET(NAME): the syscall's pwk_syscall_ret_kind_t. All are
 * integer constant expressions. PWK_SYSCALL_ARG(NAME, arg) is the index at
 * this build's word size. */
#define PWK_SYSCALL_ARG_AT(bits, NAME, arg) PWK__ARG_AT(bits, NAME, arg)
#define PWK_SYSCALL_ARG_WORDS(bits, NAME)   PWK__ARG_WORDS(bits, NAME)
#define PWK_SYSCALL_ARG(NAME, arg)          PWK_SYSCALL_ARG_AT(PWK_WORD_BITS, NAME, arg)
#define PWK_SYSCALL_ARG_KIND(NAME, arg)     ((pwk_syscall_arg_kind_t)PWK__KIND_##NAME##_##arg)
#define PWK_SYSCALL_RET(NAME)               ((pwk_syscall_ret_kind_t)PWK__RET_##NAME)

#define PWK__ARG_AT(bits, NAME, arg) PWK__W##bits##_##NAME##_##arg
#define PWK__ARG_WORDS(bits, NAME)   PWK__W##bits##_##NAME##__words

/* Each syscall's word indexes are one enum run: `<arg>` is the first word
 * of the argument, `<arg>__end` its last, so the next argument starts right
 * after it; `__words` ends the run with the total. */
#define PWK__SLOT(s, bits, KIND, arg)                                                              \
	s##_##arg, s##_##arg##__end = s##_##arg + PWK_ARG_WORDS(PWK_ARG_##KIND, bits) - 1,
#define PWK__SLOT32(s, KIND, arg) PWK__SLOT(s, 32, KIND, arg)
#define PWK__SLOT64(s, KIND, arg) PWK__SLOT(s, 64, KIND, arg)
#define PWK__SLOTS(ctx, NAME, name, value, RET)                                                    \
	PWK__W32_##NAME##__start = -1,                                                             \
	PWK_SYSCALL_ARGS_##name(PWK__SLOT32, PWK__W32_##NAME) PWK__W32_##NAME##__words,            \
	PWK__W64_##NAME##__start = -1,                                                             \
	PWK_SYSCALL_ARGS_##name(PWK__SLOT64, PWK__W64_##NAME) PWK__W64_##NAME##__words,
enum {
	PWK_SYSCALL_TABLE(PWK__SLOTS, ~)
};
#undef PWK__SLOTS
#undef PWK__SLOT64
#undef PWK__SLOT32
#undef PWK__SLOT

/* PWK__KIND_<NAME>_<arg> and PWK__RET_<NAME>: the kinds, as constants. */
#define PWK__KIND(s, KIND, arg) s##_##arg = PWK_ARG_##KIND,
#define PWK__KINDS(ctx, NAME, name, value, RET)                                                    \
	PWK_SYSCALL_ARGS_##name(PWK__KIND, PWK__KIND_##NAME) PWK__RET_##NAME = PWK_RET_##RET,
enum {
	PWK_SYSCALL_TABLE(PWK__KINDS, ~)
};
#undef PWK__KINDS
#undef PWK__KIND

#define PWK__FITS(ctx, NAME, name, value, RET)                                                     \
	_Static_assert(PWK_SYSCALL_ARG_WORDS(32, NAME) <= PWK_SYSCALL_ARG_WORDS_MAX &&             \
			       PWK_SYSCALL_ARG_WORDS(64, NAME) <= PWK_SYSCALL_ARG_WORDS_MAX,       \
		       #name " takes more argument words than a caller can pass");
PWK_SYSCALL_TABLE(PWK__FITS, ~)
#undef PWK__FITS

/* The places pw_kernel's callers use (docs/syscall-reference.md). */
_Static_assert(PWK_SYSCALL_ARG_AT(32, CHANNEL_TRANSACT, deadline) == 5 &&
		       PWK_SYSCALL_ARG_WORDS(32, CHANNEL_TRANSACT) == 7,
	       "RV32 channel_transact: deadline in a5 (low) and a6 (high)");
_Static_assert(PWK_SYSCALL_ARG_AT(32, OBJECT_WAIT, deadline) == 2 &&
		       PWK_SYSCALL_ARG_WORDS(32, OBJECT_WAIT) == 4,
	       "RV32 object_wait: deadline in a2 (low) and a3 (high)");
_Static_assert(PWK_SYSCALL_ARG_AT(64, CHANNEL_TRANSACT, deadline) == 5 &&
		       PWK_SYSCALL_ARG_WORDS(64, CHANNEL_TRANSACT) == 6,
	       "64-bit channel_transact: deadline in a5");

/* --- instants in words ----------------------------------------------------- */

/* Stores `instant` at words[index] (and its high half at words[index + 1]
 * when words have 32 bits). */
static inline void pwk_syscall_put_instant(pwk_word_t *words, uint32_t index, pwk_instant_t instant,
					   uint32_t bits)
{
	if (bits == 32) {
		words[index] = (pwk_word_t)(instant & UINT32_MAX);
		words[index + 1] = (pwk_word_t)(instant >> 32);
	} else {
		words[index] = (pwk_word_t)instant;
	}
}

/* The instant pwk_syscall_put_instant() stored at words[index]. */
static inline pwk_instant_t pwk_syscall_get_instant(const pwk_word_t *words, uint32_t index,
						    uint32_t bits)
{
	if (bits == 32) {
		return (pwk_instant_t)(words[index] & UINT32_MAX) |
		       ((pwk_instant_t)(words[index + 1] & UINT32_MAX) << 32);
	}
	return (pwk_instant_t)words[index];
}

/* An instant result (PWK_RET_INSTANT) is split over a0/a1 the same way. */
static inline pwk_syscall_ret_t pwk_syscall_ret_from_instant(pwk_instant_t instant, uint32_t bits)
{
	pwk_word_t words[2] = {0, 0};
	pwk_syscall_put_instant(words, 0, instant, bits);
	return (pwk_syscall_ret_t){words[0], words[1]};
}

static inline pwk_instant_t pwk_syscall_ret_instant(pwk_syscall_ret_t ret, uint32_t bits)
{
	const pwk_word_t words[2] = {ret.a0, ret.a1};
	return pwk_syscall_get_instant(words, 0, bits);
}

/* --- reading arguments (the kernel's decoders) ------------------------------ */

/* Argument `arg` of syscall NAME in the trap's `words`. A word accessor on an
 * instant argument (or the reverse) does not compile. */
#define PWK_SYSCALL_GET_WORD(words, bits, NAME, arg)                                               \
	(PWK__REQUIRE((int)PWK_SYSCALL_ARG_KIND(NAME, arg) != (int)PWK_ARG_INSTANT),               \
	 (words)[PWK_SYSCALL_ARG_AT(bits, NAME, arg)])
#define PWK_SYSCALL_GET_INSTANT(words, bits, NAME, arg)                                            \
	(PWK__REQUIRE((int)PWK_SYSCALL_ARG_KIND(NAME, arg) == (int)PWK_ARG_INSTANT),               \
	 pwk_syscall_get_instant(words, PWK_SYSCALL_ARG_AT(bits, NAME, arg), bits))

/* A compile-time check usable inside an expression. */
#define PWK__REQUIRE(cond) ((void)sizeof(char[(cond) ? 1 : -1]))

/* --- writing arguments (callers) -------------------------------------------- */

/* One syscall as a caller traps with it: the id and the argument words
 * (unused words 0). */
struct pwk_syscall_call {
	uint32_t id;
	pwk_word_t args[PWK_SYSCALL_ARGS_MAX];
};

/* For every syscall, pwk_syscall_pack_<name>(bits, <arguments in table
 * order>) returns its call with each argument in its word(s): word kinds are
 * pwk_word_t parameters, INSTANT ones pwk_instant_t. E.g.
 *   pwk_syscall_pack_object_wait(PWK_WORD_BITS, handle, mask, deadline). */
#define PWK__PARAM_HANDLE  pwk_word_t
#define PWK__PARAM_WORD    pwk_word_t
#define PWK__PARAM_PTR     pwk_word_t
#define PWK__PARAM_LEN     pwk_word_t
#define PWK__PARAM_MASK    pwk_word_t
#define PWK__PARAM_INSTANT pwk_instant_t

#define PWK__PUT_HANDLE(call, index, value, bits) (call).args[index] = (value)
#define PWK__PUT_WORD(call, index, value, bits)   (call).args[index] = (value)
#define PWK__PUT_PTR(call, index, value, bits)    (call).args[index] = (value)
#define PWK__PUT_LEN(call, index, value, bits)    (call).args[index] = (value)
#define PWK__PUT_MASK(call, index, value, bits)   (call).args[index] = (value)
#define PWK__PUT_INSTANT(call, index, value, bits)                                                 \
	pwk_syscall_put_instant((call).args, index, value, bits)

#define PWK__PACK_PARAM(NAME, KIND, arg) , PWK__PARAM_##KIND arg
#define PWK__PACK_PUT(NAME, KIND, arg)                                                             \
	PWK__PUT_##KIND(call,                                                                      \
			bits == 32 ? PWK__ARG_AT(32, NAME, arg) : PWK__ARG_AT(64, NAME, arg), arg, \
			bits);
#define PWK__PACK(ctx, NAME, name, value, RET)                                                     \
	static inline struct pwk_syscall_call pwk_syscall_pack_##name(                             \
		uint32_t bits PWK_SYSCALL_ARGS_##name(PWK__PACK_PARAM, NAME))                      \
	{                                                                                          \
		struct pwk_syscall_call call = {.id = PWK_SYSCALL_##NAME};                         \
		(void)bits; /* a syscall without arguments has no use for it */                    \
		PWK_SYSCALL_ARGS_##name(PWK__PACK_PUT, NAME);                                      \
		return call;                                                                       \
	}
PWK_SYSCALL_TABLE(PWK__PACK, ~)
#undef PWK__PACK

#endif /* PWK_SYSCALL_ARGS_H */
