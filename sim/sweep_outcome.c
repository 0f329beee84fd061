/*
 * sweep_outcome.c — what a finished child means. `pwsim run` says it all on
 * stderr (see sim/run.c and sim/expect.c): a "pwsim: seed S: ... trace digest
 * D" line at the end of every run that booted, then the end of the run, then
 * "pwsim: expectation failed: ..." lines. Its exit status says which kind of
 * failure it was (sim/expect.h). This file turns both into one status, one
 * reason line and the command that replays the run.
 */
#include "sweep.h"

#include "shell_word.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define REASON_CHARS_MAX 400

static const char digest_marker[] = "trace digest ";

const char *sweep_status_name(sweep_status_t s)
{
	switch (s) {
	case SWEEP_PASSED:
		return "passed";
	case SWEEP_FAILED:
		return "failed";
	case SWEEP_TIMEOUT:
		return "timeout";
	case SWEEP_NOT_RUN:
		break;
	}
	return "not_run";
}

struct sweep_totals sweep_totals_of(const struct sweep_results *r, size_t scenario_index)
{
	struct sweep_totals t = {0};
	for (size_t i = 0; i < r->run_count; i++) {
		const struct sweep_run *run = &r->runs[i];
		if (scenario_index != SIZE_MAX && run->scenario_index != scenario_index) {
			continue;
		}
		t.runs++;
		t.passed += run->status == SWEEP_PASSED;
		t.failed += run->status == SWEEP_FAILED;
		t.timeouts += run->status == SWEEP_TIMEOUT;
		t.not_run += run->status == SWEEP_NOT_RUN;
		bool bad = run->status == SWEEP_FAILED || run->status == SWEEP_TIMEOUT;
		/* Runs are in seed order within a scenario: the first bad one is first. */
		if (bad && !t.any_failure) {
			t.any_failure = true;
			t.first_failing_seed = run->seed;
		}
	}
	return t;
}

char *sweep_replay_command(const struct sweep_config *c, const struct sweep_run *run,
			   const char *command)
{
	size_t cap = 96 + 4 * (strlen(c->pwsim_path) + strlen(command) +
			       strlen(c->scenarios[run->scenario_index].abs_path));
	for (size_t i = 0; i < c->image_dir_count; i++) {
		cap += 16 + 4 * strlen(c->image_dirs[i]);
	}
	char *out = calloc(cap, 1);
	char seed[24];
	snprintf(seed, sizeof(seed), "%llu", (unsigned long long)run->seed);
	shell_word_append(out, cap, c->pwsim_path);
	shell_word_append(out, cap, command);
	shell_word_append(out, cap, c->scenarios[run->scenario_index].abs_path);
	shell_word_append(out, cap, "--seed");
	shell_word_append(out, cap, seed);
	if (c->isolation != NULL) {
		shell_word_append(out, cap, "--isolation");
		shell_word_append(out, cap, c->isolation);
	}
	if (c->allow_uncounted) {
		shell_word_append(out, cap, "--allow-uncounted");
	}
	for (size_t i = 0; i < c->image_dir_count; i++) {
		shell_word_append(out, cap, "--image-dir");
		shell_word_append(out, cap, c->image_dirs[i]);
	}
	return out;
}

/* A copy of the line of `text` that holds `at`, at most `max` characters. */
static char *line_at(const char *text, const char *at, size_t max)
{
	const char *start = at;
	while (start > text && start[-1] != '\n') {
		start--;
	}
	size_t n = strcspn(start, "\n");
	return strndup(start, n < max ? n : max);
}

/* The first line starting with `prefix`, or NULL. */
static const char *find_line(const char *text, const char *prefix)
{
	for (const char *p = text; p != NULL && *p != '\0';) {
		if (strncmp(p, prefix, strlen(prefix)) == 0) {
			return p;
		}
		p = strchr(p, '\n');
		p = p ? p + 1 : NULL;
	}
	return NULL;
}

/* The start of the last non-empty line of `text`, or NULL. */
static const char *last_line(const char *text)
{
	const char *end = text + strlen(text);
	while (end > text && (end[-1] == '\n' || end[-1] == '\r')) {
		end--;
	}
	if (end == text) {
		return NULL;
	}
	const char *start = end;
	while (start > text && start[-1] != '\n') {
		start--;
	}
	return start;
}

