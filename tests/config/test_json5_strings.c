/* SPDX-License-Identifier: Apache-2.0 */
/*
 * test_json5_strings.c — JSON5 strings: both quote styles, every escape of
 * the spec, line continuations, raw characters JSON would reject, and
 * Unicode (\u escapes, surrogate pairs, raw UTF-8).
 */
#include <criterion/criterion.h>
#include <string.h>

#include "config_test.h"

static struct json5_doc doc;
static struct capture cap;

static void teardown(void)
{
	json5_free(&doc);
	capture_free(&cap);
}

TestSuite(json5_strings, .fini = teardown);

/* Parses one string document and checks its bytes. */
static void expect_string(const char *text, const char *bytes, size_t len)
{
	json5_free(&doc);
	capture_free(&cap);
	cr_assert(parse5(text, &doc, &cap), "%s: %s", text, cap.text);
	cr_assert_eq(doc.root.kind, JSON5_STRING, "%s", text);
	cr_expect_eq(doc.root.string_len, len, "%s: length %zu", text, doc.root.string_len);
	cr_expect(memcmp(doc.root.string, bytes, len) == 0, "%s", text);
	cr_expect_eq(doc.root.string[len], '\0', "%s is NUL-terminated", text);
}

#define EXPECT_STRING(text, bytes) expect_string(text, bytes, sizeof(bytes) - 1)

Test(json5_strings, both_quote_styles_hold_the_other_quote)
{
	EXPECT_STRING("'say \"hi\"'", "say \"hi\"");
	EXPECT_STRING("\"it's\"", "it's");
	EXPECT_STRING("''", "");
}

Test(json5_strings, single_character_escapes)
{
	EXPECT_STRING("'\\'\\\"\\\\\\/'", "'\"\\/");
	EXPECT_STRING("'\\b\\f\\n\\r\\t\\v'", "\b\f\n\r\t\v");
}

Test(json5_strings, nul_escape_keeps_the_length)
{
	EXPECT_STRING("'a\\0b'", "a\0b");
	EXPECT_STRING("'\\u0000'", "\0");
}

Test(json5_strings, hex_and_unicode_escapes)
{
	EXPECT_STRING("'\\x41\\x7e\\xe9'", "A~\xc3\xa9");
	EXPECT_STRING("'\\u00e9\\u20AC'", "\xc3\xa9\xe2\x82\xac");
}

Test(json5_strings, surrogate_pairs_become_one_character)
{
	EXPECT_STRING("'\\ud83d\\ude00'", "\xf0\x9f\x98\x80");
	EXPECT_STRING("'\\uD834\\uDD1E'", "\xf0\x9d\x84\x9e");
}

Test(json5_strings, other_escaped_characters_stand_for_themselves)
{
	EXPECT_STRING("'\\q\\a\\%\\é'", "qa%\xc3\xa9");
	/* U+0162 and U+016E (low bytes 'b' and 'n') stand for themselves too */
	EXPECT_STRING("'\\\xc5\xa2\\\xc5\xae'", "\xc5\xa2\xc5\xae");
}

Test(json5_strings, line_continuations_vanish)
{
	EXPECT_STRING("'a\\\nb'", "ab");
	EXPECT_STRING("'a\\\r\nb'", "ab");
	EXPECT_STRING("'a\\\rb'", "ab");
	EXPECT_STRING("'a\\\xe2\x80\xa8"
		      "b'",
		      "ab");
	EXPECT_STRING("'a\\\xe2\x80\xa9"
		      "b'",
		      "ab");
}

Test(json5_strings, raw_control_characters_and_separators_are_kept)
{
	EXPECT_STRING("'tab\there'", "tab\there");
	EXPECT_STRING("'\x01'", "\x01");
	EXPECT_STRING("'ls\xe2\x80\xa8ps\xe2\x80\xa9'", "ls\xe2\x80\xa8ps\xe2\x80\xa9");
}

Test(json5_strings, raw_utf8_is_kept)
{
	EXPECT_STRING("'héllo wörld 😀'", "héllo wörld 😀");
}
