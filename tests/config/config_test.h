/* SPDX-License-Identifier: Apache-2.0 */
/*
 * config_test.h — helpers shared by the tests of config/ and pwk-gen:
 * capturing diagnostics in memory, parsing inline JSON5, locating test
 * data, and reading files.
 */
#ifndef PWK_TESTS_CONFIG_TEST_H
#define PWK_TESTS_CONFIG_TEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "diag.h"
#include "json5.h"
#include "system_config.h"

/* Diagnostics written to memory instead of stderr. */
struct capture {
	struct diag d;
	FILE *f;
	char *text;
	size_t len;
};

void capture_begin(struct capture *c, const char *path);
/* Closes the stream; returns everything reported (never NULL). */
const char *capture_text(struct capture *c);
void capture_free(struct capture *c);

/* Parses `text` as "t.json5"; on failure the messages are in c. */
bool parse5(const char *text, struct json5_doc *doc, struct capture *c);

/* Loads inline system.json5 text as "sys.json5". */
bool load_system_text(const char *text, struct cfg_system *sys, struct capture *c);

/* Canonical JSON of a value, malloc'd. */
char *to_json(const struct json5_value *v);

/* PWK_CONFIG_TEST_DATA "/" rel, in a static buffer. */
const char *data_path(const char *rel);

/* Whole file, malloc'd and NUL-terminated, or NULL. */
char *read_file(const char *path, size_t *len);

/* Calls check(name) for every .json5 file in data/<rel>, in name order;
 * asserts there are at least `min` of them. */
void each_data_json5_file(const char *rel, size_t min, void (*check)(const char *name));

/* The bad-file convention: `text` (modified) lists the diagnostics `out`
 * must contain as "// expect: LINE:COL: error: start of the message"
 * lines; expects each of them in `out` prefixed by `name`, at least one,
 * and exactly `errors` of them. */
void expect_reported(const char *name, char *text, const char *out, int errors);

/* Runs argv[0] (searched in PATH) with argv; its output goes to /dev/null
 * when `quiet`. Returns the exit status, or -1 when it could not run or died. */
int run_argv(char *const argv[], bool quiet);

/* A fresh directory under /tmp, malloc'd path. */
char *temp_dir(void);

/* Removes the directory and everything in it, and frees `dir`. */
void remove_temp_dir(char *dir);

/* Writes `text` to dir/name; returns the malloc'd path. */
char *write_temp_file(const char *dir, const char *name, const char *text);

#endif
