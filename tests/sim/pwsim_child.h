/*
 * pwsim_child.h — runs the real pwsim binary as a child process and captures
 * what a user would see: exit status, stdout, stderr.
 */
#ifndef PWK_TESTS_PWSIM_CHILD_H
#define PWK_TESTS_PWSIM_CHILD_H

#include <stdbool.h>
#include <stddef.h>

struct pwsim_result {
	int status; /* exit status, or 128 + signal */
	char *out;
	char *err;
};

/* argv: NULL-terminated arguments after "pwsim". Paths that do not start
 * with '/' are taken relative to the source tree. */
struct pwsim_result pwsim_run(const char *const *argv);
void pwsim_result_free(struct pwsim_result *r);

#define PWSIM_RUN_OK_ARGS_MAX 24

/* pwsim_run of `argv` followed by `extra` (NULL-terminated, may be NULL;
 * at most PWSIM_RUN_OK_ARGS_MAX words in all), asserting exit status 0: the
 * message starts with "`what`: " (unless `what` is NULL) and shows stdout
 * and stderr. Returns the result (pwsim_result_free it). */
struct pwsim_result pwsim_run_ok(const char *what, const char *const *argv,
				 const char *const *extra);

/* The whole text of `path`; a test assertion fails if it cannot be read. */
char *read_text_file(const char *path);

/* A test assertion that `want` occurs in `text` (shows up to 4000 bytes). */
void assert_contains(const char *text, const char *want);

/* A fresh directory /tmp/<prefix>-XXXXXX in `dir` (a test assertion fails
 * if it cannot be made), and its removal with everything in it: where a
 * test's files go. */
void temp_dir_make(char *dir, size_t cap, const char *prefix);
void temp_dir_remove(const char *dir);

/* Splits the first "replay: pwsim ..." line of `out` into `argv` (the words
 * after "pwsim" as a shell splits them, NULL-terminated, at most `max` - 1),
 * kept in `line`; a test assertion fails if there is none. Returns the word
 * count. */
size_t pwsim_replay_args(const char *out, char *line, size_t cap, const char **argv, size_t max);

/* Absolute path of `rel` in the source tree. The result is static storage. */
const char *source_path(const char *rel);

#endif
