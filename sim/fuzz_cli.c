/*
 * fuzz_cli.c — `pwsim fuzz SCENARIO --target PROCESS/OBJECT ...`
 * (docs/fuzzing.md). Checks the scenario and target here, then runs
 * pwsim-fuzz (the libFuzzer binary next to this executable) with the
 * target in its environment, turns libFuzzer's status lines into one
 * progress line, and afterwards makes every crash libFuzzer saved a
 * minimised finding with its replay command (fuzz_findings.c).
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "expect.h"
#include "fuzz_cli.h"
#include "fuzz_afl.h"
#include "fuzz_findings.h"
#include "fuzz_progress.h"
#include "fuzz_session.h"
#include "shell_word.h"
#include "usage.h"

#define IMAGE_DIRS_MAX 16

struct fuzz_cli {
	const char *scenario;
	const char *target;
	const char *corpus;
	const char *out_dir;
	const char *dict;
	const char *engine;
	const char *isolation;
	unsigned max_time; /* 0: until a finding */
	unsigned jobs;
	unsigned budget_ms;
	const char *image_dirs[IMAGE_DIRS_MAX];
	struct scenario_search search;
};

static bool parse_uint(const char *flag, const char *v, unsigned min, unsigned max, unsigned *out)
{
	char *end = NULL;
	errno = 0;
	unsigned long n = strtoul(v, &end, 10);
	if (errno != 0 || end == v || *end != '\0' || n < min || n > max) {
		fprintf(stderr, "pwsim fuzz: %s takes an integer from %u to %u, not '%s'\n", flag,
			min, max, v);
		return false;
	}
	*out = (unsigned)n;
	return true;
}

static int parse(struct fuzz_cli *c, int argc, char **argv)
{
	*c = (struct fuzz_cli){
		.out_dir = "fuzz-out", .engine = "libfuzzer", .jobs = 1, .isolation = "none"};
	c->search.image_dirs = c->image_dirs;
	for (int i = 2; i < argc; i++) {
		char flag[64];
		const char *a = argv[i];
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;
		const char *eq = a[0] == '-' ? strchr(a, '=') : NULL;
		if (eq != NULL && (size_t)(eq - a) < sizeof(flag)) {
			/* --flag=VALUE, as well as --flag VALUE */
			snprintf(flag, sizeof(flag), "%.*s", (int)(eq - a), a);
			a = flag;
			v = eq + 1;
			i--; /* the i++ below skips nothing */
		}
		bool ok = true;
		if (a[0] != '-') {
			if (c->scenario != NULL) {
				fprintf(stderr, "pwsim fuzz: one SCENARIO only ('%s' and '%s')\n",
					c->scenario, a);
				return PWSIM_EXIT_BAD_INPUT;
			}
			c->scenario = a;
			continue;
		}
		if (v == NULL) {
			fprintf(stderr, "pwsim fuzz: unknown option or missing value: %s\n", a);
			pwsim_command_usage("fuzz", stderr);
			return PWSIM_EXIT_BAD_INPUT;
		}
		i++;
		if (strcmp(a, "--target") == 0) {
			c->target = v;
		} else if (strcmp(a, "--corpus") == 0) {
			c->corpus = v;
		} else if (strcmp(a, "--out") == 0) {
			c->out_dir = v;
		} else if (strcmp(a, "--dict") == 0) {
			c->dict = v;
		} else if (strcmp(a, "--isolation") == 0) {
			c->isolation = v;
		} else if (strcmp(a, "--engine") == 0) {
			c->engine = v;
		} else if (strcmp(a, "--max-time") == 0) {
			ok = parse_uint(a, v, 1, 30u * 24 * 3600, &c->max_time);
		} else if (strcmp(a, "--jobs") == 0) {
			ok = parse_uint(a, v, 1, 1024, &c->jobs);
		} else if (strcmp(a, "--response-budget-ms") == 0) {
			ok = parse_uint(a, v, 1, 60000, &c->budget_ms);
		} else if (strcmp(a, "--image-dir") == 0 &&
			   c->search.image_dir_count < IMAGE_DIRS_MAX) {
			c->image_dirs[c->search.image_dir_count++] = v;
		} else {
			fprintf(stderr, "pwsim fuzz: unknown option %s\n", a);
			pwsim_command_usage("fuzz", stderr);
			return PWSIM_EXIT_BAD_INPUT;
		}
		if (!ok) {
			return PWSIM_EXIT_BAD_INPUT;
		}
	}
	if (c->scenario == NULL || c->target == NULL) {
		pwsim_command_usage("fuzz", stderr);
		return PWSIM_EXIT_BAD_INPUT;
	}
	if (strcmp(c->engine, "libfuzzer") != 0 && strcmp(c->engine, "afl") != 0) {
		fprintf(stderr,
			"pwsim fuzz: --engine takes libfuzzer (the default) or afl, not '%s'\n",
			c->engine);
		return PWSIM_EXIT_BAD_INPUT;
	}
	if (c->dict != NULL && access(c->dict, R_OK) != 0) {
		fprintf(stderr, "pwsim fuzz: --dict %s: %s\n", c->dict, strerror(errno));
		return PWSIM_EXIT_BAD_INPUT;
	}
	return PWSIM_EXIT_OK;
}

