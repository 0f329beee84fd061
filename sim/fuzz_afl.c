/*
 * fuzz_afl.c — see fuzz_afl.h. afl-fuzz runs with AFL_NO_UI (its log goes
 * to OUT/afl-N.log) and:
 *   AFL_SKIP_CPUFREQ, AFL_NO_AFFINITY   a shared machine: no CPU governor
 *        to tune, no free core to bind to is not a reason to refuse;
 *   AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES   core_pattern pipes to a crash
 *        handler on most systems, which only slows crash reports down;
 *   AFL_SKIP_CRASHES   a corpus may hold an input that crashes (an old
 *        finding), as a libFuzzer corpus may;
 *   AFL_BENCH_UNTIL_CRASH   one job stops at its first finding, as
 *        libFuzzer does (several go on until --max-time, as its -fork does;
 *        without --max-time the first finding stops them all);
 *   AFL_FORKSRV_INIT_TMOUT   loading the system (before the forkserver
 *        starts) takes seconds in a sanitizer build.
 * A variable the user set is left as it is. Seeds and the queue:
 * fuzz_afl_corpus.c.
 */
#include "fuzz_afl.h"
#include "fuzz_afl_corpus.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define AFL_JOBS_MAX 64

static bool find_afl_fuzz(char *out, size_t cap)
{
	const char *path = getenv("PATH");
	char *dirs = strdup(path != NULL ? path : "/usr/bin:/bin");
	bool found = false;
	for (char *save = NULL, *d = strtok_r(dirs, ":", &save); d != NULL && !found;
	     d = strtok_r(NULL, ":", &save)) {
		found = (size_t)snprintf(out, cap, "%s/afl-fuzz", d) < cap &&
			access(out, X_OK) == 0;
	}
	free(dirs);
	return found;
}

static void env_default(const char *name, const char *value)
{
	setenv(name, value, 0);
}

/* afl-fuzz refuses sanitizer options without these (meson test sets some). */
static void env_require(const char *name, const char *option)
{
	const char *v = getenv(name);
	if (v == NULL || strstr(v, option) != NULL) {
		return;
	}
	char buf[1024];
	snprintf(buf, sizeof(buf), "%s%s%s", v, v[0] ? ":" : "", option);
	setenv(name, buf, 1);
}

