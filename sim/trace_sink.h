/*
 * trace_sink.h — where a trace's bytes go: a 1 MiB buffer in front of the
 * file, written with one write(2) per MiB, optionally through gzip (zlib's
 * deflate with a gzip header, so `gunzip`, Perfetto's trace_processor and
 * ui.perfetto.dev read it as it is).
 *
 * Why not stdio: formatting each field with fprintf cost more than the
 * simulation itself (a 200,000-round-trip run spent ~5x its own CPU time in
 * it). The writers (trace_json.c, trace_perfetto.c) format into the buffer
 * themselves; the sink only moves full buffers out.
 *
 * Errors are sticky: after a failed write or deflate every call is a no-op
 * and trace_sink_close() returns false.
 */
#ifndef PWK_SIM_TRACE_SINK_H
#define PWK_SIM_TRACE_SINK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TRACE_SINK_BUFFER (1u << 20)

/* The largest single reservation: a writer formats at most this much
 * before it reserves again. */
#define TRACE_SINK_RESERVE_MAX (64u << 10)

struct trace_sink;

/* Creates (truncates) `path`. NULL with errno set if it cannot. */
struct trace_sink *trace_sink_open(const char *path, bool gzip);

/* A pointer to at least `n` (<= TRACE_SINK_RESERVE_MAX) writable bytes at
 * the end of the buffer; trace_sink_commit() says how many were used. */
uint8_t *trace_sink_reserve(struct trace_sink *s, size_t n);
void trace_sink_commit(struct trace_sink *s, uint8_t *end);

/* Copies `len` bytes of any size. */
void trace_sink_write(struct trace_sink *s, const void *data, size_t len);

/* Marks the file as not written (a writer could not encode an event). */
void trace_sink_fail(struct trace_sink *s);

/* Flushes, finishes the gzip stream, closes the file and frees `s`.
 * Returns false if anything failed along the way. */
bool trace_sink_close(struct trace_sink *s);

#endif
