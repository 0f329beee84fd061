/*
 * fuzz_findings.c — see fuzz_findings.h. The minimiser removes ever smaller
 * chunks of the input while the run keeps the same verdict (same kind; the
 * same sentence, except for a missing response, whose sentence names the
 * operation's index, which removing operations changes).
 */
#include "fuzz_findings.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "expect.h"
#include "fuzz_input.h"
#include "fuzz_progress.h"
#include "fuzz_session.h"
#include "shell_word.h"
#include "text_out.h"

/* A replay command: a quoted finding path and the quoted --image-dir words. */
#define REPLAY_CHARS_MAX (4 * 4200 + 4096 + 16)

static bool same_failure(const struct fuzz_verdict *a, const struct fuzz_verdict *b)
{
	if (a->kind != b->kind) {
		return false;
	}
	return a->kind == FUZZ_NO_RESPONSE || strcmp(a->text, b->text) == 0;
}

static size_t minimize(struct fuzz_target *t, uint8_t *bytes, size_t len,
		       const struct fuzz_verdict *want, double seconds)
{
	double end = fuzz_now_s() + seconds;
	uint8_t *cand = malloc(len + 1);
	for (size_t chunk = len / 2 ? len / 2 : 1; chunk >= 1 && fuzz_now_s() < end; chunk /= 2) {
		for (size_t at = 0; at < len && fuzz_now_s() < end;) {
			size_t cut = chunk < len - at ? chunk : len - at;
			memcpy(cand, bytes, at);
			memcpy(cand + at, bytes + at + cut, len - at - cut);
			struct fuzz_verdict v = fuzz_target_run(t, cand, len - cut, NULL, NULL);
			if (same_failure(&v, want)) {
				memcpy(bytes, cand, len - cut);
				len -= cut;
			} else {
				at += cut;
			}
		}
		if (chunk == 1) {
			break;
		}
	}
	free(cand);
	return len;
}

/* "pwsim run FINDING --image-dir DIR...", each word shell-quoted. */
static void replay_command(const struct fuzz_finding_job *job, const char *finding, char *out,
			   size_t cap)
{
	snprintf(out, cap, "pwsim run");
	shell_word_append(out, cap, finding);
	if (job->replay_args[0] != '\0') {
		size_t n = strlen(out);
		snprintf(out + n, cap - n, " %s", job->replay_args);
	}
}

static bool write_finding(const struct fuzz_finding_job *job, const char *stem,
			  const uint8_t *bytes, size_t len, const char *text, uint64_t budget,
			  char *scenario_out, size_t cap)
{
	char input[4096];
	snprintf(input, sizeof(input), "%s/%s.bin", job->out_dir, stem);
	snprintf(scenario_out, cap, "%s/%s.json5", job->out_dir, stem);
	FILE *in = fopen(input, "wb");
	FILE *sc = in != NULL ? fopen(scenario_out, "w") : NULL;
	if (sc == NULL) {
		fprintf(stderr, "pwsim fuzz: cannot write %s: %s\n", in ? scenario_out : input,
			strerror(errno));
		if (in != NULL) {
			fclose(in);
		}
		return false;
	}
	fwrite(bytes, 1, len, in);
	char replay[REPLAY_CHARS_MAX];
	replay_command(job, scenario_out, replay, sizeof(replay));
	fprintf(sc,
		"// Written by pwsim fuzz: one finding. Replay it with\n//   %s\n{\n  "
		"description: ",
		replay);
	text_json_string(sc, text);
	fprintf(sc, ",\n  fuzz: {\n    scenario: ");
	text_json_string(sc, job->scenario_path);
	fprintf(sc, ",\n    target: ");
	text_json_string(sc, job->target);
	fprintf(sc, ",\n    input: ");
	text_json_string(sc, strrchr(input, '/') + 1);
	fprintf(sc, ",\n    response_budget_ms: %llu,\n    isolation: \"%s\",\n  },\n}\n",
		(unsigned long long)(budget / 1000000u), job->isolation);
	bool ok = fclose(in) == 0;
	return fclose(sc) == 0 && ok;
}

/* The child's half: judge, minimise, write. Exit 0: written; 3: the input
 * ran clean; 2: an error. */
