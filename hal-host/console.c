/*
 * console.c — hal_console_write: the kernel's debug_log/debug_putc output.
 * Bytes are gathered per thread into lines; each finished line is written
 * as "[process/thread] text" to the console stream and kept for the
 * simulator's expectations. A line longer than the buffer is split.
 *
 * The kept text is bounded (HOST_CONSOLE_KEEP_MAX): a process printing for
 * ever must not grow pwsim without limit. Past the bound, lines are still
 * written to the console stream and folded into the digest, but no longer
 * kept; the kept text ends with one line saying so, and so does stderr.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <pwk/hal.h>

#include "machine.h"

#define HOST_CONSOLE_KEEP_MAX (16u * 1024u * 1024u)

static const char truncated_note[] =
	"[pwsim] console capture full (16 MiB): later lines were printed but not kept, so "
	"expectations cannot see them\n";

static void append(const char *text, size_t len)
{
	if (host.console_len + len + 1 > host.console_cap) {
		size_t cap = host.console_cap ? host.console_cap : 4096;
		while (cap < host.console_len + len + 1) {
			cap *= 2;
		}
		char *grown = realloc(host.console_text, cap);
		if (grown == NULL) {
			return; /* drop capture, keep running */
		}
		host.console_text = grown;
		host.console_cap = cap;
	}
	memcpy(host.console_text + host.console_len, text, len);
	host.console_len += len;
	host.console_text[host.console_len] = '\0';
}

static void keep(const char *text, size_t len)
{
	if (host.console_truncated) {
		return;
	}
	if (host.console_len + len + sizeof(truncated_note) <= HOST_CONSOLE_KEEP_MAX) {
		append(text, len);
		return;
	}
	host.console_truncated = true;
	append(truncated_note, sizeof(truncated_note) - 1);
	fprintf(stderr, "pwsim: %s", truncated_note + strlen("[pwsim] "));
}

static void emit_line(uint32_t thread)
{
	struct host_console_line *t = &host.console_lines[thread];
	const struct pwk_thread_desc *td = &host.system->threads[thread];
	const char *process = host.system->processes[td->process].name;
	char out[sizeof(t->text) + 160];
	int n = snprintf(out, sizeof(out), "[%s/%s] %.*s\n", process, td->name, (int)t->len,
			 t->text);
	size_t len = n < 0 ? 0 : (size_t)n < sizeof(out) ? (size_t)n : sizeof(out) - 1;
	keep(out, len);
	if (host.opts.console != NULL) {
		fwrite(out, 1, len, host.opts.console);
	}
	t->len = 0;
}

void hal_console_write(uint32_t thread, const uint8_t *bytes, size_t len)
{
	if (host.system == NULL || thread >= host.system->thread_count) {
		return;
	}
	host_digest_bytes(&thread, sizeof(thread));
	host_digest_bytes(bytes, len);
	struct host_console_line *t = &host.console_lines[thread];
	for (size_t i = 0; i < len; i++) {
		if (bytes[i] == '\n') {
			emit_line(thread);
			continue;
		}
		if (t->len == sizeof(t->text)) {
			emit_line(thread);
		}
		t->text[t->len++] = (char)bytes[i];
	}
}

/* For a dying pwsim (fatal.c): the partial lines, printed but not kept,
 * since keeping may allocate and the signal may have interrupted malloc. */
void host_console_flush_for_exit(void)
{
	if (host.system == NULL || host.opts.console == NULL) {
		return;
	}
	for (uint32_t i = 0; i < host.system->thread_count && i < HOST_THREADS_MAX; i++) {
		struct host_console_line *t = &host.console_lines[i];
		const struct pwk_thread_desc *td = &host.system->threads[i];
		if (t->len != 0) {
			fprintf(host.opts.console, "[%s/%s] %.*s\n",
				host.system->processes[td->process].name, td->name, (int)t->len,
				t->text);
			t->len = 0;
		}
	}
	fflush(host.opts.console);
}

void host_console_flush_all(void)
{
	if (host.system == NULL) {
		return;
	}
	for (uint32_t i = 0; i < host.system->thread_count && i < HOST_THREADS_MAX; i++) {
		if (host.console_lines[i].len != 0) {
			emit_line(i);
		}
	}
	if (host.opts.console != NULL) {
		fflush(host.opts.console);
	}
}

const char *host_console_text(void)
{
	return host.console_text ? host.console_text : "";
}

void host_console_release(void)
{
	free(host.console_text);
	host.console_text = NULL;
	host.console_len = host.console_cap = 0;
}
