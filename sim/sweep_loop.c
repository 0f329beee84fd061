/*
 * sweep_loop.c — one libuv loop runs the sweep: at most `jobs` children of
 * `pwsim run ... --quiet` at a time, each in a slot with its process, two
 * pipes (stdout is drained and dropped, the last SWEEP_CAPTURE_BYTES of
 * stderr are kept) and a timer (the wall-clock timeout, then a grace period
 * for the pipes); one repeating timer for progress; SIGINT/SIGTERM watchers.
 *
 * Invariant: a slot is busy from its spawn until the close callbacks of
 * all its four handles have run (open_handles == 0); a run is recorded once,
 * when its child has exited and both pipes are done (or the grace period
 * after the exit has passed: a grandchild could hold a pipe open forever).
 */
#include <assert.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <uv.h>

#include "sweep.h"

#define READ_CHUNK_BYTES (64u * 1024)
#define PIPE_GRACE_MS    2000
#define TICK_TTY_MS      250
#define TICK_PLAIN_MS    1000
#define CHILD_ARGS_MAX   (8 + 2 * SWEEP_IMAGE_DIRS_MAX)

struct slot {
	struct sweep_loop *loop;
	struct sweep_run *run; /* NULL: free */
	uv_process_t process;
	uv_pipe_t out, err;
	uv_timer_t timer;
	uint64_t start_ns;
	int open_handles;
	int open_streams;
	bool exited, timed_out, abandoned;
	int64_t exit_status;
	int term_signal;
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
	char read_buf[READ_CHUNK_BYTES];
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

static void on_slot_closed(uv_handle_t *h)
{
	struct slot *s = h->data;
	assert(s->open_handles > 0 && s->run != NULL);
	if (--s->open_handles > 0) {
		return;
	}
	s->run = NULL;
	s->loop->busy--;
	start_runs(s->loop);
	maybe_end(s->loop);
}

static void close_slot(struct slot *s)
{
	uv_close((uv_handle_t *)&s->process, on_slot_closed);
	uv_close((uv_handle_t *)&s->out, on_slot_closed);
	uv_close((uv_handle_t *)&s->err, on_slot_closed);
	uv_close((uv_handle_t *)&s->timer, on_slot_closed);
}

static void finish_run(struct slot *s)
{
	struct sweep_loop *l = s->loop;
	/* Invariant: recorded once, after the exit, before the slot closes. */
	assert(s->exited && s->open_handles == 4);
	assert(s->run->status == SWEEP_NOT_RUN);
	uv_timer_stop(&s->timer);
	if (!s->abandoned) {
		char *err = capture_text(s);
		sweep_outcome_record(l->r, s->run, s->exit_status, s->term_signal, s->timed_out,
				     err);
		free(err);
		sweep_print_run_end(l->r, &l->progress, s->run, uv_hrtime());
	}
	l->progress.running--;
	close_slot(s);
}

static void stream_done(struct slot *s, uv_pipe_t *p)
{
	uv_read_stop((uv_stream_t *)p);
	if (--s->open_streams == 0 && s->exited) {
		finish_run(s);
	}
}

static void on_alloc(uv_handle_t *h, size_t suggested, uv_buf_t *buf)
{
	struct slot *s = h->data;
	(void)suggested;
	/* One buffer serves every pipe: libuv hands it to on_read before the
	 * next on_alloc. */
	*buf = uv_buf_init(s->loop->read_buf, sizeof(s->loop->read_buf));
}

static void on_read(uv_stream_t *stream, ssize_t nread, const uv_buf_t *buf)
{
	struct slot *s = stream->data;
	if (nread < 0) {
		stream_done(s, (uv_pipe_t *)stream);
	} else if (stream == (uv_stream_t *)&s->err) {
		capture_append(s, buf->base, (size_t)nread);
	}
}

static void on_timer(uv_timer_t *t)
{
	struct slot *s = t->data;
	if (!s->exited) {
		s->timed_out = true;
		uv_process_kill(&s->process, SIGKILL);
		return;
	}
	/* The grace period after the exit is over: stop waiting for EOF. */
	if (s->open_streams > 0) {
		s->open_streams = 0;
		uv_read_stop((uv_stream_t *)&s->out);
		uv_read_stop((uv_stream_t *)&s->err);
		finish_run(s);
	}
}

static void on_child_exit(uv_process_t *p, int64_t exit_status, int term_signal)
{
	struct slot *s = p->data;
	s->exited = true;
	s->exit_status = exit_status;
	s->term_signal = term_signal;
	s->run->wall_ns = uv_hrtime() - s->start_ns;
	if (s->open_streams == 0) {
		finish_run(s);
		return;
	}
	uv_timer_stop(&s->timer);
	uv_timer_start(&s->timer, on_timer, PIPE_GRACE_MS, 0);
}

/* A child that could not be started is a failed run, reported as such. */
static void spawn_failed(struct slot *s, int err)
{
	char msg[256];
	snprintf(msg, sizeof(msg), "could not start %s: %s", s->loop->r->config->pwsim_path,
		 uv_strerror(err));
	s->exited = true;
	s->run->status = SWEEP_FAILED;
	s->run->reason = strdup(msg);
	sweep_print_run_end(s->loop->r, &s->loop->progress, s->run, uv_hrtime());
	s->loop->progress.running--;
	close_slot(s);
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
	assert(s->run == NULL && s->open_handles == 0);
	const struct sweep_config *c = l->r->config;
	char seed[24];
	char *args[CHILD_ARGS_MAX];
	child_args(c, run, seed, args);
	s->run = run;
	s->open_handles = 4;
	s->open_streams = 0;
	s->exited = s->timed_out = s->abandoned = false;
	s->captured_bytes = 0;
	uv_pipe_init(&l->uv, &s->out, 0);
	uv_pipe_init(&l->uv, &s->err, 0);
	uv_timer_init(&l->uv, &s->timer);
	s->out.data = s->err.data = s->timer.data = s->process.data = s;
	/* stdin is /dev/null (UV_IGNORE): a child must not read the terminal. */
	uv_stdio_container_t stdio[3] = {
		{.flags = UV_IGNORE},
		{.flags = UV_CREATE_PIPE | UV_WRITABLE_PIPE, .data.stream = (uv_stream_t *)&s->out},
		{.flags = UV_CREATE_PIPE | UV_WRITABLE_PIPE, .data.stream = (uv_stream_t *)&s->err},
	};
	/* Detached: its own session, so the terminal's ^C reaches only the
	 * sweep, which then stops the children itself. */
	uv_process_options_t o = {.exit_cb = on_child_exit,
				  .file = c->pwsim_path,
				  .args = args,
				  .flags = UV_PROCESS_DETACHED,
				  .stdio_count = 3,
				  .stdio = stdio};
	l->busy++;
	l->progress.running++;
	s->start_ns = uv_hrtime();
	int err = uv_spawn(&l->uv, &s->process, &o);
	if (err != 0) {
		spawn_failed(s, err);
		return;
	}
	s->open_streams = 2;
	uv_read_start((uv_stream_t *)&s->out, on_alloc, on_read);
	uv_read_start((uv_stream_t *)&s->err, on_alloc, on_read);
	uv_timer_start(&s->timer, on_timer, c->timeout_ms, 0);
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
		if (s->run != NULL && !s->exited) {
			s->abandoned = true;
			uv_process_kill(&s->process, SIGKILL);
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