static char *absolute(const char *path)
{
	char buf[PATH_MAX];
	return realpath(path, buf) != NULL ? strdup(buf) : strdup(path);
}

static bool make_dir(const char *dir)
{
	if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
		fprintf(stderr, "pwsim fuzz: cannot create %s: %s\n", dir, strerror(errno));
		return false;
	}
	return true;
}

/* pwsim-fuzz (or pwsim-fuzz-afl) next to this executable. */
static bool find_engine(const char *engine, char *out, size_t cap)
{
	bool afl = strcmp(engine, "afl") == 0;
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n <= 0) {
		return false;
	}
	exe[n] = '\0';
	*strrchr(exe, '/') = '\0';
	if ((size_t)snprintf(out, cap, "%.*s/pwsim-fuzz%s", (int)(cap - 16), exe,
			     afl ? "-afl" : "") >= cap ||
	    access(out, X_OK) != 0) {
		fprintf(stderr,
			"pwsim fuzz: %s is missing: pwsim was built without %s (install %s, "
			"rebuild; docs/fuzzing.md)\n",
			out, afl ? "AFL++'s libAFLDriver.a" : "clang's libFuzzer runtime",
			afl ? "Debian's afl++" : "clang");
		return false;
	}
	return true;
}

/* The value after `key` in a libFuzzer status line ("cov: 12"). */
static long field(const char *line, const char *key)
{
	const char *at = strstr(line, key);
	return at != NULL ? strtol(at + strlen(key), NULL, 10) : -1;
}

/* One line of pwsim-fuzz's stderr: status lines update the progress,
 * findings and errors pass through, the rest goes to the log only. */
static void progress_line(struct fuzz_progress *p, const char *line)
{
	if (line[0] == '#') {
		long execs = strtol(line + 1, NULL, 10);
		p->execs = execs > p->execs ? execs : p->execs;
		long v;
		if ((v = field(line, "ft: ")) >= 0) {
			p->features = v;
		}
		if ((v = field(line, "corp: ")) >= 0) {
			p->corpus = v;
		}
		if ((v = field(line, "exec/s: ")) >= 0 || (v = field(line, "exec/s ")) >= 0) {
			p->rate = v;
		}
		const char *oom = strstr(line, "oom/timeout/crash: ");
		long a, b, crashes;
		if (oom != NULL &&
		    sscanf(oom, "oom/timeout/crash: %ld/%ld/%ld", &a, &b, &crashes) == 3 &&
		    crashes > p->crashes) {
			p->crashes = crashes; /* -fork: the children's findings */
		}
		if (fuzz_now_s() - p->printed >= (p->tty ? 0.5 : 5.0)) {
			fuzz_progress_print(p, false);
		}
		return;
	}
	if (strncmp(line, "pwsim fuzz: finding", 19) == 0) {
		p->crashes++;
	}
	if (strncmp(line, "pwsim", 5) == 0 || strncmp(line, "ERROR", 5) == 0 ||
	    strstr(line, "==ERROR") != NULL) {
		fprintf(stderr, "%s%s\n", p->tty ? "\r" : "", line);
	}
}