static void set_env(const struct fuzz_afl_job *job)
{
	env_default("AFL_SKIP_CPUFREQ", "1");
	env_default("AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES", "1");
	env_default("AFL_NO_AFFINITY", "1");
	env_default("AFL_NO_UI", "1");
	env_default("AFL_SKIP_CRASHES", "1");
	env_default("AFL_FORKSRV_INIT_TMOUT", "120000");
	if (job->jobs == 1) {
		env_default("AFL_BENCH_UNTIL_CRASH", "1");
	}
	env_require("ASAN_OPTIONS", "abort_on_error=1");
	env_require("ASAN_OPTIONS", "symbolize=0");
	env_require("LSAN_OPTIONS", "symbolize=0");
	env_require("MSAN_OPTIONS", "exit_code=86");
	env_require("MSAN_OPTIONS", "symbolize=0");
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

/* One job is afl-fuzz's "default" instance; of several, job0 is the main
 * one (-M) and the rest secondaries (-S), syncing through OUT/afl. */
static void instance_name(const struct fuzz_afl_job *job, unsigned i, char *out, size_t cap)
{
	snprintf(out, cap, job->jobs == 1 ? "default" : "job%u", i);
}

void fuzz_afl_crash_dir(const struct fuzz_afl_job *job, unsigned instance, char *out, size_t cap)
{
	char name[32];
	instance_name(job, instance, name, sizeof(name));
	snprintf(out, cap, "%s/afl/%s/crashes", job->out_dir, name);
}

static pid_t start_instance(const struct fuzz_afl_job *job, const char *afl, const char *seeds,
			    unsigned i)
{
	char name[32], work[PATH_MAX], log[PATH_MAX], vtime[32];
	instance_name(job, i, name, sizeof(name));
	snprintf(work, sizeof(work), "%s/afl", job->out_dir);
	snprintf(log, sizeof(log), "%s/afl-%u.log", job->out_dir, i);
	snprintf(vtime, sizeof(vtime), "%u", job->max_time);
	const char *argv[24];
	int n = 0;
	argv[n++] = afl;
	argv[n++] = "-i";
	argv[n++] = seeds;
	argv[n++] = "-o";
	argv[n++] = work;
	if (job->jobs > 1) {
		/* Only several need a main: its deterministic stages halve
		 * a lone instance's execs/s. */
		argv[n++] = i == 0 ? "-M" : "-S";
		argv[n++] = name;
	}
	argv[n++] = "-m";
	argv[n++] = "none";
	/* Every run is bounded in virtual time and by hal-host's watchdog;
	 * AFL's own timeout only guards against a stuck pwsim. */
	argv[n++] = "-t";
	argv[n++] = "10000+";
	if (job->max_time > 0) {
		argv[n++] = "-V";
		argv[n++] = vtime;
	}
	if (job->dict != NULL) {
		argv[n++] = "-x";
		argv[n++] = job->dict;
	}
	argv[n++] = "--";
	argv[n++] = job->engine;
	argv[n] = NULL;
	fflush(NULL);
	pid_t pid = fork();
	if (pid == 0) {
		int fd = open(log, O_WRONLY | O_CREAT | O_TRUNC, 0666);
		if (fd >= 0) {
			dup2(fd, 1);
			dup2(fd, 2);
			close(fd);
		}
		signal(SIGINT, SIG_DFL);
		execv(afl, (char *const *)argv);
		fprintf(stderr, "pwsim fuzz: cannot run %s: %s\n", afl, strerror(errno));
		_exit(127);
	}
	return pid;
}

struct afl_stats {
	long execs, rate, edges, corpus, crashes;
	bool seen;
};

static void read_stats(const struct fuzz_afl_job *job, unsigned i, struct afl_stats *s)
{
	char name[32], path[PATH_MAX], line[256];
	instance_name(job, i, name, sizeof(name));
	snprintf(path, sizeof(path), "%s/afl/%s/fuzzer_stats", job->out_dir, name);
	FILE *f = fopen(path, "r");
	while (f != NULL && fgets(line, sizeof(line), f) != NULL) {
		char key[64];
		double v;
		if (sscanf(line, "%63s : %lf", key, &v) != 2) {
			continue;
		}
		s->seen = true;
		if (strcmp(key, "execs_done") == 0) {
			s->execs = (long)v;
		} else if (strcmp(key, "execs_per_sec") == 0) {
			s->rate = (long)v;
		} else if (strcmp(key, "edges_found") == 0) {
			s->edges = (long)v;
		} else if (strcmp(key, "corpus_count") == 0) {
			s->corpus = (long)v;
		} else if (strcmp(key, "saved_crashes") == 0 ||
			   strcmp(key, "unique_crashes") == 0) {
			s->crashes = (long)v;
		}
	}
	if (f != NULL) {
		fclose(f);
	}
}

/* Sums the instances into the progress line's figures. */
static void gather(const struct fuzz_afl_job *job, struct fuzz_progress *p)
{
	struct fuzz_progress sum = *p;
	sum.execs = sum.rate = sum.features = sum.corpus = sum.crashes = 0;
	for (unsigned i = 0; i < job->jobs; i++) {
		struct afl_stats s = {0};
		read_stats(job, i, &s);
		sum.execs += s.execs;
		sum.rate += s.rate;
		sum.crashes += s.crashes;
		sum.features = s.edges > sum.features ? s.edges : sum.features;
		sum.corpus = s.corpus > sum.corpus ? s.corpus : sum.corpus;
	}
	*p = sum;
}

/* afl-fuzz's error lines ("[-] ..."), without colours, from its log. */
static void print_errors(const struct fuzz_afl_job *job, unsigned i)
{
	char path[PATH_MAX], line[1024];
	snprintf(path, sizeof(path), "%s/afl-%u.log", job->out_dir, i);
	FILE *f = fopen(path, "r");
	while (f != NULL && fgets(line, sizeof(line), f) != NULL) {
		char clean[1024];
		size_t n = 0;
		for (const char *c = line; *c && n + 1 < sizeof(clean); c++) {
			if (*c == '\x1b') {
				c += strcspn(c, "mhlABCDHJK");
				if (*c == '\0') {
					break;
				}
				continue;
			}
			clean[n++] = *c;
		}
		clean[n] = '\0';
		if (strstr(clean, "[-]") != NULL || strstr(clean, "Location :") != NULL ||
		    strstr(clean, "PROGRAM ABORT") != NULL) {
			fprintf(stderr, "pwsim fuzz: afl-fuzz: %s", clean + strspn(clean, " "));
		}
	}
	if (f != NULL) {
		fclose(f);
	}
	fprintf(stderr, "pwsim fuzz: afl-fuzz's log: %s\n", path);
}

static void keep_queues(const struct fuzz_afl_job *job)
{
	for (unsigned i = 0; i < job->jobs; i++) {
		char name[32], dir[PATH_MAX];
		instance_name(job, i, name, sizeof(name));
		snprintf(dir, sizeof(dir), "%s/afl/%s/queue", job->out_dir, name);
		fuzz_afl_keep_queue(dir, job->corpus);
	}
}

bool fuzz_afl_usable(const struct fuzz_afl_job *job)
{
	char afl[PATH_MAX];
	if (!find_afl_fuzz(afl, sizeof(afl))) {
		fprintf(stderr, "pwsim fuzz: --engine afl: afl-fuzz is not on PATH: install "
				"Debian's afl++ (scripts/install-deps.sh)\n");
		return false;
	}
	if (job->jobs > AFL_JOBS_MAX) {
		fprintf(stderr, "pwsim fuzz: --engine afl runs at most %d jobs, not %u\n",
			AFL_JOBS_MAX, job->jobs);
		return false;
	}
	return true;
}

bool fuzz_afl_run(const struct fuzz_afl_job *job, struct fuzz_progress *p)
{
	char afl[PATH_MAX], seeds[PATH_MAX], work[PATH_MAX];
	if (!fuzz_afl_usable(job) || !find_afl_fuzz(afl, sizeof(afl))) {
		return false;
	}
	/* OUT/afl is afl-fuzz's working directory, rebuilt for every run (its
	 * crashes became findings, its queue went into the corpus). */
	snprintf(work, sizeof(work), "%s/afl", job->out_dir);
	nftw(work, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
	if (!fuzz_afl_seed_dir(job->corpus, job->out_dir, seeds, sizeof(seeds))) {
		return false;
	}
	set_env(job);
	/* Ctrl-C stops afl-fuzz (it gets the signal too); pwsim goes on to
	 * write what was found. */
	struct sigaction ignore = {.sa_handler = SIG_IGN}, was_int;
	sigaction(SIGINT, &ignore, &was_int);
	pid_t pids[AFL_JOBS_MAX];
	int status[AFL_JOBS_MAX];
	unsigned running = 0;
	for (unsigned i = 0; i < job->jobs; i++) {
		pids[i] = start_instance(job, afl, seeds, i);
		status[i] = 0;
		running += pids[i] > 0;
	}
	bool stopping = false;
	while (running > 0) {
		struct timespec tick = {0, 200 * 1000 * 1000};
		nanosleep(&tick, NULL);
		for (unsigned i = 0; i < job->jobs; i++) {
			if (pids[i] > 0 && waitpid(pids[i], &status[i], WNOHANG) == pids[i]) {
				pids[i] = 0;
				running--;
			}
		}
		gather(job, p);
		/* Until the first finding: the other instances stop with it. */
		if (job->max_time == 0 && p->crashes > 0 && !stopping) {
			stopping = true;
			for (unsigned i = 0; i < job->jobs; i++) {
				if (pids[i] > 0) {
					kill(pids[i], SIGINT);
				}
			}
		}
		if (fuzz_now_s() - p->printed >= (p->tty ? 0.5 : 5.0)) {
			fuzz_progress_print(p, false);
		}
	}
	sigaction(SIGINT, &was_int, NULL);
	gather(job, p);
	bool ok = true;
	for (unsigned i = 0; i < job->jobs; i++) {
		struct afl_stats s = {0};
		read_stats(job, i, &s);
		if (!s.seen || !WIFEXITED(status[i]) || WEXITSTATUS(status[i]) != 0) {
			if (!s.seen) {
				ok = false;
			}
			print_errors(job, i);
		}
	}
	keep_queues(job);
	return ok;
}
