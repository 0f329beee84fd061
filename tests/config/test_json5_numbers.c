/* SPDX-License-Identifier: Apache-2.0 */
/*
 * test_json5_numbers.c — JSON5 numbers and the integer flags the loaders
 * rely on: hex up to 0xFFFFFFFFFFFFFFFF exact, signs, decimal points at
 * either end, exponents, Infinity and NaN.
 */
#include <criterion/criterion.h>
#include <math.h>
#include <string.h>

#include "config_test.h"

static struct json5_doc doc;
static struct capture cap;

static void teardown(void)
{
	json5_free(&doc);
	capture_free(&cap);
}

TestSuite(json5_numbers, .fini = teardown);

static const struct json5_value *number(const char *text)
{
	json5_free(&doc);
	capture_free(&cap);
	cr_assert(parse5(text, &doc, &cap), "%s: %s", text, cap.text);
	cr_assert_eq(doc.root.kind, JSON5_NUMBER, "%s", text);
	return &doc.root;
}

Test(json5_numbers, hex_integers_in_either_case)
{
	const struct json5_value *v = number("0x1F");
	cr_assert(v->is_integer && v->is_unsigned);
	cr_assert_eq(v->integer, 31);
	cr_assert_eq(v->uinteger, 31);
	cr_assert_eq(number("0XaBc")->integer, 0xabc);
	cr_assert_eq(number("0x40000000")->uinteger, 0x40000000u);
}

Test(json5_numbers, largest_u64_hex_is_exact)
{
	const struct json5_value *v = number("0xFFFFFFFFFFFFFFFF");
	cr_assert(v->is_unsigned);
	cr_assert_not(v->is_integer, "does not fit int64");
	cr_assert_eq(v->uinteger, UINT64_MAX);
	cr_assert_eq(v->number, 18446744073709551615.0);
	v = number("18446744073709551615");
	cr_assert(v->is_unsigned);
	cr_assert_eq(v->uinteger, UINT64_MAX);
}

Test(json5_numbers, past_u64_only_the_double_remains)
{
	const struct json5_value *v = number("0x10000000000000000");
	cr_assert_not(v->is_integer);
	cr_assert_not(v->is_unsigned);
	cr_assert_eq(v->number, 18446744073709551616.0);
	v = number("-18446744073709551616");
	cr_assert_not(v->is_integer || v->is_unsigned);
}

Test(json5_numbers, signed_hex_and_int64_extremes)
{
	const struct json5_value *v = number("-0x10");
	cr_assert(v->is_integer);
	cr_assert_not(v->is_unsigned);
	cr_assert_eq(v->integer, -16);
	cr_assert_eq(number("+0x10")->integer, 16);
	v = number("-9223372036854775808");
	cr_assert(v->is_integer);
	cr_assert_eq(v->integer, INT64_MIN);
	v = number("9223372036854775807");
	cr_assert(v->is_integer && v->is_unsigned);
	cr_assert_eq(v->integer, INT64_MAX);
	cr_assert_not(number("-9223372036854775809")->is_integer);
}

Test(json5_numbers, decimal_points_at_either_end_and_explicit_plus)
{
	cr_assert_eq(number(".5")->number, 0.5);
	cr_assert_eq(number("5.")->number, 5.0);
	cr_assert_not(number("5.")->is_integer, "a point makes it non-integer");
	cr_assert_eq(number("+1.25")->number, 1.25);
	cr_assert_eq(number("-.5")->number, -0.5);
	cr_assert_eq(number("+7")->integer, 7);
}

Test(json5_numbers, exponents)
{
	cr_assert_eq(number("1e3")->number, 1000.0);
	cr_assert_not(number("1e3")->is_integer);
	cr_assert_eq(number("2.5E-1")->number, 0.25);
	cr_assert_eq(number("1.e+2")->number, 100.0);
	cr_assert_eq(number(".5e1")->number, 5.0);
}

Test(json5_numbers, infinity_and_nan)
{
	cr_assert(isinf(number("Infinity")->number) && number("Infinity")->number > 0);
	cr_assert(isinf(number("+Infinity")->number) && number("+Infinity")->number > 0);
	cr_assert(isinf(number("-Infinity")->number) && number("-Infinity")->number < 0);
	cr_assert(isnan(number("NaN")->number));
	cr_assert(isnan(number("-NaN")->number));
	cr_assert_not(number("NaN")->is_integer || number("NaN")->is_unsigned);
}

Test(json5_numbers, zero_and_negative_zero)
{
	const struct json5_value *v = number("0");
	cr_assert(v->is_integer && v->is_unsigned);
	v = number("-0");
	cr_assert(v->is_integer);
	cr_assert_eq(v->integer, 0);
	cr_assert(signbit(v->number));
}