static int child_job(const struct fuzz_finding_job *job, const char *stem)
{
	struct fuzz_session fs;
	size_t len = 0;
	uint8_t *bytes = fuzz_input_read(job->crash_path, &len, stderr);
	struct fuzz_session_options o = {
		.target = job->target,
		.response_budget = job->response_budget,
		.isolation = job->isolation,
	};
	if (bytes == NULL || !fuzz_session_open(&fs, job->scenario_path, job->search, &o, stderr)) {
		return 2;
	}
	struct fuzz_verdict v = fuzz_target_run(&fs.target, bytes, len, NULL, NULL);
	if (v.kind == FUZZ_CLEAN || v.kind == FUZZ_NOT_RUN) {
		fprintf(stderr, "pwsim fuzz: %s no longer fails when run alone (%s)\n",
			job->crash_path, v.kind == FUZZ_CLEAN ? "clean" : v.text);
		return 3;
	}
	size_t before = len;
	len = minimize(&fs.target, bytes, len, &v, job->minimize_seconds);
	v = fuzz_target_run(&fs.target, bytes, len, NULL, NULL);
	char scenario[4200];
	if (!write_finding(job, stem, bytes, len, v.text, fs.target.response_budget, scenario,
			   sizeof(scenario))) {
		return 2;
	}
	printf("pwsim fuzz: finding (%s): %s\n", fuzz_kind_name(v.kind), v.text);
	printf("pwsim fuzz:   input %s/%s.bin: %zu bytes (minimised from %zu)\n", job->out_dir,
	       stem, len, before);
	char replay[REPLAY_CHARS_MAX];
	replay_command(job, scenario, replay, sizeof(replay));
	printf("pwsim fuzz:   replay: %s\n", replay);
	fflush(stdout);
	free(bytes);
	fuzz_session_close(&fs);
	return 0;
}

/* A kernel panic ended the child: the raw input is the finding. */
static bool write_panic(const struct fuzz_finding_job *job, const char *stem, FILE *out)
{
	size_t len = 0;
	uint8_t *bytes = fuzz_input_read(job->crash_path, &len, stderr);
	char scenario[4200];
	const char *text = "KERNEL PANIC (a pwk bug: please report it with this input)";
	bool ok =
		bytes != NULL && write_finding(job, stem, bytes, len, text,
					       job->response_budget ? job->response_budget
								    : FUZZ_RESPONSE_BUDGET_DEFAULT,
					       scenario, sizeof(scenario));
	if (ok) {
		fprintf(out, "pwsim fuzz: finding (kernel panic): %s\n", text);
		char replay[REPLAY_CHARS_MAX];
		replay_command(job, scenario, replay, sizeof(replay));
		fprintf(out, "pwsim fuzz:   replay: %s\n", replay);
	}
	free(bytes);
	return ok;
}

/* finding-<12 hex>: libFuzzer's crash-<sha1> keeps its sha1; another
 * engine's file (AFL++'s id:000000,sig:06,...) is named by a hash of its
 * bytes, so the names stay short and shell-safe. */
static void finding_stem(const char *crash_path, char *stem, size_t cap)
{
	const char *base = strrchr(crash_path, '/');
	base = base != NULL ? base + 1 : crash_path;
	if (strncmp(base, "crash-", 6) == 0) {
		snprintf(stem, cap, "finding-%.12s", base + 6);
		return;
	}
	size_t len = 0;
	uint8_t *bytes = fuzz_input_read(crash_path, &len, stderr);
	uint64_t h = fuzz_bytes_hash(bytes, bytes != NULL ? len : 0);
	free(bytes);
	snprintf(stem, cap, "finding-%012llx", (unsigned long long)(h >> 16));
}

bool fuzz_finding_process(const struct fuzz_finding_job *job, FILE *out)
{
	char stem[128];
	finding_stem(job->crash_path, stem, sizeof(stem));
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0) {
		fprintf(stderr, "pwsim fuzz: fork: %s\n", strerror(errno));
		return false;
	}
	if (pid == 0) {
		_exit(child_job(job, stem));
	}
	int status = 0;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
	}
	if (WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT) {
		return write_panic(job, stem, out);
	}
	return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}
