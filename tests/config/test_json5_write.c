/* SPDX-License-Identifier: Apache-2.0 */
/*
 * test_json5_write.c — the canonical JSON writer: layout, escaping,
 * number spelling, and that its output reads back to the same output.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "config_test.h"

static char *canonical(const char *text)
{
	struct json5_doc doc;
	struct capture cap;

	cr_assert(parse5(text, &doc, &cap), "%s: %s", text, cap.text);
	char *out = to_json(&doc.root);
	json5_free(&doc);
	capture_free(&cap);
	return out;
}

static void expect_canonical(const char *text, const char *want)
{
	char *got = canonical(text);
	cr_expect_str_eq(got, want, "for %s", text);
	free(got);
}

Test(json5_write, layout_is_two_space_indented_in_document_order)
{
	expect_canonical("{b: 1, a: [true, null, {}], c: [], d: {e: 'x'},}", "{\n"
									     "  \"b\": 1,\n"
									     "  \"a\": [\n"
									     "    true,\n"
									     "    null,\n"
									     "    {}\n"
									     "  ],\n"
									     "  \"c\": [],\n"
									     "  \"d\": {\n"
									     "    \"e\": \"x\"\n"
									     "  }\n"
									     "}");
}

Test(json5_write, scalars_alone)
{
	expect_canonical("'x'", "\"x\"");
	expect_canonical("false", "false");
	expect_canonical("[]", "[]");
}

Test(json5_write, strings_are_escaped_only_where_json_requires)
{
	expect_canonical("'q\" b\\\\ s/ \\b\\f\\n\\r\\t \\v\\0 \\x7f é\xe2\x80\xa8'",
			 "\"q\\\" b\\\\ s/ \\b\\f\\n\\r\\t \\u000b\\u0000 \x7f é\xe2\x80\xa8\"");
	expect_canonical("{'a\\nb': 1}", "{\n  \"a\\nb\": 1\n}");
	expect_canonical("{'\\0': 1}", "{\n  \"\\u0000\": 1\n}");
}

Test(json5_write, numbers_are_spelled_exactly)
{
	expect_canonical("[0x10, -0x10, 0xFFFFFFFFFFFFFFFF, -9223372036854775808, .5, 5., 1e3, "
			 "0.1, 1e300, -0, Infinity, -Infinity, NaN]",
			 "[\n  16,\n  -16,\n  18446744073709551615,\n  -9223372036854775808,\n"
			 "  0.5,\n  5,\n  1000,\n  0.10000000000000001,\n"
			 "  1.0000000000000001e+300,\n  0,\n  null,\n  null,\n  null\n]");
}

Test(json5_write, output_is_a_fixed_point)
{
	const char *text = "// c\n{a: [1, 'two', {three: 0x3}], 'b c': -1.5e-7, d: '\\u0041',}";
	char *once = canonical(text);
	char *twice = canonical(once);
	cr_expect_str_eq(once, twice);
	free(once);
	free(twice);
}
