/*
 * pwsim_child.c — see pwsim_child.h.
 */
#include "pwsim_child.h"

#include <criterion/criterion.h>
#include <ftw.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static char *slurp(FILE *f)
{
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *buf = calloc((size_t)n + 1, 1);
	if (n > 0 && fread(buf, 1, (size_t)n, f) != (size_t)n) {
		buf[0] = '\0';
	}
	return buf;
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

void temp_dir_make(char *dir, size_t cap, const char *prefix)
{
	snprintf(dir, cap, "/tmp/%s-XXXXXX", prefix);
	cr_assert_not_null(mkdtemp(dir), "cannot make %s", dir);
}

void temp_dir_remove(const char *dir)
{
	nftw(dir, remove_entry, 8, FTW_DEPTH | FTW_PHYS);
}

char *read_text_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	cr_assert_not_null(f, "cannot read %s", path);
	char *text = slurp(f);
	fclose(f);
	return text;
}

void assert_contains(const char *text, const char *want)
{
	cr_assert(strstr(text, want) != NULL, "missing \"%s\" in:\n%.4000s", want, text);
}

const char *source_path(const char *rel)
{
	static char buf[8][4096];
	static unsigned next;
	char *out = buf[next++ % 8];
	snprintf(out, sizeof(buf[0]), "%s/%s", PWK_SOURCE_ROOT, rel);
	return out;
}

/* pwsim knows no build tree: as a user of this tree would, the tests point
 * the commands that find images at build/ (its copies of the scenario
 * folders hold the simulator's images) and build-rv32/scenarios (the board
 * images), after the arguments so every usage message stays the same. */
static size_t add_build_trees(const char **args, size_t n)
{
	static const char *const finders[] = {"run", "replay", "sweep", "check"};
	bool finds = false;
	for (size_t i = 0; n > 1 && i < sizeof(finders) / sizeof(finders[0]); i++) {
		finds |= strcmp(args[1], finders[i]) == 0;
	}
	if (!finds || n < 3) {
		return n;
	}
	args[n++] = "--image-dir";
	args[n++] = PWK_BUILD_ROOT;
	/* Only once scripts/build-target.sh has made it: pwsim refuses an
	 * --image-dir that does not exist, and the host tests run without it. */
	const char *board_images = source_path("build-rv32/scenarios");
	if (access(board_images, F_OK) == 0) {
		args[n++] = "--image-dir";
		args[n++] = board_images;
	}
	return n;
}

struct pwsim_result pwsim_run(const char *const *argv)
{
	struct pwsim_result r = {0};
	FILE *out = tmpfile(), *err = tmpfile();
	fflush(NULL);
	pid_t pid = fork();
	if (pid == 0) {
		dup2(fileno(out), 1);
		dup2(fileno(err), 2);
		const char *args[40] = {PWSIM_PATH};
		size_t n = 1;
		for (; argv[n - 1] != NULL && n < 31; n++) {
			const char *a = argv[n - 1];
			args[n] = (a[0] != '-' && strchr(a, '/') != NULL && a[0] != '/')
					  ? source_path(a)
					  : a;
		}
		n = add_build_trees(args, n);
		args[n] = NULL;
		execv(PWSIM_PATH, (char *const *)args);
		_exit(127);
	}
	int ws = 0;
	waitpid(pid, &ws, 0);
	r.status = WIFEXITED(ws) ? WEXITSTATUS(ws) : 128 + WTERMSIG(ws);
	r.out = slurp(out);
	r.err = slurp(err);
	fclose(out);
	fclose(err);
	return r;
}

void pwsim_result_free(struct pwsim_result *r)
{
	free(r->out);
	free(r->err);
}

/* Appends the NULL-terminated `words` (NULL: none) to args[*n...]. */
static void append_words(const char **args, size_t *n, const char *const *words)
{
	for (size_t i = 0; words != NULL && words[i] != NULL; i++) {
		cr_assert_lt(*n, PWSIM_RUN_OK_ARGS_MAX, "pwsim_run_ok: more than %d arguments",
			     PWSIM_RUN_OK_ARGS_MAX);
		args[(*n)++] = words[i];
	}
}

struct pwsim_result pwsim_run_ok(const char *what, const char *const *argv,
				 const char *const *extra)
{
	const char *args[PWSIM_RUN_OK_ARGS_MAX + 1];
	size_t n = 0;
	append_words(args, &n, argv);
	append_words(args, &n, extra);
	args[n] = NULL;
	struct pwsim_result r = pwsim_run(args);
	cr_assert_eq(r.status, 0, "%s%sexit %d\nstdout:\n%s\nstderr:\n%s", what ? what : "",
		     what ? ": " : "", r.status, r.out, r.err);
	return r;
}

/* The shell word at *at (bare, or in single quotes with '\'' for a quote),
 * unquoted in place; *at moves past it. */
static char *shell_word(char **at)
{
	char *from = *at, *to = *at, *word = *at;
	bool quoted = false;
	for (; *from != '\0' && (quoted || *from != ' '); from++) {
		if (*from == '\'') {
			quoted = !quoted;
		} else if (!quoted && *from == '\\' && from[1] != '\0') {
			*to++ = *++from;
		} else {
			*to++ = *from;
		}
	}
	cr_assert(!quoted, "unbalanced quote in %s", word);
	*at = *from != '\0' ? from + 1 : from;
	*to = '\0';
	return word;
}

size_t pwsim_replay_args(const char *out, char *line, size_t cap, const char **argv, size_t max)
{
	const char *at = strstr(out, "replay: pwsim ");
	cr_assert_not_null(at, "no replay command in:\n%s", out);
	at += strlen("replay: pwsim ");
	size_t len = strcspn(at, "\n");
	cr_assert_lt(len, cap);
	memcpy(line, at, len);
	line[len] = '\0';
	size_t n = 0;
	for (char *w = line; *w != '\0' && n + 1 < max;) {
		argv[n++] = shell_word(&w);
	}
	argv[n] = NULL;
	return n;
}
