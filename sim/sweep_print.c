/*
 * sweep_print.c — what people read while and after a sweep runs.
 *
 * On a terminal, stderr carries one live line, redrawn in place. Anywhere
 * else (CI logs, pipes) it carries a plain line at most every 10 s, and only
 * when another 5% of the runs have ended (or a minute passed without one), so
 * a log never gets a line per run. Every failure is printed when it happens,
 * with the command that replays it, and again in the summary on stdout.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <uv.h>

#include "sweep.h"

#define NS_PER_S             1000000000ull
#define PLAIN_MIN_GAP_NS     (10 * NS_PER_S)
#define PLAIN_HEARTBEAT_NS   (60 * NS_PER_S)
#define SUMMARY_FAILURES_MAX 100

static const char replay_hint[] =
	"`pwsim replay` takes the arguments of `pwsim run`, writes the run's trace and lists "
	"its last events";

static int digits(size_t n)
{
	int d = 1;
	while (n >= 10) {
		n /= 10;
		d++;
	}
	return d;
}

static double rate_per_s(size_t done, uint64_t elapsed_ns)
{
	return elapsed_ns == 0 ? 0.0 : (double)done * (double)NS_PER_S / (double)elapsed_ns;
}

static void progress_line(const struct sweep_progress *p, uint64_t now_ns, const char *end)
{
	fprintf(stderr,
		"[%*zu/%zu] %zu passed, %zu failed, %zu timeouts  %zu running  %.1f runs/s%s",
		digits(p->total), p->done, p->total, p->passed, p->failed, p->timeouts, p->running,
		rate_per_s(p->done, now_ns - p->start_ns), end);
}

/* Erases the live line so that other text starts at column 0. */
static void clear_live_line(struct sweep_progress *p)
{
	if (p->line_drawn) {
		fputs("\r\033[K", stderr);
		p->line_drawn = false;
	}
}

static void draw_live_line(struct sweep_progress *p, uint64_t now_ns)
{
	fputs("\r", stderr);
	progress_line(p, now_ns, "\033[K");
	fflush(stderr);
	p->line_drawn = true;
}

void sweep_print_start(const struct sweep_results *r, struct sweep_progress *p)
{
	const struct sweep_config *c = r->config;
	p->tty = isatty(STDERR_FILENO) == 1;
	p->total = r->run_count;
	p->start_ns = p->last_line_ns = uv_hrtime();
	fprintf(stderr,
		"pwsim sweep: %zu scenario%s x seeds %llu..%llu, shard %u/%u: %zu runs, %u at a "
		"time, timeout %g s\n",
		c->scenario_count, c->scenario_count == 1 ? "" : "s",
		(unsigned long long)c->seed_first, (unsigned long long)c->seed_last, c->shard_index,
		c->shard_count, r->run_count, c->jobs, c->timeout_s);
}

void sweep_print_tick(struct sweep_progress *p, uint64_t now_ns)
{
	if (p->tty) {
		draw_live_line(p, now_ns);
		return;
	}
	uint64_t gap = now_ns - p->last_line_ns;
	size_t step = p->total / 20 > 0 ? p->total / 20 : 1;
	bool moved = p->done - p->last_line_done >= step;
	if ((moved && gap >= PLAIN_MIN_GAP_NS) || gap >= PLAIN_HEARTBEAT_NS) {
		progress_line(p, now_ns, "\n");
		p->last_line_ns = now_ns;
		p->last_line_done = p->done;
	}
}

static void print_failure(FILE *out, const struct sweep_results *r, const struct sweep_run *run,
			  const char *indent)
{
	const struct sweep_config *c = r->config;
	char *replay = sweep_replay_command(c, run, "run");
	fprintf(out, "%s%s %s seed %llu: %s\n", indent,
		run->status == SWEEP_TIMEOUT ? "TIMEOUT" : "FAIL",
		c->scenarios[run->scenario_index].path, (unsigned long long)run->seed,
		run->reason ? run->reason : "?");
	if (run->digest_line != NULL) {
		fprintf(out, "%s  %s\n", indent, run->digest_line);
	}
	fprintf(out, "%s  replay: %s\n", indent, replay);
	free(replay);
}

