/* SPDX-License-Identifier: Apache-2.0 */
/*
 * console.c — hal_console_write, exactly as hal-host's console: bytes are
 * gathered per thread into lines; each finished line goes out as
 * "[process/thread] text\n"; a line longer than the buffer (256 bytes, as
 * hal-host's) is split there. Kernel lines ("pwk: ...") are written
 * directly with veer_puts and never mix with a user line, because user
 * lines only leave whole.
 */
#include "veer.h"
#include "veer_system.h"

#define LINE_MAX 256u /* hal-host/machine.h: struct host_thread.line */

struct line {
	uint8_t text[LINE_MAX];
	uint32_t len;
};

static struct line lines[VEER_THREADS_MAX];

void veer_puts(const char *s)
{
	while (*s != '\0') {
		veer_board_putc((uint8_t)*s++);
	}
}

void veer_put_dec(uint64_t v)
{
	char digits[20];
	uint32_t n = 0;
	do {
		uint32_t digit;
		v = veer_udiv64(v, 10u, &digit);
		digits[n++] = (char)('0' + digit);
	} while (v != 0);
	while (n != 0) {
		veer_board_putc((uint8_t)digits[--n]);
	}
}

void veer_put_hex(uint32_t v)
{
	static const char hex[] = "0123456789abcdef";
	veer_puts("0x");
	int shift = 28;
	while (shift > 0 && (v >> shift) == 0) {
		shift -= 4;
	}
	for (; shift >= 0; shift -= 4) {
		veer_board_putc((uint8_t)hex[(v >> shift) & 0xfu]);
	}
}

static void emit_line(uint32_t thread)
{
	struct line *l = &lines[thread];
	const struct pwk_thread_desc *td = &pwk_system.threads[thread];
	veer_board_putc('[');
	veer_puts(pwk_system.processes[td->process].name);
	veer_board_putc('/');
	veer_puts(td->name);
	veer_puts("] ");
	for (uint32_t i = 0; i < l->len; i++) {
		veer_board_putc(l->text[i]);
	}
	veer_board_putc('\n');
	l->len = 0;
}

void hal_console_write(uint32_t thread, const uint8_t *bytes, size_t len)
{
	if (thread >= pwk_system.thread_count || thread >= VEER_THREADS_MAX) {
		return;
	}
	struct line *l = &lines[thread];
	for (size_t i = 0; i < len; i++) {
		if (bytes[i] == '\n') {
			emit_line(thread);
			continue;
		}
		if (l->len == LINE_MAX) {
			emit_line(thread);
		}
		l->text[l->len++] = bytes[i];
	}
}

/* Unfinished lines at the end of a run, as hal-host prints them. */
void veer_console_flush_all(void)
{
	for (uint32_t t = 0; t < pwk_system.thread_count && t < VEER_THREADS_MAX; t++) {
		if (lines[t].len != 0) {
			emit_line(t);
		}
	}
}

/* Tracing is the simulator's tool; on target a record costs nothing. */
void hal_trace_emit(pwk_trace_kind_t kind, uint32_t thread, uint32_t a, uint32_t b)
{
	(void)kind;
	(void)thread;
	(void)a;
	(void)b;
}

void hal_trace_emit_reason(pwk_trace_kind_t kind, uint32_t thread, uint32_t a, uint32_t b,
			   const char *reason)
{
	(void)reason;
	hal_trace_emit(kind, thread, a, b);
}
