/* SPDX-License-Identifier: Apache-2.0 */
/*
 * config_test.c — see config_test.h.
 */
#include "config_test.h"

#include <criterion/criterion.h>

#include <dirent.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

void capture_begin(struct capture *c, const char *path)
{
	memset(c, 0, sizeof(*c));
	c->f = open_memstream(&c->text, &c->len);
	diag_init(&c->d, path, c->f);
}

const char *capture_text(struct capture *c)
{
	if (c->f != NULL) {
		fclose(c->f);
		c->f = NULL;
	}
	return c->text != NULL ? c->text : "";
}

void capture_free(struct capture *c)
{
	capture_text(c);
	free(c->text);
	c->text = NULL;
}

bool parse5(const char *text, struct json5_doc *doc, struct capture *c)
{
	capture_begin(c, "t.json5");
	bool ok = json5_parse(text, strlen(text), doc, &c->d);
	capture_text(c);
	return ok;
}

bool load_system_text(const char *text, struct cfg_system *sys, struct capture *c)
{
	struct json5_doc doc;

	capture_begin(c, "sys.json5");
	memset(sys, 0, sizeof(*sys));
	bool ok = json5_parse(text, strlen(text), &doc, &c->d);
	if (ok) {
		ok = cfg_system_from_json("sys.json5", &doc.root, sys, &c->d);
		json5_free(&doc);
	}
	capture_text(c);
	return ok;
}

char *to_json(const struct json5_value *v)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	json5_write_json(f, v);
	fclose(f);
	return buf;
}

const char *data_path(const char *rel)
{
	static char path[4096];
	snprintf(path, sizeof(path), "%s/%s", PWK_CONFIG_TEST_DATA, rel);
	return path;
}

char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL) {
		return NULL;
	}
	fseek(f, 0, SEEK_END);
	long size = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *buf = malloc((size_t)size + 1);
	size_t got = fread(buf, 1, (size_t)size, f);
	fclose(f);
	buf[got] = '\0';
	if (len != NULL) {
		*len = got;
	}
	return buf;
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void each_data_json5_file(const char *rel, size_t min, void (*check)(const char *name))
{
	DIR *dir = opendir(data_path(rel));
	struct dirent *e;
	char *names[256];
	size_t n = 0;

	cr_assert_not_null(dir, "cannot open %s", data_path(rel));
	while ((e = readdir(dir)) != NULL && n < sizeof(names) / sizeof(names[0])) {
		size_t len = strlen(e->d_name);
		if (len > 6 && strcmp(e->d_name + len - 6, ".json5") == 0) {
			names[n++] = strdup(e->d_name);
		}
	}
	closedir(dir);
	qsort(names, n, sizeof(names[0]), compare_names);
	cr_assert_geq(n, min, "only %zu files in %s", n, rel);
	for (size_t i = 0; i < n; i++) {
		check(names[i]);
		free(names[i]);
	}
}

void expect_reported(const char *name, char *text, const char *out, int errors)
{
	char want[1024];
	int expected = 0;

	for (char *line = strtok(text, "\n"); line != NULL; line = strtok(NULL, "\n")) {
		if (strncmp(line, "// expect: ", 11) != 0) {
			continue;
		}
		expected++;
		snprintf(want, sizeof(want), "%s:%s", name, line + 11);
		cr_expect(strstr(out, want) != NULL, "%s:\n  want %s\n  got\n%s", name, want, out);
	}
	cr_expect_gt(expected, 0, "%s has no // expect: line", name);
	cr_expect_eq(errors, expected, "%s: %d errors, %d expected:\n%s", name, errors, expected,
		     out);
}

int run_argv(char *const argv[], bool quiet)
{
	posix_spawn_file_actions_t fa;
	pid_t pid;
	int status;

	posix_spawn_file_actions_init(&fa);
	if (quiet) {
		posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
		posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
	}
	int err = posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	if (err != 0 || waitpid(pid, &status, 0) != pid) {
		return -1;
	}
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

char *temp_dir(void)
{
	char *dir = strdup("/tmp/pwk-test-XXXXXX");
	return mkdtemp(dir) != NULL ? dir : NULL;
}

void remove_temp_dir(char *dir)
{
	char *argv[] = {"rm", "-rf", dir, NULL};
	run_argv(argv, false);
	free(dir);
}

char *write_temp_file(const char *dir, const char *name, const char *text)
{
	size_t n = strlen(dir) + strlen(name) + 2;
	char *path = malloc(n);
	snprintf(path, n, "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	if (f != NULL) {
		fputs(text, f);
		fclose(f);
	}
	return path;
}