void sweep_print_run_end(const struct sweep_results *r, struct sweep_progress *p,
			 const struct sweep_run *run, uint64_t now_ns)
{
	p->done++;
	p->passed += run->status == SWEEP_PASSED;
	p->failed += run->status == SWEEP_FAILED;
	p->timeouts += run->status == SWEEP_TIMEOUT;
	if (run->status == SWEEP_PASSED) {
		return;
	}
	clear_live_line(p);
	print_failure(stderr, r, run, "");
	if (!p->replay_hint_shown) {
		char *trace = sweep_replay_command(r->config, run, "replay");
		fprintf(stderr, "  trace: %s\n  (%s)\n", trace, replay_hint);
		free(trace);
		p->replay_hint_shown = true;
	}
	if (p->tty) {
		draw_live_line(p, now_ns);
	}
}

void sweep_print_interrupt(struct sweep_progress *p, int signum)
{
	clear_live_line(p);
	fprintf(stderr,
		"pwsim: sweep: interrupted by SIG%s: killing %zu run%s in progress; "
		"partial summary follows\n",
		sigabbrev_np(signum), p->running, p->running == 1 ? "" : "s");
}

void sweep_print_finish(struct sweep_progress *p)
{
	clear_live_line(p);
	fflush(stderr);
}

static void print_table(const struct sweep_results *r)
{
	const struct sweep_config *c = r->config;
	int w = (int)strlen("scenario");
	for (size_t i = 0; i < c->scenario_count; i++) {
		int n = (int)strlen(c->scenarios[i].path);
		w = n > w ? n : w;
	}
	printf("%-*s  %7s  %7s  %7s  %8s  %s\n", w, "scenario", "runs", "passed", "failed",
	       "timeouts", "first failing seed");
	for (size_t i = 0; i <= c->scenario_count; i++) {
		bool total = i == c->scenario_count;
		struct sweep_totals t = sweep_totals_of(r, total ? SIZE_MAX : i);
		char first[32] = "";
		if (!total) {
			snprintf(first, sizeof(first), t.any_failure ? "  %llu" : "  -",
				 (unsigned long long)t.first_failing_seed);
		}
		printf("%-*s  %7zu  %7zu  %7zu  %8zu%s\n", w,
		       total ? "total" : c->scenarios[i].path, t.runs, t.passed, t.failed,
		       t.timeouts, first);
	}
}

static void print_failures(const struct sweep_results *r, size_t count)
{
	printf("\n%zu failed run%s:\n", count, count == 1 ? "" : "s");
	size_t shown = 0;
	for (size_t i = 0; i < r->run_count && shown < SUMMARY_FAILURES_MAX; i++) {
		const struct sweep_run *run = &r->runs[i];
		if (run->status == SWEEP_FAILED || run->status == SWEEP_TIMEOUT) {
			print_failure(stdout, r, run, "  ");
			shown++;
		}
	}
	if (shown < count) {
		printf("  ... and %zu more: each was printed when it ended, and --json/--junit "
		       "list them all\n",
		       count - shown);
	}
	printf("(%s)\n", replay_hint);
}

void sweep_print_summary(const struct sweep_results *r)
{
	const struct sweep_config *c = r->config;
	struct sweep_totals t = sweep_totals_of(r, SIZE_MAX);
	double seconds = (double)r->wall_ns / (double)NS_PER_S;
	printf("\n");
	print_table(r);
	printf("wall time %.1f s, %.1f runs/min, %u at a time, shard %u/%u\n", seconds,
	       60.0 * rate_per_s(t.runs - t.not_run, r->wall_ns), c->jobs, c->shard_index,
	       c->shard_count);
	if (t.failed + t.timeouts > 0) {
		print_failures(r, t.failed + t.timeouts);
	}
	if (r->interrupted_by != 0) {
		printf("\ninterrupted by SIG%s: %zu of %zu runs did not run to their end\n",
		       sigabbrev_np(r->interrupted_by), t.not_run, t.runs);
	}
	printf("\npwsim sweep: %zu runs: %zu passed, %zu failed, %zu timeouts%s\n", t.runs,
	       t.passed, t.failed, t.timeouts, t.not_run > 0 ? ", interrupted" : "");
	fflush(stdout);
}
