/*
 * sweep_loop.c — one libuv loop runs the sweep: at most `jobs` workers
 * (`pwsim sweep-worker SEEDS SCENARIO --quiet ...`, sweep_worker.c) at a
 * time, each in a slot with its child (child.h: process, pipes, wall-clock
 * timeout restarted for every run; stdout is drained and dropped, the last
 * SWEEP_CAPTURE_BYTES of each run's stderr are kept); one repeating timer
 * for progress; SIGINT/SIGTERM watchers. A worker runs a batch of seeds of
 * one scenario, rewinding its loaded system between them, and ends each
 * run's stderr with a marker line carrying the run's exit status; a worker
 * that dies ends the run it was in as a `pwsim run` child would, and the
 * rest of its batch goes to a new worker.
 *
 * Invariant: a slot is busy from its batch's start until its last worker's
 * handles have closed (on_slot_closed); a run is recorded once, at its
 * marker or at its worker's end (run_ended).
 */
#include <assert.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <uv.h>

#include "child.h"
#include "expect.h"
#include "sweep.h"

#define TICK_TTY_MS            250
#define TICK_PLAIN_MS          1000
#define CHILD_ARGS_MAX         (9 + 2 * SWEEP_IMAGE_DIRS_MAX)
/* Seeds per worker: bounds its command line and what a crash re-queues. */
#define SWEEP_WORKER_SEEDS_MAX 64

/* A slot runs a batch of runs (l->r->runs[first, first + count), one
 * scenario) through one worker at a time, `done` of them recorded. */
struct slot {
	struct sweep_loop *loop;
	bool busy;             /* from the batch's start until its last worker closed */
	struct sweep_run *run; /* the run the worker is in, or NULL */
	size_t first, count, done;
	uint64_t run_start_ns;
	struct child child;
	bool abandoned;
	char *capture; /* ring of SWEEP_CAPTURE_BYTES: the current run's stderr */
	uint64_t captured_bytes;
	/* the start of a line that may be the worker's marker, held back */
	bool line_start_here;
	char pending[64];
	size_t pending_len;
};

struct sweep_loop {
	uv_loop_t uv;
	uv_timer_t tick;
	uv_signal_t sigint, sigterm;
	struct sweep_results *r;
	struct slot *slots;
	size_t slot_count, next_run, busy;
	bool ending;
	struct sweep_progress progress;
};

static void start_runs(struct sweep_loop *l);

static void capture_append(struct slot *s, const char *data, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		/* A NUL would cut the text short for every reader after us. */
		s->capture[s->captured_bytes++ % SWEEP_CAPTURE_BYTES] = data[i] ? data[i] : '?';
	}
}

/* The captured stderr as one string, oldest byte first. */
static char *capture_text(const struct slot *s)
{
	static const char cut[] = "[... earlier output dropped ...]\n";
	size_t cap = SWEEP_CAPTURE_BYTES;
	char *text = malloc(cap + sizeof(cut));
	if (s->captured_bytes <= cap) {
		memcpy(text, s->capture, (size_t)s->captured_bytes);
		text[s->captured_bytes] = '\0';
		return text;
	}
	size_t head = (size_t)(s->captured_bytes % cap);
	memcpy(text, cut, sizeof(cut) - 1);
	memcpy(text + sizeof(cut) - 1, s->capture + head, cap - head);
	memcpy(text + sizeof(cut) - 1 + cap - head, s->capture, head);
	text[sizeof(cut) - 1 + cap] = '\0';
	return text;
}

static void maybe_end(struct sweep_loop *l)
{
	bool more = l->next_run < l->r->run_count && l->r->interrupted_by == 0;
	if (l->ending || l->busy > 0 || more) {
		return;
	}
	/* Nothing runs and nothing will: let uv_run return. */
	l->ending = true;
	uv_close((uv_handle_t *)&l->tick, NULL);
	uv_close((uv_handle_t *)&l->sigint, NULL);
	uv_close((uv_handle_t *)&l->sigterm, NULL);
}

static void start_worker(struct slot *s);

/* The worker is gone: it takes the rest of its batch to a new worker
 * unless the sweep was interrupted (those runs stay SWEEP_NOT_RUN). */
static void on_slot_closed(struct child *c)
{
	struct slot *s = c->data;
	assert(s->busy && s->run == NULL);
	if (s->done < s->count && s->loop->r->interrupted_by == 0) {
		start_worker(s);
		return;
	}
	s->busy = false;
	s->loop->busy--;
	start_runs(s->loop);
	maybe_end(s->loop);
}

/* A child that could not be started is a failed run, reported as such. */
static void record_spawn_failure(struct slot *s)
{
	char msg[256];
	snprintf(msg, sizeof(msg), "could not start %s: %s", s->loop->r->config->pwsim_path,
		 uv_strerror(s->child.spawn_error));
	s->run->status = SWEEP_FAILED;
	s->run->reason = strdup(msg);
}

