/*
 * expect.c — expectation checks. Console expectations are substrings that
 * must each appear within one console line, in the order given (a later
 * expectation is searched after the line that matched the previous one).
 */
#include "expect.h"

#include <string.h>

static sim_outcome_t outcome_of(host_outcome_kind_t k)
{
	switch (k) {
	case HOST_OUTCOME_DEADLOCK:
		return SIM_OUTCOME_DEADLOCK;
	case HOST_OUTCOME_IDLE:
		return SIM_OUTCOME_IDLE;
	case HOST_OUTCOME_TIME_LIMIT:
		return SIM_OUTCOME_TIME_LIMIT;
	case HOST_OUTCOME_SHUTDOWN:
	case HOST_OUTCOME_BOOT_FAILED:
	case HOST_OUTCOME_WATCHDOG:
		break;
	}
	return SIM_OUTCOME_SHUTDOWN;
}

/* Finds `needle` within a single line of `text` at or after `*from`. */
bool sim_expect_find_line(const char *needle, const char **from)
{
	for (const char *line = *from; *line != '\0';) {
		const char *end = strchr(line, '\n');
		size_t len = end ? (size_t)(end - line) : strlen(line);
		size_t n = strlen(needle);
		for (size_t i = 0; n <= len && i <= len - n; i++) {
			if (memcmp(line + i, needle, n) == 0) {
				*from = end ? end + 1 : line + len;
				return true;
			}
		}
		line = end ? end + 1 : line + len;
	}
	return false;
}

static int check_console(const struct scenario *s, const char *console, FILE *report)
{
	const char *from = console;
	for (size_t i = 0; i < s->expect.console_count; i++) {
		if (!sim_expect_find_line(s->expect.console[i], &from)) {
			fprintf(report,
				"pwsim: expectation failed: console line containing \"%s\" "
				"%s\n",
				s->expect.console[i],
				i == 0 ? "never appeared"
				       : "did not appear after the previous one");
			return PWSIM_EXIT_EXPECTATION;
		}
	}
	return PWSIM_EXIT_OK;
}

int sim_expect_check(const struct scenario *s, const struct run_result *r, const char *console,
		     FILE *report)
{
	if (!r->ran || r->outcome.kind == HOST_OUTCOME_BOOT_FAILED) {
		return PWSIM_EXIT_BAD_INPUT;
	}
	if (r->outcome.kind == HOST_OUTCOME_WATCHDOG) {
		return PWSIM_EXIT_STUCK; /* never an expected end: reported by run.c */
	}
	const struct scenario_expect *x = &s->expect;
	sim_outcome_t got = outcome_of(r->outcome.kind);
	if (got != x->outcome) {
		fprintf(report, "pwsim: expectation failed: the run ended in %s, expected %s\n",
			sim_outcome_name(got), sim_outcome_name(x->outcome));
		if (got == SIM_OUTCOME_SHUTDOWN) {
			return r->outcome.code != 0 && r->outcome.code <= 255
				       ? (int)r->outcome.code
				       : PWSIM_EXIT_EXPECTATION;
		}
		return PWSIM_EXIT_STUCK;
	}
	if (got == SIM_OUTCOME_SHUTDOWN && r->outcome.code != x->exit_status) {
		fprintf(report, "pwsim: expectation failed: shutdown status %u, expected %u\n",
			r->outcome.code, x->exit_status);
		/* The command exits with the system's status where it can. */
		return r->outcome.code != 0 && r->outcome.code <= 255 ? (int)r->outcome.code
								      : PWSIM_EXIT_EXPECTATION;
	}
	if (x->max_virtual_time != 0 && r->outcome.end_time > x->max_virtual_time) {
		fprintf(report,
			"pwsim: expectation failed: ran for %llu ns of virtual time, more "
			"than the expected maximum %llu ns\n",
			(unsigned long long)r->outcome.end_time,
			(unsigned long long)x->max_virtual_time);
		return PWSIM_EXIT_EXPECTATION;
	}
	return check_console(s, console, report);
}