static int run_engine(char **argv, const char *log_path, struct fuzz_progress *p)
{
	int pipefd[2];
	if (pipe(pipefd) != 0) {
		return -1;
	}
	fflush(NULL);
	pid_t pid = fork();
	if (pid == 0) {
		dup2(pipefd[1], 2);
		dup2(pipefd[1], 1);
		close(pipefd[0]);
		close(pipefd[1]);
		execv(argv[0], argv);
		fprintf(stderr, "pwsim fuzz: cannot run %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	close(pipefd[1]);
	FILE *in = fdopen(pipefd[0], "r");
	FILE *log = fopen(log_path, "w");
	char line[4096];
	while (fgets(line, sizeof(line), in) != NULL) {
		if (log != NULL) {
			fputs(line, log);
		}
		line[strcspn(line, "\n")] = '\0';
		progress_line(p, line);
	}
	fclose(in);
	if (log != NULL) {
		fclose(log);
	}
	int status = 0;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
	}
	return status;
}

/* Every `prefix`* file in `dir` not older than `since`: libFuzzer's
 * OUT/crash-*, AFL++'s OUT/afl/jobN/crashes/id:*. */
static int process_crashes(const struct fuzz_cli *c, const char *dir, const char *prefix,
			   const char *scenario_abs, time_t since, const char *replay_args,
			   const char *isolation)
{
	DIR *d = opendir(dir);
	int found = 0;
	struct dirent *e;
	while (d != NULL && (e = readdir(d)) != NULL) {
		if (strncmp(e->d_name, prefix, strlen(prefix)) != 0) {
			continue;
		}
		char path[PATH_MAX];
		int len = snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		if (len < 0 || (size_t)len >= sizeof(path)) {
			continue; /* a name that does not fit cannot be a finding we wrote */
		}
		struct stat st;
		if (stat(path, &st) != 0 || st.st_mtime < since) {
			continue;
		}
		struct fuzz_finding_job job = {
			.scenario_path = scenario_abs,
			.target = c->target,
			.search = &c->search,
			.response_budget = (uint64_t)c->budget_ms * 1000000u,
			.crash_path = path,
			.out_dir = c->out_dir,
			.replay_args = replay_args,
			.minimize_seconds = 20.0,
			.isolation = isolation,
		};
		found += fuzz_finding_process(&job, stdout);
	}
	if (d != NULL) {
		closedir(d);
	}
	return found;
}

static void set_env(const struct fuzz_cli *c, const char *scenario_abs)
{
	setenv("PWSIM_FUZZ_SCENARIO", scenario_abs, 1);
	setenv("PWSIM_FUZZ_TARGET", c->target, 1);
	char dirs[8192] = "";
	size_t used = 0;
	for (size_t i = 0; i < c->search.image_dir_count; i++) {
		char *abs = absolute(c->image_dirs[i]);
		used += (size_t)snprintf(dirs + used, sizeof(dirs) - used, "%s%s", i ? ":" : "",
					 abs);
		free(abs);
	}
	setenv("PWSIM_FUZZ_IMAGE_DIRS", dirs, 1);
	char budget[32];
	snprintf(budget, sizeof(budget), "%u", c->budget_ms);
	setenv("PWSIM_FUZZ_RESPONSE_BUDGET_MS", budget, 1);
	setenv("PWSIM_FUZZ_ISOLATION", c->isolation, 1);
}

static void print_summary(const struct fuzz_progress *p, const char *corpus, int findings)
{
	fprintf(stderr,
		"pwsim fuzz: summary: %ld execs in %.0f s, coverage %ld features, corpus %ld "
		"in %s, %d finding%s%s\n",
		p->execs, fuzz_now_s() - p->started, p->features, p->corpus, corpus, findings,
		findings == 1 ? "" : "s", findings ? " (replay commands above)" : "");
}

/* --engine afl: afl-fuzz instead of libFuzzer (fuzz_afl.c); the same
 * findings, progress and summary. */
static int fuzz_with_afl(const struct fuzz_cli *c, const char *engine, const char *corpus,
			 const char *scenario_abs, const char *replay_args, const char *isolation,
			 const char *driver_was)
{
	struct fuzz_afl_job job = {
		.engine = engine,
		.corpus = corpus,
		.out_dir = c->out_dir,
		.dict = c->dict,
		.max_time = c->max_time,
		.jobs = c->jobs,
	};
	if (!fuzz_afl_usable(&job)) {
		return PWSIM_EXIT_BAD_INPUT;
	}
	fprintf(stderr,
		"pwsim fuzz: fuzzing %s in %s with AFL++ (the fuzz driver replaces '%s'); "
		"findings in %s/\n",
		c->target, c->scenario, driver_was, c->out_dir);
	struct fuzz_progress p = {.started = fuzz_now_s(), .tty = isatty(2)};
	time_t since = time(NULL) - 1;
	bool ran = fuzz_afl_run(&job, &p);
	fuzz_progress_print(&p, true);
	int findings = 0;
	for (unsigned i = 0; i < c->jobs; i++) {
		char dir[PATH_MAX];
		fuzz_afl_crash_dir(&job, i, dir, sizeof(dir));
		findings +=
			process_crashes(c, dir, "id:", scenario_abs, since, replay_args, isolation);
	}
	if (!ran) {
		fprintf(stderr, "pwsim fuzz: afl-fuzz did not start fuzzing (above)\n");
		return PWSIM_EXIT_BAD_INPUT;
	}
	print_summary(&p, corpus, findings);
	return findings > 0 ? PWSIM_EXIT_EXPECTATION : PWSIM_EXIT_OK;
}

int pwsim_cmd_fuzz(int argc, char **argv)
{
	struct fuzz_cli c;
	int code = parse(&c, argc, argv);
	if (code != PWSIM_EXIT_OK) {
		return code;
	}
	/* Set the system up once here: a bad scenario or target is reported
	 * before anything is started. */
	struct fuzz_session fs;
	struct fuzz_session_options so = {
		.target = c.target,
		.response_budget = (uint64_t)c.budget_ms * 1000000u,
		.isolation = c.isolation,
		.coverage = true, /* so an image that cannot report coverage is refused here */
	};
	bool ok = fuzz_session_open(&fs, c.scenario, &c.search, &so, stderr);
	const char *isolation = ok ? host_isolation_name(fs.scenario->sim.isolation) : "none";
	char driver_was[160] = "";
	if (ok) {
		snprintf(driver_was, sizeof(driver_was), "%s",
			 fs.scenario->system.processes[fs.target.plan.driver_process].name);
	}
	if (ok && fs.target.expect_ignored > 0) {
		fprintf(stderr,
			"pwsim fuzz: every run must meet %zu of the scenario's console "
			"expectations; "
			"%zu are ignored (lines of the replaced initiator, or not met when it "
			"sends nothing: its own traffic makes them)\n",
			fs.target.expect_checked, fs.target.expect_ignored);
	}
	fuzz_session_close(&fs);
	char engine[PATH_MAX];
	if (!ok || !find_engine(c.engine, engine, sizeof(engine)) || !make_dir(c.out_dir)) {
		return PWSIM_EXIT_BAD_INPUT;
	}
	char corpus[PATH_MAX];
	snprintf(corpus, sizeof(corpus), "%s", c.corpus ? c.corpus : "");
	if (c.corpus == NULL) {
		snprintf(corpus, sizeof(corpus), "%s/corpus", c.out_dir);
	}
	if (!make_dir(corpus)) {
		return PWSIM_EXIT_BAD_INPUT;
	}
	char *scenario_abs = absolute(c.scenario);
	set_env(&c, scenario_abs);
	char replay_args[4096] = "";
	for (size_t i = 0; i < c.search.image_dir_count; i++) {
		shell_word_append(replay_args, sizeof(replay_args), "--image-dir");
		shell_word_append(replay_args, sizeof(replay_args), c.image_dirs[i]);
	}
	if (strcmp(c.engine, "afl") == 0) {
		code = fuzz_with_afl(&c, engine, corpus, scenario_abs, replay_args, isolation,
				     driver_was);
		free(scenario_abs);
		return code;
	}
	char a_time[64], a_art[PATH_MAX + 32], a_dict[PATH_MAX + 16], a_jobs[64];
	char *args[16];
	int n = 0;
	args[n++] = engine;
	args[n++] = "-timeout=0";
	args[n++] = "-print_final_stats=1";
	snprintf(a_art, sizeof(a_art), "-artifact_prefix=%s/", c.out_dir);
	args[n++] = a_art;
	if (c.max_time > 0) {
		snprintf(a_time, sizeof(a_time), "-max_total_time=%u", c.max_time);
		args[n++] = a_time;
	}
	if (c.dict != NULL) {
		snprintf(a_dict, sizeof(a_dict), "-dict=%s", c.dict);
		args[n++] = a_dict;
	}
	if (c.jobs > 1) {
		snprintf(a_jobs, sizeof(a_jobs), "-fork=%u", c.jobs);
		args[n++] = a_jobs;
		args[n++] = "-ignore_crashes=1";
	}
	args[n++] = corpus;
	args[n] = NULL;
	fprintf(stderr,
		"pwsim fuzz: fuzzing %s in %s (the fuzz driver replaces '%s'); findings in %s/\n",
		c.target, c.scenario, driver_was, c.out_dir);
	char log_path[PATH_MAX];
	snprintf(log_path, sizeof(log_path), "%s/libfuzzer.log", c.out_dir);
	struct fuzz_progress p = {.started = fuzz_now_s(), .tty = isatty(2)};
	time_t since = time(NULL) - 1;
	int status = run_engine(args, log_path, &p);
	fuzz_progress_print(&p, true);
	int findings = process_crashes(&c, c.out_dir, "crash-", scenario_abs, since, replay_args,
				       isolation);
	free(scenario_abs);
	if (WIFEXITED(status) && WEXITSTATUS(status) == 2) {
		fprintf(stderr, "pwsim fuzz: pwsim-fuzz could not set the target up (%s)\n",
			log_path);
		return PWSIM_EXIT_BAD_INPUT;
	}
	print_summary(&p, corpus, findings);
	return findings > 0 ? PWSIM_EXIT_EXPECTATION : PWSIM_EXIT_OK;
}