/* The current run ended: by its worker's marker (exit status `code`) or
 * with its worker (`c` set: its exit status, signal or timeout). */
static void run_ended(struct slot *s, const struct child *c, int64_t code)
{
	struct sweep_loop *l = s->loop;
	/* Invariant: recorded once, before the next run of the slot starts. */
	assert(s->run->status == SWEEP_NOT_RUN);
	s->run->wall_ns = uv_hrtime() - s->run_start_ns;
	bool spawn_error = c != NULL && c->spawn_error != 0;
	if (spawn_error) {
		record_spawn_failure(s);
	} else if (!s->abandoned) {
		char *err = capture_text(s);
		sweep_outcome_record(l->r, s->run, c != NULL ? c->exit_status : code,
				     c != NULL ? c->term_signal : 0, c != NULL && c->timed_out,
				     err);
		free(err);
	}
	if (spawn_error || !s->abandoned) {
		sweep_print_run_end(l->r, &l->progress, s->run, uv_hrtime());
	}
	l->progress.running--;
	s->run = NULL;
	s->done++;
}

static void run_begin(struct slot *s)
{
	s->run = &s->loop->r->runs[s->first + s->done];
	s->captured_bytes = 0;
	s->run_start_ns = uv_hrtime();
	s->loop->progress.running++;
}

/* Gives the capture what was held back as a possible marker. */
static void pending_flush(struct slot *s)
{
	capture_append(s, s->pending, s->pending_len);
	s->pending_len = 0;
}

static void on_worker_end(struct child *c)
{
	struct slot *s = c->data;
	pending_flush(s);
	if (s->run == NULL) {
		return;
	}
	if (c->spawn_error == 0 && c->exit_status == 0 && c->term_signal == 0 && !c->timed_out) {
		/* A worker that exits cleanly in the middle of a run never
		 * reported that run: it did not pass. */
		static const char why[] = "pwsim: sweep: the worker ended without a result\n";
		capture_append(s, why, sizeof(why) - 1);
		run_ended(s, NULL, PWSIM_EXIT_EXPECTATION);
		return;
	}
	run_ended(s, c, 0);
}

/* The worker's marker line ended the current run: record it and go on
 * with the next seed of the batch. */
static void on_marker(struct slot *s)
{
	s->pending[s->pending_len] = '\0';
	int64_t code = strtoll(s->pending + sizeof(SWEEP_WORKER_MARKER) - 1, NULL, 10);
	run_ended(s, NULL, code);
	if (s->done < s->count) {
		run_begin(s);
		child_rearm(&s->child, s->loop->r->config->timeout_ms);
	}
}

/* A line that starts like the marker is held back until it is known to be
 * one (then it is no part of the run's output) or not. */
static void on_byte(struct slot *s, char ch)
{
	static const char marker[] = SWEEP_WORKER_MARKER;
	size_t m = sizeof(marker) - 1;
	bool held = s->line_start_here || s->pending_len > 0;
	if (held && ch == '\n' && s->pending_len >= m) {
		s->pending_len = 0;
		s->line_start_here = true;
		if (s->run != NULL) {
			on_marker(s);
		}
		return;
	}
	bool fits = s->pending_len < m ? ch == marker[s->pending_len]
				       : s->pending_len + 1 < sizeof(s->pending);
	if (held && fits) {
		s->pending[s->pending_len++] = ch;
		s->line_start_here = false;
		return;
	}
	pending_flush(s);
	capture_append(s, &ch, 1);
	s->line_start_here = ch == '\n';
}

static void on_output(struct child *c, int fd, const char *data, size_t n)
{
	struct slot *s = c->data;
	if (fd != 2) {
		return; /* stdout is drained and dropped */
	}
	for (size_t i = 0; i < n; i++) {
		on_byte(s, data[i]);
	}
}

/* The seeds of the slot's batch not run yet, comma-separated. */
static void batch_seeds(const struct slot *s, char *out, size_t cap)
{
	size_t n = 0;
	out[0] = '\0';
	for (size_t i = s->done; i < s->count && n < cap; i++) {
		const struct sweep_run *run = &s->loop->r->runs[s->first + i];
		n += (size_t)snprintf(out + n, cap - n, "%s%llu", i > s->done ? "," : "",
				      (unsigned long long)run->seed);
	}
}

static size_t child_args(const struct sweep_config *c, const struct sweep_run *run, char *seeds,
			 char *args[static CHILD_ARGS_MAX])
{
	size_t n = 0;
	args[n++] = c->pwsim_path;
	args[n++] = "sweep-worker";
	args[n++] = seeds;
	args[n++] = c->scenarios[run->scenario_index].abs_path;
	args[n++] = "--quiet";
	if (c->isolation != NULL) {
		args[n++] = "--isolation";
		args[n++] = (char *)c->isolation;
	}
	if (c->allow_uncounted) {
		args[n++] = "--allow-uncounted";
	}
	for (size_t i = 0; i < c->image_dir_count; i++) {
		args[n++] = "--image-dir";
		args[n++] = c->image_dirs[i];
	}
	args[n] = NULL;
	return n;
}

