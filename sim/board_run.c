/*
 * board_run.c — a board run: qemu-system-riscv32 boots the image as a child
 * on a libuv loop (child.h) with a wall-clock timeout; its stdout is the
 * UART (board_console.c), its stderr is passed on. QEMU runs deterministic:
 * -icount shift=0,sleep=off makes every instruction one virtual ns and
 * skips idle time, so the same image prints the same output every run.
 *
 * The verdict comes from the kernel's last pwk: line, fed to the same
 * expectation checks as a host run (expect.c); what only a board run can
 * meet — no emulator, a timeout, no final line — has its own exit status.
 */
#include <stdlib.h>
#include <string.h>

#include <uv.h>

#include "board.h"
#include "board_console.h"
#include "child.h"
#include "end_report.h"
#include "expect.h"

#define QEMU_DEFAULT "qemu-system-riscv32"
/* A plain RV32IMC machine + user mode hart with PMP, as VeeR EL2 is. */
#define QEMU_CPU     "rv32,s=false,h=false,mmu=false,a=false,f=false,d=false"

struct board_child {
	struct child child;
	struct board_console console;
	FILE *report;
};

static const char *qemu_path(void)
{
	const char *env = getenv("PWSIM_QEMU");
	return env != NULL && env[0] != '\0' ? env : QEMU_DEFAULT;
}

static double timeout_of(const struct scenario *s, const struct board_run_options *o)
{
	if (o->timeout_s > 0) {
		return o->timeout_s;
	}
	double t = (double)s->sim.time_limit / 1e9 * BOARD_TIMEOUT_FACTOR;
	t = t < BOARD_TIMEOUT_FLOOR_S ? BOARD_TIMEOUT_FLOOR_S : t;
	return t > BOARD_TIMEOUT_MAX_S ? BOARD_TIMEOUT_MAX_S : t;
}

static void on_output(struct child *c, int fd, const char *data, size_t n)
{
	struct board_child *b = c->data;
	if (fd == 1) {
		board_console_feed(&b->console, data, n);
	} else {
		fwrite(data, 1, n, b->report); /* QEMU's own complaints */
	}
}

static void on_end(struct child *c)
{
	struct board_child *b = c->data;
	board_console_finish(&b->console);
}

/* Runs QEMU on `image` to its end; false when the loop itself failed. */
static bool run_qemu(struct board_child *b, const struct board_run_options *o, double timeout_s)
{
	uv_loop_t loop;
	int err = uv_loop_init(&loop);
	if (err != 0) {
		fprintf(o->report, "pwsim: board run: event loop: %s\n", uv_strerror(err));
		return false;
	}
	char *args[] = {(char *)qemu_path(),
			"-M",
			(char *)o->board->qemu_machine,
			"-bios",
			"none",
			"-nographic",
			"-cpu",
			QEMU_CPU,
			"-icount",
			"shift=0,sleep=off",
			"-kernel",
			(char *)o->image,
			NULL};
	b->child.data = b;
	b->child.on_output = on_output;
	b->child.on_end = on_end;
	b->child.on_closed = NULL;
	child_start(&loop, &b->child, args[0], args, (uint64_t)(timeout_s * 1000.0), false);
	uv_run(&loop, UV_RUN_DEFAULT);
	return uv_loop_close(&loop) == 0;
}

/* What QEMU's exit status should be for the end the kernel printed: the
 * SiFive test device's codes (SPEC.md, "qemu-virt exit"). */
static int64_t device_status(const struct board_console *bc)
{
	switch (bc->end) {
	case BOARD_END_SHUTDOWN:
		return bc->status & 0xff;
	case BOARD_END_DEADLOCK:
		return 0xfd;
	case BOARD_END_IDLE:
		return 0xfe;
	case BOARD_END_PANIC:
		return 0xff;
	case BOARD_END_NONE:
		break;
	}
	return -1;
}

