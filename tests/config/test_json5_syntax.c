/* SPDX-License-Identifier: Apache-2.0 */
/*
 * test_json5_syntax.c — the JSON5 grammar around values: comments, unquoted
 * member names, trailing commas, JSON5 whitespace, nesting, and the
 * positions the tree reports.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "config_test.h"

static struct json5_doc doc;
static struct capture cap;

static const struct json5_value *must_parse(const char *text)
{
	capture_free(&cap); /* a test may parse more than once */
	cr_assert(parse5(text, &doc, &cap), "parse failed: %s", cap.text);
	return &doc.root;
}

static void teardown(void)
{
	json5_free(&doc);
	capture_free(&cap);
}

TestSuite(json5_syntax, .fini = teardown);

Test(json5_syntax, comments_are_ignored_everywhere)
{
	const struct json5_value *v = must_parse("// lead\n/* block\n */ { /*a*/ a /*b*/ : /*c*/ 1 "
						 "// tail\n, b: [/**/2/**/,/**/] } // end");
	cr_assert_eq(v->kind, JSON5_OBJECT);
	cr_assert_eq(v->member_count, 2);
	cr_assert_eq(json5_get(v, "a")->integer, 1);
	cr_assert_eq(json5_get(v, "b")->items[0].integer, 2);
}

Test(json5_syntax, comment_may_end_the_file_without_newline)
{
	cr_assert_eq(must_parse("1 // no newline")->integer, 1);
}

Test(json5_syntax, unquoted_names_are_identifier_names)
{
	const struct json5_value *v = must_parse(
		"{$a: 1, _b: 2, c3: 3, ünï: 4, \\u0061x: 5, null: 6, true: 7, Infinity: 8,"
		" a\\u0301: 9, \xce\xbb\xe2\x80\x8c\xe2\x80\x8d: 10, x\xe2\x80\xbf: 11}");
	const char *keys[] = {
		"$a",           "_b",   "c3",       "ünï",       "ax",
		"null",         "true", "Infinity", "a\xcc\x81", "\xce\xbb\xe2\x80\x8c\xe2\x80\x8d",
		"x\xe2\x80\xbf"};
	cr_assert_eq(v->member_count, sizeof(keys) / sizeof(keys[0]));
	for (size_t i = 0; i < v->member_count; i++) {
		cr_expect_str_eq(v->members[i].key, keys[i]);
		cr_expect_eq(v->members[i].value.integer, (int64_t)i + 1);
	}
}

Test(json5_syntax, quoted_names_may_hold_anything)
{
	const struct json5_value *v = must_parse("{'a b': 1, \"42\": 2, '': 3}");
	cr_assert_eq(json5_get(v, "a b")->integer, 1);
	cr_assert_eq(json5_get(v, "42")->integer, 2);
	cr_assert_eq(json5_get(v, "")->integer, 3);
}

Test(json5_syntax, trailing_commas_are_allowed)
{
	const struct json5_value *v = must_parse("{a: [1, 2,], b: {c: 3,},}");
	cr_assert_eq(v->member_count, 2);
	cr_assert_eq(json5_get(v, "a")->item_count, 2);
	cr_assert_eq(json5_get(v, "b")->member_count, 1);
}

Test(json5_syntax, all_json5_whitespace_separates_tokens)
{
	/* tab VT FF space NBSP BOM LS PS, ideographic space (Zs), CR LF */
	const struct json5_value *v = must_parse("\xef\xbb\xbf[\t1,\v2,\f3, 4,\xc2\xa0"
						 "5,\xef\xbb\xbf"
						 "6,\xe2\x80\xa8"
						 "7,\xe2\x80\xa9"
						 "8,\xe3\x80\x80"
						 "9\r\n]");
	cr_assert_eq(v->item_count, 9);
	for (size_t i = 0; i < 9; i++) {
		cr_expect_eq(v->items[i].integer, (int64_t)i + 1);
	}
}

Test(json5_syntax, duplicate_names_are_kept_and_lookup_returns_the_first)
{
	const struct json5_value *v = must_parse("{a: 1, a: 2}");
	cr_assert_eq(v->member_count, 2);
	cr_assert_eq(json5_get(v, "a")->integer, 1);
	cr_assert_eq(v->members[1].value.integer, 2);
}

Test(json5_syntax, any_value_may_be_the_document)
{
	cr_assert_eq(must_parse("true")->boolean, true);
	json5_free(&doc);
	cr_assert_eq(must_parse("null")->kind, JSON5_NULL);
	json5_free(&doc);
	cr_assert_str_eq(must_parse("'s'")->string, "s");
	json5_free(&doc);
	cr_assert_eq(must_parse("[]")->item_count, 0);
	json5_free(&doc);
	cr_assert_eq(must_parse("{}")->member_count, 0);
}

Test(json5_syntax, booleans_and_null)
{
	const struct json5_value *v = must_parse("[true, false, null]");
	cr_assert_eq(v->items[0].kind, JSON5_BOOL);
	cr_assert(v->items[0].boolean);
	cr_assert_not(v->items[1].boolean);
	cr_assert_eq(v->items[2].kind, JSON5_NULL);
}

Test(json5_syntax, nesting_of_256_levels_is_accepted)
{
	char text[600];
	memset(text, '[', 256);
	memset(text + 256, ']', 256);
	text[512] = '\0';
	const struct json5_value *v = must_parse(text);
	for (int depth = 1; depth < 256; depth++) {
		cr_assert_eq(v->item_count, 1);
		v = &v->items[0];
	}
	cr_assert_eq(v->item_count, 0);
}

Test(json5_syntax, positions_are_one_based_lines_and_byte_columns)
{
	/* Line 2 starts after CRLF; a tab counts as one column; U+2028 ends
	 * line 3; "é" is two bytes. */
	const struct json5_value *v = must_parse("{\r\n\tkey: 'é',  n: 5,\xe2\x80\xa8"
						 "  arr: [ true ]\n}");
	cr_assert_eq(v->line, 1);
	cr_assert_eq(v->col, 1);
	const struct json5_member *key = &v->members[0];
	cr_expect_eq(key->line, 2);
	cr_expect_eq(key->col, 2);
	cr_expect_eq(key->value.line, 2);
	cr_expect_eq(key->value.col, 7);
	cr_expect_eq(v->members[1].line, 2);
	cr_expect_eq(v->members[1].col, 14);
	cr_expect_eq(v->members[1].value.col, 17);
	const struct json5_member *arr = &v->members[2];
	cr_expect_eq(arr->line, 3);
	cr_expect_eq(arr->col, 3);
	cr_expect_eq(arr->value.items[0].line, 3);
	cr_expect_eq(arr->value.items[0].col, 10);
}

Test(json5_syntax, json5_get_on_non_objects_is_null)
{
	const struct json5_value *v = must_parse("[1]");
	cr_assert_null(json5_get(v, "a"));
	cr_assert_null(json5_get(NULL, "a"));
}
