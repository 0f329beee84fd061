/*
 * trace_sink.c — see trace_sink.h. The buffer holds TRACE_SINK_BUFFER
 * bytes plus one maximal reservation, so a reservation never has to wait
 * for a flush in the middle of an event; a flush happens when a
 * reservation finds the buffer past TRACE_SINK_BUFFER.
 */
#include "trace_sink.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

/* zlib's windowBits for a gzip wrapper instead of a zlib one. */
#define GZIP_WINDOW_BITS (15 + 16)

struct trace_sink {
	int fd;
	bool failed;
	bool gzip;
	z_stream z;
	size_t len;
	uint8_t *buf;  /* TRACE_SINK_BUFFER + TRACE_SINK_RESERVE_MAX */
	uint8_t *zbuf; /* deflate's output, TRACE_SINK_BUFFER */
};

static void write_all(struct trace_sink *s, const uint8_t *p, size_t n)
{
	while (n > 0 && !s->failed) {
		ssize_t w = write(s->fd, p, n);
		if (w < 0 && errno == EINTR) {
			continue;
		}
		if (w <= 0) {
			s->failed = true;
			return;
		}
		p += w;
		n -= (size_t)w;
	}
}

/* Deflates the buffer (`flush` Z_NO_FLUSH or Z_FINISH) and writes what
 * deflate produced. */
static void deflate_out(struct trace_sink *s, int flush)
{
	s->z.next_in = s->buf;
	s->z.avail_in = (uInt)s->len;
	int rc;
	do {
		s->z.next_out = s->zbuf;
		s->z.avail_out = TRACE_SINK_BUFFER;
		rc = deflate(&s->z, flush);
		if (rc == Z_STREAM_ERROR) {
			s->failed = true;
			return;
		}
		write_all(s, s->zbuf, TRACE_SINK_BUFFER - s->z.avail_out);
	} while (!s->failed && (s->z.avail_out == 0 || (flush == Z_FINISH && rc != Z_STREAM_END)));
}

static void flush_buffer(struct trace_sink *s, int zflush)
{
	if (s->gzip) {
		deflate_out(s, zflush);
	} else {
		write_all(s, s->buf, s->len);
	}
	s->len = 0;
}

static void free_sink(struct trace_sink *s)
{
	free(s->buf);
	free(s->zbuf);
	free(s);
}

struct trace_sink *trace_sink_open(const char *path, bool gzip)
{
	struct trace_sink *s = calloc(1, sizeof(*s));
	if (s == NULL) {
		return NULL;
	}
	s->gzip = gzip;
	s->buf = malloc(TRACE_SINK_BUFFER + TRACE_SINK_RESERVE_MAX);
	s->zbuf = gzip ? malloc(TRACE_SINK_BUFFER) : NULL;
	/* Level 1: a long run's trace is very repetitive, so the fastest level
	 * already shrinks it ~10x; higher levels cost several times the CPU. */
	if (s->buf == NULL ||
	    (gzip && (s->zbuf == NULL || deflateInit2(&s->z, 1, Z_DEFLATED, GZIP_WINDOW_BITS, 8,
						      Z_DEFAULT_STRATEGY) != Z_OK))) {
		free_sink(s);
		errno = ENOMEM;
		return NULL;
	}
	s->fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
	if (s->fd < 0) {
		int e = errno;
		if (gzip) {
			deflateEnd(&s->z);
		}
		free_sink(s);
		errno = e;
		return NULL;
	}
	return s;
}

uint8_t *trace_sink_reserve(struct trace_sink *s, size_t n)
{
	if (s->len >= TRACE_SINK_BUFFER || n > TRACE_SINK_RESERVE_MAX) {
		flush_buffer(s, Z_NO_FLUSH);
	}
	if (n > TRACE_SINK_RESERVE_MAX) {
		s->failed = true; /* a writer bug; never with the bounded events */
	}
	return s->buf + s->len;
}

void trace_sink_commit(struct trace_sink *s, uint8_t *end)
{
	s->len = (size_t)(end - s->buf);
	if (s->failed) {
		s->len = 0; /* keep the buffer from growing after a failure */
	}
}

void trace_sink_write(struct trace_sink *s, const void *data, size_t len)
{
	const uint8_t *p = data;
	while (len > 0) {
		size_t n = len < TRACE_SINK_RESERVE_MAX ? len : TRACE_SINK_RESERVE_MAX;
		uint8_t *dst = trace_sink_reserve(s, n);
		memcpy(dst, p, n);
		trace_sink_commit(s, dst + n);
		p += n;
		len -= n;
	}
}

void trace_sink_fail(struct trace_sink *s)
{
	s->failed = true;
}

bool trace_sink_close(struct trace_sink *s)
{
	flush_buffer(s, Z_FINISH);
	if (s->gzip) {
		deflateEnd(&s->z);
	}
	bool ok = !s->failed;
	ok = close(s->fd) == 0 && ok;
	free_sink(s);
	return ok;
}
