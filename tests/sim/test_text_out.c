/*
 * test_text_out.c — what pwsim writes into its JSON and JSON5 files (sweep
 * reports, fuzz finding files) reads back as the text it was given, whatever
 * bytes the text holds: control bytes and quotes round-trip, a byte that is
 * not UTF-8 reads back as U+FFFD.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "json5.h"
#include "text_out.h"

/* `text` written as a JSON string, then read back by pwk's JSON5 reader. */
static char *round_trip(const char *text)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	cr_assert_not_null(f);
	fputs("{ s: ", f);
	text_json_string(f, text);
	fputs(" }", f);
	fclose(f);
	struct json5_doc doc;
	struct diag d;
	diag_init(&d, "written.json5", stderr);
	cr_assert(json5_parse(buf, len, &doc, &d), "not JSON5: %s", buf);
	const struct json5_value *s = json5_get(&doc.root, "s");
	cr_assert(s != NULL && s->kind == JSON5_STRING, "%s", buf);
	char *back = strdup(s->string);
	json5_free(&doc);
	free(buf);
	return back;
}

Test(text_out, quotes_backslashes_and_control_bytes_round_trip)
{
	const char *texts[] = {
		"plain",
		"a \"quoted\" word and a \\ backslash",
		"two\nlines\tand a tab",
		"bell \x07 and escape \x1b",
		"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80",
		"",
	};
	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		char *back = round_trip(texts[i]);
		cr_assert_str_eq(back, texts[i]);
		free(back);
	}
}

Test(text_out, bytes_that_are_not_utf8_read_back_as_replacement_characters)
{
	char *back = round_trip("bad \xff byte, overlong \xc0\xaf, lone \xe2\x82");
	cr_assert_str_eq(back, "bad \xef\xbf\xbd byte, overlong \xef\xbf\xbd\xef\xbf\xbd, lone "
			       "\xef\xbf\xbd\xef\xbf\xbd");
	free(back);
}

Test(text_out, null_is_written_as_null)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	text_json_string(f, NULL);
	fclose(f);
	cr_assert_str_eq(buf, "null");
	free(buf);
}
