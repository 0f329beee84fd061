/*
 * sweep_loop.c — one libuv loop runs the sweep: at most `jobs` children of
 * `pwsim run ... --quiet` at a time, each in a slot with its child (child.h:
 * process, pipes, wall-clock timeout; stdout is drained and dropped, the
 * last SWEEP_CAPTURE_BYTES of stderr are kept); one repeating timer for
 * progress; SIGINT/SIGTERM watchers.
 *
 * Invariant: a slot is busy from its spawn until its child's handles have
 * closed (on_closed); a run is recorded once, in its child's on_end.
 */
#include <assert.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <uv.h>

#include "child.h"
#include "sweep.h"

#define TICK_TTY_MS    250
#define TICK_PLAIN_MS  1000
#define CHILD_ARGS_MAX (8 + 2 * SWEEP_IMAGE_DIRS_MAX)

struct slot {
	struct sweep_loop *loop;
	struct sweep_run *run; /* NULL: free */
	struct child child;
	bool abandoned;
	char *capture; /* ring of SWEEP_CAPTURE_BYTES */
	uint64_t captured_bytes;
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

static void on_slot_closed(struct child *c)
{
	struct slot *s = c->data;
	assert(s->run != NULL);
	s->run = NULL;
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

static void on_run_end(struct child *c)
{
	struct slot *s = c->data;
	struct sweep_loop *l = s->loop;
	/* Invariant: recorded once, after the exit, before the slot closes. */
	assert(s->run->status == SWEEP_NOT_RUN);
	s->run->wall_ns = c->wall_ns;
	if (c->spawn_error != 0) {
		record_spawn_failure(s);
	} else if (!s->abandoned) {
		char *err = capture_text(s);
		sweep_outcome_record(l->r, s->run, c->exit_status, c->term_signal, c->timed_out,
				     err);
		free(err);
	}
	if (c->spawn_error != 0 || !s->abandoned) {
		sweep_print_run_end(l->r, &l->progress, s->run, uv_hrtime());
	}
	l->progress.running--;
}

static void on_output(struct child *c, int fd, const char *data, size_t n)
{
	if (fd == 2) {
		capture_append(c->data, data, n); /* stdout is drained and dropped */
	}
}

static size_t child_args(const struct sweep_config *c, const struct sweep_run *run,
			 char seed[static 24], char *args[static CHILD_ARGS_MAX])
{
	size_t n = 0;
	snprintf(seed, 24, "%llu", (unsigned long long)run->seed);
	args[n++] = c->pwsim_path;
	args[n++] = "run";
	args[n++] = c->scenarios[run->scenario_index].abs_path;
	args[n++] = "--seed";
	args[n++] = seed;
	args[n++] = "--quiet";
	if (c->isolation != NULL) {
		args[n++] = "--isolation";
		args[n++] = (char *)c->isolation;
	}
	for (size_t i = 0; i < c->image_dir_count; i++) {
		args[n++] = "--image-dir";
		args[n++] = c->image_dirs[i];
	}
	args[n] = NULL;
	return n;
}

static void start_run(struct slot *s, struct sweep_run *run)
{
	struct sweep_loop *l = s->loop;
	assert(s->run == NULL);
	const struct sweep_config *c = l->r->config;
	char seed[24];
	char *args[CHILD_ARGS_MAX];
	child_args(c, run, seed, args);
	s->run = run;
	s->abandoned = false;
	s->captured_bytes = 0;
	s->child.data = s;
	s->child.on_output = on_output;
	s->child.on_end = on_run_end;
	s->child.on_closed = on_slot_closed;
	l->busy++;
	l->progress.running++;
	/* Detached: its own session, so the terminal's ^C reaches only the
	 * sweep, which then stops the children itself. */
	child_start(&l->uv, &s->child, c->pwsim_path, args, c->timeout_ms, true);
}

static void start_runs(struct sweep_loop *l)
{
	for (size_t i = 0; i < l->slot_count; i++) {
		if (l->next_run == l->r->run_count || l->r->interrupted_by != 0) {
			return;
		}
		if (l->slots[i].run == NULL) {
			start_run(&l->slots[i], &l->r->runs[l->next_run++]);
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
		if (s->run != NULL && !s->child.exited) {
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
