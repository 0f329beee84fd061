/*
 * board_console.h — a board's UART output, read as SPEC.md's console
 * contract: lines starting "pwk: " are the kernel's and never the
 * processes'; every other line is a console line ("[process/thread] text",
 * exactly as a host run prints it). Console lines are printed and kept for
 * the expectations; the kernel's lines become pwsim's own reports (faults,
 * the end of the run with its thread list, a panic).
 */
#ifndef PWK_SIM_BOARD_CONSOLE_H
#define PWK_SIM_BOARD_CONSOLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "host.h"
#include "scenario.h"

/* A UART line longer than this is cut into pieces of this length (the
 * kernel's own lines are far shorter; console lines are split by the
 * kernel at hal-host's 256-byte line buffer). */
#define BOARD_LINE_MAX 1024

typedef enum {
	BOARD_END_NONE, /* no final pwk: line (yet) */
	BOARD_END_SHUTDOWN,
	BOARD_END_DEADLOCK,
	BOARD_END_IDLE,
	BOARD_END_PANIC,
} board_end_t;

struct board_console {
	const struct scenario *scenario;
	FILE *console, *report; /* console NULL: quiet */
	char line[BOARD_LINE_MAX];
	size_t line_len;
	char *text; /* every console line, for the expectations */
	size_t text_len, text_cap;
	board_end_t end;   /* the last end line seen */
	uint32_t status;   /* BOARD_END_SHUTDOWN: the shutdown status */
	uint64_t end_time; /* virtual ns of the end line (not for a panic) */
	uint32_t faults;
};

void board_console_init(struct board_console *b, const struct scenario *s, FILE *console,
			FILE *report);
/* Takes the next `n` bytes of UART output. */
void board_console_feed(struct board_console *b, const char *data, size_t n);
/* The output is over: a last line without '\n' still counts. */
void board_console_finish(struct board_console *b);
/* The console lines so far, each "[process/thread] text\n". */
const char *board_console_text(const struct board_console *b);
void board_console_free(struct board_console *b);

/* The host outcome that a board end stands for (NONE and PANIC have none). */
host_outcome_kind_t board_end_outcome(board_end_t end);

#endif
