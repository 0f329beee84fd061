/*
 * json5_fuzz.c — libFuzzer target: the JSON5 reader and the system.json5
 * loader on arbitrary bytes. Any input must give a result or at least one
 * `fuzz.json5:LINE:COL: error: ...` message, never a crash, a sanitizer
 * report or a hang (libFuzzer's -timeout). Seed corpus: tests/config/data/
 * and fuzz/corpus/json5/ (regressions).
 */
#include <regex.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "json5.h"
#include "system_config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Whether `text` holds a positioned error line, as users see them. */
static bool has_positioned_error(const char *text)
{
	static regex_t re;
	static bool compiled;
	if (!compiled) {
		compiled = regcomp(&re, "^fuzz\\.json5:[0-9]+:[0-9]+: error: ",
				   REG_EXTENDED | REG_NEWLINE | REG_NOSUB) == 0;
	}
	return compiled && regexec(&re, text, 0, NULL, 0) == 0;
}

/* Parses, then (when it parses) loads the document as a system.json5. */
static bool load(const uint8_t *data, size_t size, struct diag *d)
{
	struct json5_doc doc;
	if (!json5_parse((const char *)data, size, &doc, d)) {
		return false;
	}
	struct cfg_system sys;
	bool ok = cfg_system_from_json("fuzz.json5", &doc.root, &sys, d);
	if (ok) {
		cfg_system_free(&sys);
	}
	json5_free(&doc);
	return ok;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = NULL;
	size_t len = 0;
	FILE *messages = open_memstream(&text, &len);
	struct diag d;
	diag_init(&d, "fuzz.json5", messages);
	bool ok = load(data, size, &d);
	fclose(messages);
	/* Invariant: a failure says where, a success reports no error. */
	if (ok ? d.errors != 0 : d.errors == 0 || !has_positioned_error(text)) {
		fprintf(stderr, "json5_fuzz: %s with %d errors; messages:\n%s\n",
			ok ? "loaded" : "refused", d.errors, text);
		abort();
	}
	free(text);
	return 0;
}
