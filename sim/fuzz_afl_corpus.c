/*
 * fuzz_afl_corpus.c — see fuzz_afl_corpus.h.
 */
#include "fuzz_afl_corpus.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fuzz_session.h"

static bool has_seed(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	bool any = false;
	while (d != NULL && !any && (e = readdir(d)) != NULL) {
		char path[PATH_MAX + 256];
		struct stat st;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		any = stat(path, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0;
	}
	if (d != NULL) {
		closedir(d);
	}
	return any;
}

static bool write_file(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	bool ok = f != NULL && fwrite(data, 1, len, f) == len;
	if (f != NULL) {
		ok = fclose(f) == 0 && ok;
	}
	return ok;
}

bool fuzz_afl_seed_dir(const char *corpus, const char *out_dir, char *out, size_t cap)
{
	if (has_seed(corpus)) {
		snprintf(out, cap, "%s", corpus);
		return true;
	}
	static const uint8_t pause[] = {5, 1};
	char path[PATH_MAX + 16];
	snprintf(out, cap, "%s/afl-seed", out_dir);
	snprintf(path, sizeof(path), "%s/pause", out);
	if ((mkdir(out, 0777) != 0 && errno != EEXIST) || !write_file(path, pause, sizeof(pause))) {
		fprintf(stderr, "pwsim fuzz: cannot write %s: %s\n", path, strerror(errno));
		return false;
	}
	return true;
}

void fuzz_afl_keep_queue(const char *dir, const char *corpus)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	while (d != NULL && (e = readdir(d)) != NULL) {
		char path[PATH_MAX + 256], to[PATH_MAX + 32];
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		FILE *f = e->d_name[0] != '.' ? fopen(path, "rb") : NULL;
		if (f == NULL) {
			continue;
		}
		static uint8_t buf[1 << 16];
		size_t len = fread(buf, 1, sizeof(buf), f);
		fclose(f);
		uint64_t h = fuzz_bytes_hash(buf, len);
		snprintf(to, sizeof(to), "%s/afl-%016llx", corpus, (unsigned long long)h);
		if (len > 0 && access(to, F_OK) != 0) {
			write_file(to, buf, len);
		}
	}
	if (d != NULL) {
		closedir(d);
	}
}