static const char *last_digest(const char *err)
{
	const char *found = NULL;
	for (const char *p = err; (p = strstr(p, digest_marker)) != NULL; p++) {
		found = p;
	}
	return found;
}

/* The child's own words for why it failed: its first expectation failure,
 * else the line after its digest line (how the run ended), else its last. */
static const char *explanation(const char *err, const char *digest)
{
	const char *x = find_line(err, "pwsim: expectation failed: ");
	if (x == NULL && digest != NULL && strchr(digest, '\n') != NULL &&
	    strchr(digest, '\n')[1] != '\0') {
		x = strchr(digest, '\n') + 1;
	}
	return x != NULL ? x : last_line(err);
}

static const char *exit_meaning(int code)
{
	switch (code) {
	case 1:
		return "an expectation failed";
	case 2:
		return "bad input";
	case 3:
		return "unexpected deadlock, idle system or time limit";
	case 127:
		return "pwsim could not be started";
	}
	return "the system shut down with an unexpected status";
}

static char *failure_reason(const struct sweep_results *r, int64_t exit_status, int term_signal,
			    bool timed_out, const char *err, const char *digest)
{
	char buf[REASON_CHARS_MAX + 200];
	const char *x = explanation(err, digest);
	char *words = x ? line_at(err, x, REASON_CHARS_MAX) : strdup("no message");
	const char *said = strncmp(words, "pwsim: ", 7) == 0 ? words + 7 : words;
	if (timed_out) {
		snprintf(buf, sizeof(buf),
			 "no result after %g s of wall time (--timeout): killed with SIGKILL",
			 r->config->timeout_s);
	} else if (term_signal != 0) {
		const char *abbrev = sigabbrev_np(term_signal);
		snprintf(buf, sizeof(buf), "crashed: killed by signal SIG%s (%s); last message: %s",
			 abbrev ? abbrev : "?", strsignal(term_signal), said);
	} else if (strncmp(said, "expectation failed", 18) == 0) {
		snprintf(buf, sizeof(buf), "%s (exit %d)", said, (int)exit_status);
	} else {
		snprintf(buf, sizeof(buf), "%s (exit %d: %s)", said, (int)exit_status,
			 exit_meaning((int)exit_status));
	}
	free(words);
	return strdup(buf);
}

/* Keeps the last SWEEP_LOG_BYTES of `err`, from a line start, while the
 * sweep's total stays under SWEEP_LOGS_TOTAL_MAX. */
static char *keep_log(struct sweep_results *r, const char *err)
{
	size_t n = strlen(err);
	const char *from = err;
	if (n > SWEEP_LOG_BYTES) {
		from = err + n - SWEEP_LOG_BYTES;
		const char *nl = strchr(from, '\n');
		from = nl ? nl + 1 : from;
	}
	size_t len = strlen(from);
	if (r->logs_total_bytes + len > SWEEP_LOGS_TOTAL_MAX) {
		return NULL;
	}
	r->logs_total_bytes += len;
	return strdup(from);
}

void sweep_outcome_record(struct sweep_results *r, struct sweep_run *run, int64_t exit_status,
			  int term_signal, bool timed_out, const char *err)
{
	const char *digest = last_digest(err);
	if (digest != NULL) {
		const char *hex = digest + strlen(digest_marker);
		size_t n = strspn(hex, "0123456789abcdef");
		if (n == SWEEP_DIGEST_CHARS) {
			memcpy(run->digest, hex, SWEEP_DIGEST_CHARS);
			run->digest[SWEEP_DIGEST_CHARS] = '\0';
		}
	}
	run->exit_code = timed_out || term_signal != 0 ? -1 : (int)exit_status;
	run->term_signal = timed_out ? 0 : term_signal;
	if (!timed_out && term_signal == 0 && exit_status == 0) {
		run->status = SWEEP_PASSED;
		return;
	}
	run->status = timed_out ? SWEEP_TIMEOUT : SWEEP_FAILED;
	run->reason = failure_reason(r, exit_status, term_signal, timed_out, err, digest);
	run->digest_line = digest ? line_at(err, digest, REASON_CHARS_MAX) : NULL;
	run->log = keep_log(r, err);
}
