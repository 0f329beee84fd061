/*
 * child.c — see child.h. Four handles per child: the process, two pipes and
 * one timer, which first is the wall-clock timeout and, once the child has
 * exited, the grace period for its pipes.
 */
#include "child.h"

#include <assert.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

/* The read end of a pipe that nothing is written to, for the child's stdin;
 * its write end stays open in c->stdin_writer until the child ends. Why
 * not UV_IGNORE's /dev/null: on a machine where /dev/null had become a
 * regular file, other programs' "> /dev/null" output landed in it and QEMU
 * fed those bytes to UART0's receiver at host-timed moments, failing
 * pw_kernel's uart test (docs/hal-veer.md, "Host input on UART0"). Why the
 * write end stays open: given a pipe already at end-of-file (hung up),
 * QEMU 7.2 dropped console bytes whenever its output was read late
 * (measured on stress_ipc's 247 KB console: 28 of 30 runs short of bytes,
 * none of 30 with the write end held open).
 * -1 when no pipe can be had: the child then gets UV_IGNORE's /dev/null. */
static uv_file quiet_input(struct child *c)
{
	uv_file fds[2];
	c->stdin_writer = -1;
	if (uv_pipe(fds, 0, 0) != 0) {
		return -1;
	}
	c->stdin_writer = fds[1];
	return fds[0];
}

static void close_stdin_writer(struct child *c)
{
	if (c->stdin_writer >= 0) {
		close(c->stdin_writer);
		c->stdin_writer = -1;
	}
}

static void on_closed(uv_handle_t *h)
{
	struct child *c = h->data;
	assert(c->open_handles > 0 && c->ended);
	if (--c->open_handles == 0 && c->on_closed != NULL) {
		c->on_closed(c);
	}
}

/* Reports the end once, then closes the handles. */
static void end(struct child *c)
{
	assert(c->exited && !c->ended && c->open_handles == 4);
	c->ended = true;
	close_stdin_writer(c);
	uv_timer_stop(&c->timer);
	c->on_end(c);
	uv_close((uv_handle_t *)&c->process, on_closed);
	uv_close((uv_handle_t *)&c->out, on_closed);
	uv_close((uv_handle_t *)&c->err, on_closed);
	uv_close((uv_handle_t *)&c->timer, on_closed);
}

static void stream_done(struct child *c, uv_pipe_t *p)
{
	uv_read_stop((uv_stream_t *)p);
	if (--c->open_streams == 0 && c->exited) {
		end(c);
	}
}

static void on_alloc(uv_handle_t *h, size_t suggested, uv_buf_t *buf)
{
	struct child *c = h->data;
	(void)suggested;
	/* One buffer serves both pipes: libuv hands it to on_read before the
	 * next on_alloc. */
	*buf = uv_buf_init(c->read_buf, sizeof(c->read_buf));
}

static void on_read(uv_stream_t *stream, ssize_t nread, const uv_buf_t *buf)
{
	struct child *c = stream->data;
	if (nread < 0) {
		stream_done(c, (uv_pipe_t *)stream);
	} else if (nread > 0) {
		c->on_output(c, stream == (uv_stream_t *)&c->out ? 1 : 2, buf->base, (size_t)nread);
	}
}

static void on_timer(uv_timer_t *t)
{
	struct child *c = t->data;
	if (!c->exited) {
		c->timed_out = true;
		uv_process_kill(&c->process, SIGKILL);
		return;
	}
	/* The grace period after the exit is over: stop waiting for EOF. */
	if (c->open_streams > 0) {
		c->open_streams = 0;
		uv_read_stop((uv_stream_t *)&c->out);
		uv_read_stop((uv_stream_t *)&c->err);
		end(c);
	}
}

static void on_child_exit(uv_process_t *p, int64_t exit_status, int term_signal)
{
	struct child *c = p->data;
	c->exited = true;
	c->exit_status = exit_status;
	c->term_signal = term_signal;
	c->wall_ns = uv_hrtime() - c->start_ns;
	if (c->open_streams == 0) {
		end(c);
		return;
	}
	uv_timer_stop(&c->timer);
	uv_timer_start(&c->timer, on_timer, CHILD_PIPE_GRACE_MS, 0);
}

void child_start(uv_loop_t *loop, struct child *c, const char *file, char **args,
		 uint64_t timeout_ms, bool detached)
{
	c->open_handles = 4;
	c->open_streams = 0;
	c->exited = c->ended = c->timed_out = false;
	c->spawn_error = c->term_signal = 0;
	c->wall_ns = 0;
	c->exit_status = -1;
	uv_pipe_init(loop, &c->out, 0);
	uv_pipe_init(loop, &c->err, 0);
	uv_timer_init(loop, &c->timer);
	c->out.data = c->err.data = c->timer.data = c->process.data = c;
	uv_file quiet_stdin = quiet_input(c);
	uv_stdio_container_t stdio[3] = {
		{.flags = quiet_stdin >= 0 ? UV_INHERIT_FD : UV_IGNORE, .data.fd = quiet_stdin},
		{.flags = UV_CREATE_PIPE | UV_WRITABLE_PIPE, .data.stream = (uv_stream_t *)&c->out},
		{.flags = UV_CREATE_PIPE | UV_WRITABLE_PIPE, .data.stream = (uv_stream_t *)&c->err},
	};
	uv_process_options_t o = {.exit_cb = on_child_exit,
				  .file = file,
				  .args = args,
				  .flags = detached ? UV_PROCESS_DETACHED : 0,
				  .stdio_count = 3,
				  .stdio = stdio};
	c->start_ns = uv_hrtime();
	c->spawn_error = uv_spawn(loop, &c->process, &o);
	if (quiet_stdin >= 0) {
		close(quiet_stdin); /* the child has its own copy, or never started */
	}
	if (c->spawn_error != 0) {
		c->exited = true;
		end(c);
		return;
	}
	c->open_streams = 2;
	uv_read_start((uv_stream_t *)&c->out, on_alloc, on_read);
	uv_read_start((uv_stream_t *)&c->err, on_alloc, on_read);
	if (timeout_ms != 0) {
		uv_timer_start(&c->timer, on_timer, timeout_ms, 0);
	}
}

void child_rearm(struct child *c, uint64_t timeout_ms)
{
	if (!c->exited && timeout_ms != 0) {
		uv_timer_stop(&c->timer);
		uv_timer_start(&c->timer, on_timer, timeout_ms, 0);
	}
}

void child_kill(struct child *c)
{
	if (!c->exited) {
		uv_process_kill(&c->process, SIGKILL);
	}
}
