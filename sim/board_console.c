/*
 * board_console.c — see board_console.h. The kernel's last lines (SPEC.md):
 *   pwk: shutdown status N at T ns
 *   pwk: deadlock at T ns: every thread is blocked and no deadline is pending
 *   pwk: idle at T ns: every thread has exited
 *   pwk: panic: FILE:LINE: EXPR
 * the deadlock and idle ones followed by "pwk: thread process/thread STATE
 * ..." per thread, and during the run
 *   pwk: fault: process 'P' thread 'T': mcause 0xC (name) mtval 0xA mepc 0xPC
 * Each is reported in the words a host run uses for the same event.
 */
#include "board_console.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "end_report.h"

static const char kernel_prefix[] = "pwk: ";

host_outcome_kind_t board_end_outcome(board_end_t end)
{
	return end == BOARD_END_DEADLOCK ? HOST_OUTCOME_DEADLOCK
	       : end == BOARD_END_IDLE   ? HOST_OUTCOME_IDLE
					 : HOST_OUTCOME_SHUTDOWN;
}

void board_console_init(struct board_console *b, const struct scenario *s, FILE *console,
			FILE *report)
{
	*b = (struct board_console){.scenario = s, .console = console, .report = report};
}

static void keep(struct board_console *b, const char *line, size_t len)
{
	if (b->text_len + len + 2 > b->text_cap) {
		size_t cap = b->text_cap ? b->text_cap : 4096;
		while (cap < b->text_len + len + 2) {
			cap *= 2;
		}
		char *grown = realloc(b->text, cap);
		if (grown == NULL) {
			return; /* drop the capture, keep running */
		}
		b->text = grown;
		b->text_cap = cap;
	}
	memcpy(b->text + b->text_len, line, len);
	b->text_len += len;
	b->text[b->text_len++] = '\n';
	b->text[b->text_len] = '\0';
}

/* "<what> at T ns" at the start of `rest`: T into *time. */
static bool parse_at(const char *rest, const char *what, uint64_t *time)
{
	size_t n = strlen(what);
	int used = 0;
	return strncmp(rest, what, n) == 0 &&
	       sscanf(rest + n, " at %" SCNu64 " ns%n", time, &used) == 1 && used > 0;
}

static void end_with_threads(struct board_console *b, board_end_t end, uint64_t time)
{
	b->end = end;
	b->end_time = time;
	sim_report_end(b->report, b->scenario, board_end_outcome(end), 0, time, true);
}

static bool parse_shutdown(struct board_console *b, const char *rest)
{
	uint32_t status = 0;
	uint64_t time = 0;
	int used = 0;
	if (sscanf(rest, "shutdown status %" SCNu32 " at %" SCNu64 " ns%n", &status, &time,
		   &used) != 2 ||
	    rest[used] != '\0') {
		return false;
	}
	b->end = BOARD_END_SHUTDOWN;
	b->status = status;
	b->end_time = time;
	sim_report_end(b->report, b->scenario, HOST_OUTCOME_SHUTDOWN, status, time, false);
	return true;
}

/* One kernel line, without its "pwk: " prefix. */
static void kernel_line(struct board_console *b, const char *rest)
{
	uint64_t time = 0;
	if (parse_shutdown(b, rest)) {
		return;
	}
	if (parse_at(rest, "deadlock", &time)) {
		end_with_threads(b, BOARD_END_DEADLOCK, time);
	} else if (parse_at(rest, "idle", &time)) {
		end_with_threads(b, BOARD_END_IDLE, time);
	} else if (strncmp(rest, "thread ", 7) == 0) {
		fprintf(b->report, "  %s\n", rest + 7);
	} else if (strncmp(rest, "panic: ", 7) == 0) {
		b->end = BOARD_END_PANIC;
		fprintf(b->report, "pwsim: KERNEL PANIC at %s\n", rest + 7);
	} else if (strncmp(rest, "fault: ", 7) == 0) {
		b->faults++;
		fprintf(b->report, "pwsim: fault: %s; the kernel terminates the process\n",
			rest + 7);
	} else {
		fprintf(b->report, "%s%s\n", kernel_prefix, rest);
	}
}

static void end_line(struct board_console *b)
{
	b->line[b->line_len] = '\0';
	size_t n = sizeof(kernel_prefix) - 1;
	if (strncmp(b->line, kernel_prefix, n) == 0) {
		kernel_line(b, b->line + n);
	} else {
		keep(b, b->line, b->line_len);
		if (b->console != NULL) {
			fprintf(b->console, "%s\n", b->line);
		}
	}
	b->line_len = 0;
}

void board_console_feed(struct board_console *b, const char *data, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char c = data[i];
		if (c == '\n') {
			end_line(b);
			continue;
		}
		if (c == '\r') {
			continue; /* a UART may send CR LF */
		}
		if (b->line_len == BOARD_LINE_MAX - 1) {
			end_line(b);
		}
		/* A NUL would cut the line short for every reader after us. */
		b->line[b->line_len++] = c != '\0' ? c : '?';
	}
}

void board_console_finish(struct board_console *b)
{
	if (b->line_len > 0) {
		end_line(b);
	}
	if (b->console != NULL) {
		fflush(b->console);
	}
}

const char *board_console_text(const struct board_console *b)
{
	return b->text != NULL ? b->text : "";
}

void board_console_free(struct board_console *b)
{
	free(b->text);
	b->text = NULL;
	b->text_len = b->text_cap = 0;
}