static void start_worker(struct slot *s)
{
	const struct sweep_config *c = s->loop->r->config;
	char seeds[SWEEP_WORKER_SEEDS_MAX * 24];
	char *args[CHILD_ARGS_MAX];
	batch_seeds(s, seeds, sizeof(seeds));
	run_begin(s);
	child_args(c, s->run, seeds, args);
	s->abandoned = false;
	s->line_start_here = true;
	s->pending_len = 0;
	s->child.data = s;
	s->child.on_output = on_output;
	s->child.on_end = on_worker_end;
	s->child.on_closed = on_slot_closed;
	/* Detached: its own session, so the terminal's ^C reaches only the
	 * sweep, which then stops the children itself. */
	child_start(&s->loop->uv, &s->child, c->pwsim_path, args, c->timeout_ms, true);
}

/* The next runs for one worker: of one scenario, a share of what is left
 * small enough that every slot keeps work until the end. */
static size_t batch_size(const struct sweep_loop *l)
{
	const struct sweep_run *runs = l->r->runs;
	size_t left = l->r->run_count - l->next_run;
	size_t want = (left + 2 * l->slot_count - 1) / (2 * l->slot_count);
	want = want < SWEEP_WORKER_SEEDS_MAX ? want : SWEEP_WORKER_SEEDS_MAX;
	size_t n = 1;
	while (n < want &&
	       runs[l->next_run + n].scenario_index == runs[l->next_run].scenario_index) {
		n++;
	}
	return n;
}

static void start_batch(struct slot *s)
{
	struct sweep_loop *l = s->loop;
	assert(!s->busy);
	s->busy = true;
	s->first = l->next_run;
	s->count = batch_size(l);
	s->done = 0;
	l->next_run += s->count;
	l->busy++;
	start_worker(s);
}

static void start_runs(struct sweep_loop *l)
{
	for (size_t i = 0; i < l->slot_count; i++) {
		if (l->next_run == l->r->run_count || l->r->interrupted_by != 0) {
			return;
		}
		if (!l->slots[i].busy) {
			start_batch(&l->slots[i]);
		}
	}
}

static void on_tick(uv_timer_t *t)
{
	struct sweep_loop *l = t->data;
	sweep_print_tick(&l->progress, uv_hrtime());
}

/* ^C: start nothing more, kill what runs, and let the loop drain so the
 * partial summary and reports still come out. Runs killed here stay
 * SWEEP_NOT_RUN: they did not fail. */
static void on_signal(uv_signal_t *h, int signum)
{
	struct sweep_loop *l = h->data;
	if (l->r->interrupted_by != 0) {
		return;
	}
	l->r->interrupted_by = signum;
	sweep_print_interrupt(&l->progress, signum);
	for (size_t i = 0; i < l->slot_count; i++) {
		struct slot *s = &l->slots[i];
		if (s->busy && !s->child.exited) {
			s->abandoned = true;
			child_kill(&s->child);
		}
	}
	maybe_end(l);
}

static bool loop_init(struct sweep_loop *l)
{
	int err = uv_loop_init(&l->uv);
	if (err != 0) {
		fprintf(stderr, "pwsim: sweep: event loop: %s\n", uv_strerror(err));
		return false;
	}
	uv_timer_init(&l->uv, &l->tick);
	uv_signal_init(&l->uv, &l->sigint);
	uv_signal_init(&l->uv, &l->sigterm);
	l->tick.data = l->sigint.data = l->sigterm.data = l;
	uv_signal_start(&l->sigint, on_signal, SIGINT);
	uv_signal_start(&l->sigterm, on_signal, SIGTERM);
	uint64_t every = l->progress.tty ? TICK_TTY_MS : TICK_PLAIN_MS;
	uv_timer_start(&l->tick, on_tick, every, every);
	return true;
}

bool sweep_loop_run(struct sweep_results *r)
{
	struct sweep_loop *l = calloc(1, sizeof(*l));
	l->r = r;
	l->slot_count = r->config->jobs < r->run_count ? r->config->jobs : r->run_count;
	l->slots = calloc(l->slot_count + 1, sizeof(*l->slots));
	for (size_t i = 0; i < l->slot_count; i++) {
		l->slots[i].loop = l;
		l->slots[i].capture = malloc(SWEEP_CAPTURE_BYTES);
	}
	uint64_t start = uv_hrtime();
	sweep_print_start(r, &l->progress);
	bool ok = loop_init(l);
	if (ok) {
		start_runs(l);
		maybe_end(l);
		uv_run(&l->uv, UV_RUN_DEFAULT);
		ok = uv_loop_close(&l->uv) == 0;
	}
	sweep_print_finish(&l->progress);
	r->wall_ns = uv_hrtime() - start;
	for (size_t i = 0; i < l->slot_count; i++) {
		free(l->slots[i].capture);
	}
	free(l->slots);
	free(l);
	return ok;
}
