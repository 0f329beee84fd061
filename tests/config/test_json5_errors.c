/* SPDX-License-Identifier: Apache-2.0 */
/*
 * test_json5_errors.c — invalid JSON5 is refused with one error at the
 * offending position (line:col of the original text) saying how to fix it.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "config_test.h"

struct bad {
	const char *text;
	const char *expect; /* substring of the message, from the position on */
};

static void expect_errors(const struct bad *cases, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		struct json5_doc doc;
		struct capture cap;
		bool ok = parse5(cases[i].text, &doc, &cap);
		char want[256];
		snprintf(want, sizeof(want), "t.json5:%s", cases[i].expect);
		cr_expect_not(ok, "accepted: %s", cases[i].text);
		cr_expect(strstr(cap.text, want) != NULL, "input %s\n  want %s\n  got  %s",
			  cases[i].text, want, cap.text);
		cr_expect_eq(cap.d.errors, 1, "one error for %s", cases[i].text);
		cr_expect_null(doc.root.items, "no tree after an error");
		capture_free(&cap);
	}
}

#define EXPECT_ERRORS(cases) expect_errors(cases, sizeof(cases) / sizeof(cases[0]))

Test(json5_errors, strings)
{
	static const struct bad cases[] = {
		{"{\n  a: 'abc\n}", "2:6: error: unterminated string: add the closing '"},
		{"\"abc", "1:1: error: unterminated string: add the closing \""},
		{"'a\\", "1:1: error: unterminated string"},
		{"['\\1']", "1:3: error: invalid escape '\\1': JSON5 has no octal escapes"},
		{"['\\01']", "1:3: error: invalid escape '\\0'"},
		{"['x\\x4']", "1:4: error: invalid escape '\\x': write exactly two hex digits"},
		{"['\\u12g4']", "1:3: error: invalid escape '\\u': write exactly four hex digits"},
		{"['\\ud800']", "1:3: error: invalid escape '\\ud800': a lone UTF-16 surrogate"},
		{"['\\ude00\\ud83d']", "1:3: error: invalid escape '\\ude00'"},
	};
	EXPECT_ERRORS(cases);
}

Test(json5_errors, numbers)
{
	static const struct bad cases[] = {
		{"[01]", "1:2: error: invalid number: leading zeros are not allowed"},
		{"[0x]", "1:2: error: invalid number: write at least one hex digit after 0x"},
		{"[1e]", "1:2: error: invalid number: the exponent needs digits"},
		{"[-]", "1:2: error: invalid number: digits, Infinity or NaN must follow"},
		{"[.]", "1:2: error: invalid number"},
		{"[+-1]", "1:2: error: invalid number"},
		{"[3in]", "1:3: error: invalid number: unexpected 'i' right after it"},
		{"[0x1g]", "1:5: error: invalid number: unexpected 'g'"},
		{"[-Infinityx]", "1:11: error: invalid number: unexpected 'x'"},
	};
	EXPECT_ERRORS(cases);
}

Test(json5_errors, structure)
{
	static const struct bad cases[] = {
		{"[1 2]", "1:4: error: missing ',' between array elements: add ',' before '2'"},
		{"{a: 1\n b: 2}", "2:2: error: missing ',' between members: add ',' before 'b'"},
		{"{a 1}", "1:4: error: missing ':' after the member name: found '1'"},
		{"{1: 2}", "1:2: error: expected a member name (an identifier or a quoted string), "
			   "found '1'"},
		{"[1,,2]", "1:4: error: unexpected ',': an array element is missing before it"},
		{"[,]", "1:2: error: unexpected ','"},
		{"{,}", "1:2: error: expected a member name"},
		{"[1}", "1:3: error: unexpected '}': expected ',' or ']'"},
		{"{a: 1]", "1:6: error: unexpected ']': expected ',' or '}'"},
		{"[}", "1:2: error: unexpected '}': expected a value"},
		{"{a:}", "1:4: error: unexpected '}': expected a value"},
		{"\n\n  [1, 2", "3:3: error: unterminated array: add the closing ']'"},
		{"{a: {b: 1}", "1:1: error: unterminated object: add the closing '}'"},
		{"{a: 1}}", "1:7: error: unexpected '}' after the end of the document"},
		{"1 2", "1:3: error: unexpected '2' after the end of the document"},
		{"[foo]", "1:2: error: unexpected word 'foo': quote text values (\"foo\")"},
		{"[True]", "1:2: error: unexpected word 'True'"},
		{"@", "1:1: error: unexpected '@': expected a value"},
		{"[1] /* never closed", "1:5: error: unterminated comment: add the closing */"},
		{"{a\\u0020b: 1}", "1:3: error: invalid escape in a member name"},
		{"{\\x41: 1}", "1:2: error: invalid escape in a member name"},
	};
	EXPECT_ERRORS(cases);
}

Test(json5_errors, empty_documents)
{
	static const struct bad cases[] = {
		{"", "1:1: error: empty document: expected a JSON5 value"},
		{"  \n // nothing\n", "3:1: error: empty document"},
	};
	EXPECT_ERRORS(cases);
}

Test(json5_errors, encoding)
{
	static const struct bad cases[] = {
		{"[1,\xff]", "1:4: error: invalid UTF-8 (byte 0xff): save the file as UTF-8"},
		{"\n'\xc0\x80'", "2:2: error: invalid UTF-8 (byte 0xc0)"},       /* overlong NUL */
		{"'\xed\xa0\x80'", "1:2: error: invalid UTF-8 (byte 0xed)"},     /* surrogate */
		{"'\xe2\x82'", "1:2: error: invalid UTF-8 (byte 0xe2)"},         /* truncated */
		{"'\xf4\x90\x80\x80'", "1:2: error: invalid UTF-8 (byte 0xf4)"}, /* > U+10FFFF */
		{"'\xf8\x88\x80\x80\x80'", "1:2: error: invalid UTF-8 (byte 0xf8)"},
		{"'\x80'", "1:2: error: invalid UTF-8 (byte 0x80)"}, /* lone continuation */
	};
	EXPECT_ERRORS(cases);
}

Test(json5_errors, nesting_deeper_than_256_levels_is_refused)
{
	static char text[1200];
	memset(text, '[', 300);
	memset(text + 300, ']', 300);
	const struct bad cases[] = {
		{text, "1:257: error: nesting too deep: at most 256 levels"},
	};
	EXPECT_ERRORS(cases);
}

Test(json5_errors, a_missing_file_is_reported_by_path)
{
	struct json5_doc doc;
	struct capture cap;

	capture_begin(&cap, "/nonexistent/x.json5");
	cr_assert_not(json5_parse_file("/nonexistent/x.json5", &doc, &cap.d));
	cr_assert(strstr(capture_text(&cap), "/nonexistent/x.json5: error: cannot open") != NULL,
		  "%s", cap.text);
	capture_free(&cap);
}