static int timed_out(const struct board_child *b, const struct board_run_options *o,
		     double timeout_s)
{
	char why[160];
	if (o->timeout_s > 0) {
		snprintf(why, sizeof(why), "--timeout");
	} else {
		snprintf(why, sizeof(why),
			 "%d s per second of time_limit_ms, at least %d s; --timeout SECONDS "
			 "sets it",
			 BOARD_TIMEOUT_FACTOR, BOARD_TIMEOUT_FLOOR_S);
	}
	fprintf(o->report, "pwsim: %s: no end within %.1f s of wall time (%s): %s killed%s\n",
		o->image, timeout_s, why, qemu_path(),
		b->console.end != BOARD_END_NONE
			? " after the kernel's last line: the exit device did not stop it"
			: "");
	return PWSIM_EXIT_TIMEOUT;
}

/* The exit status of an end only a board run has, after its one-line
 * error; -1 when the kernel's final pwk: line decides. */
static int board_failure(const struct board_child *b, const struct board_run_options *o,
			 double timeout_s)
{
	const struct child *c = &b->child;
	if (c->spawn_error != 0) {
		fprintf(o->report,
			"pwsim: cannot start %s: %s (install qemu-system-misc, or set PWSIM_QEMU "
			"to the emulator)\n",
			qemu_path(), uv_strerror(c->spawn_error));
		return PWSIM_EXIT_NO_EMULATOR;
	}
	if (c->timed_out) {
		return timed_out(b, o, timeout_s);
	}
	if (b->console.end == BOARD_END_NONE) {
		fprintf(o->report, "pwsim: %s: the output ended without a final pwk: line (%s ",
			o->image, qemu_path());
		if (c->term_signal != 0) {
			fprintf(o->report, "was killed by signal %d)\n", c->term_signal);
		} else {
			fprintf(o->report, "exited with status %lld)\n", (long long)c->exit_status);
		}
		return PWSIM_EXIT_NO_END;
	}
	if (c->term_signal != 0 || c->exit_status != device_status(&b->console)) {
		fprintf(o->report,
			"pwsim: note: %s exited with status %lld (signal %d), not the %lld the "
			"board's exit device gives for the kernel's last line\n",
			qemu_path(), (long long)c->exit_status, c->term_signal,
			(long long)device_status(&b->console));
	}
	return b->console.end == BOARD_END_PANIC ? PWSIM_EXIT_PANIC : -1;
}

/* The kernel's end as a host run's result, checked as a host run's is. */
static int verdict(const struct scenario *s, const struct board_console *bc, FILE *report)
{
	struct run_result r = {.ran = true};
	r.outcome.kind = board_end_outcome(bc->end);
	r.outcome.code = bc->status;
	r.outcome.end_time = bc->end_time;
	r.outcome.faults = bc->faults;
	/* A host run would have stopped at the limit: end it there too. */
	if (bc->end_time > s->sim.time_limit) {
		sim_report_end(report, s, HOST_OUTCOME_TIME_LIMIT, 0, bc->end_time, false);
		r.outcome.kind = HOST_OUTCOME_TIME_LIMIT;
	}
	return sim_expect_check(s, &r, board_console_text(bc), report);
}

int board_run(const struct scenario *s, const struct board_run_options *o)
{
	struct board_child *b = calloc(1, sizeof(*b));
	if (b == NULL) {
		fprintf(o->report, "pwsim: out of memory\n");
		return PWSIM_EXIT_BAD_INPUT;
	}
	b->report = o->report;
	board_console_init(&b->console, s, o->console, o->report);
	double timeout_s = timeout_of(s, o);
	int code = PWSIM_EXIT_BAD_INPUT;
	if (run_qemu(b, o, timeout_s)) {
		if (b->child.spawn_error == 0) {
			fprintf(o->report, "pwsim: board %s: %s: %u faults\n", o->board->name,
				o->image, b->console.faults);
		}
		code = board_failure(b, o, timeout_s);
		code = code >= 0 ? code : verdict(s, &b->console, o->report);
	}
	board_console_free(&b->console);
	free(b);
	return code;
}
