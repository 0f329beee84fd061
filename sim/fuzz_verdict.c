/*
 * fuzz_verdict.c — what counts as a finding (docs/fuzzing.md, "Findings").
 * In order of precedence: the handler faulted; debug_shutdown with an error
 * status; the kernel refused one of the handler's syscalls for a reason
 * only the handler controls; the handler did not answer in time (or the
 * run never ended while the driver still ran); an expectation of the
 * scenario that does not describe the replaced initiator broke. A kernel
 * panic never gets here: hal_panic aborts (fuzz_entry.c turns that into
 * libFuzzer's crash). Statuses a well-behaved handler can get because of
 * what the initiator did (UNAVAILABLE after a cancel, OUT_OF_RANGE for a
 * response larger than a short receive buffer) are not findings.
 */
#include "fuzz_verdict.h"

#include <stdarg.h>
#include <string.h>

#include <pwk/hal.h>

#include "expect.h"
#include "fuzz_input.h"

void fuzz_observe_start(struct fuzz_target *t)
{
	t->seen = (struct fuzz_observed){
		.fault_thread = PWK_NONE,
		.rejected_thread = PWK_NONE,
		.shutdown_thread = PWK_NONE,
	};
}

static uint32_t process_of(const struct fuzz_target *t, uint32_t thread)
{
	const struct pwk_system_desc *d = &t->sys.desc.desc;
	return thread < d->thread_count ? d->threads[thread].process : PWK_NONE;
}

static void reject(struct fuzz_target *t, const struct pwk_trace_record *r, const char *reason)
{
	if (t->seen.rejected_thread == PWK_NONE) {
		t->seen.rejected_thread = r->thread;
		t->seen.rejected_syscall = r->a;
		t->seen.rejected_status = r->b;
		t->seen.rejected_reason = reason;
	}
}

void fuzz_observe_record(void *ctx, uint64_t time, const struct pwk_trace_record *r)
{
	(void)time;
	struct fuzz_target *t = ctx;
	uint32_t p = process_of(t, r->thread);
	switch (r->kind) {
	case PWK_TRACE_SYSCALL_ENTER:
		if (r->a == PWK_SYSCALL_DEBUG_SHUTDOWN && t->seen.shutdown_thread == PWK_NONE) {
			t->seen.shutdown_thread = r->thread;
		}
		break;
	case PWK_TRACE_FAULT:
		if (r->a == t->plan.handler_process && t->seen.fault_thread == PWK_NONE) {
			t->seen.fault_thread = r->thread;
		}
		if (r->a == t->plan.driver_process) {
			t->seen.driver_exited = true;
		}
		break;
	case PWK_TRACE_EXIT:
		if (p == t->plan.driver_process) {
			t->seen.driver_exited = true;
		}
		break;
	case PWK_TRACE_USER_ERROR:
		if (p == t->plan.handler_process) {
			reject(t, r, r->reason);
		}
		break;
	case PWK_TRACE_SYSCALL_EXIT:
		/* The handler can know the request's length (channel_read
		 * returns it); reading past it is its own mistake. */
		if (p == t->plan.handler_process && r->a == PWK_SYSCALL_CHANNEL_READ &&
		    r->b == PWK_OUT_OF_RANGE) {
			reject(t, r, "offset past the end of the request");
		}
		break;
	default:
		break;
	}
}

static struct fuzz_verdict verdict(fuzz_kind_t kind, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static struct fuzz_verdict verdict(fuzz_kind_t kind, const char *fmt, ...)
{
	struct fuzz_verdict v = {.kind = kind};
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(v.text, sizeof(v.text), fmt, ap);
	va_end(ap);
	return v;
}

static const char *status_name(uint32_t status)
{
	const char *name = pwk_status_name(status);
	return name != NULL ? name : "not a pw_status";
}

static const char *thread_name(const struct fuzz_target *t, uint32_t thread)
{
	return thread < t->sys.desc.desc.thread_count ? t->sys.desc.desc.threads[thread].name : "?";
}

static const char *process_name(const struct fuzz_target *t, uint32_t p)
{
	return p < t->scenario->system.process_count ? t->scenario->system.processes[p].name : "?";
}

/* The scenario's virtual time bound, and those of its console expectations
 * that apply (fuzz_target.h: expect_applies), hold in every fuzz run. */
static bool expectations_hold(const struct fuzz_target *t, const struct run_result *r,
			      struct fuzz_verdict *v)
{
	const struct scenario_expect *x = &t->scenario->expect;
	if (x->max_virtual_time != 0 && r->outcome.end_time > x->max_virtual_time) {
		*v = verdict(FUZZ_EXPECTATION,
			     "expectation failed: ran for %llu ns of virtual time, more than the "
			     "expected maximum %llu ns",
			     (unsigned long long)r->outcome.end_time,
			     (unsigned long long)x->max_virtual_time);
		return false;
	}
	const char *from = host_console_text();
	for (size_t i = 0; !t->baseline && i < x->console_count; i++) {
		const char *want = x->console[i];
		if (!t->expect_applies[i]) {
			continue;
		}
		if (!sim_expect_find_line(want, &from)) {
			*v = verdict(FUZZ_EXPECTATION,
				     "expectation failed: console line containing \"%s\" never "
				     "appeared (in order)",
				     want);
			return false;
		}
	}
	return true;
}

static struct fuzz_verdict judge_end(const struct fuzz_target *t, const struct run_result *r)
{
	const struct host_outcome *out = &r->outcome;
	const char *handler = process_name(t, t->plan.handler_process);
	uint32_t by = process_of(t, t->seen.shutdown_thread);
	switch (out->kind) {
	case HOST_OUTCOME_SHUTDOWN:
		if (out->code == 0) {
			return verdict(FUZZ_CLEAN, "%s", "");
		}
		if (by == t->plan.driver_process &&
		    PWK_FUZZ_EXIT_KIND(out->code) == PWK_FUZZ_EXIT_NO_RESPONSE) {
			return verdict(FUZZ_NO_RESPONSE,
				       "the handler '%s' did not respond to operation %u within "
				       "%llu ns of virtual time",
				       handler, out->code & 0xffffu,
				       (unsigned long long)t->response_budget);
		}
		return verdict(FUZZ_SHUTDOWN_ERROR,
			       "process '%s' (thread '%s') called debug_shutdown(%u = %s)",
			       process_name(t, by), thread_name(t, t->seen.shutdown_thread),
			       out->code, status_name(out->code));
	case HOST_OUTCOME_TIME_LIMIT:
	case HOST_OUTCOME_WATCHDOG:
	case HOST_OUTCOME_DEADLOCK:
	case HOST_OUTCOME_IDLE:
		if (t->seen.driver_exited) {
			/* The driver died on purpose: nobody ends the run, and
			 * a handler waiting for ever is right. */
			return verdict(FUZZ_CLEAN, "%s", "");
		}
		return verdict(FUZZ_NO_RESPONSE,
			       "the run ended in %s at %llu ns of virtual time while the fuzz "
			       "driver still waited for the handler '%s'",
			       out->kind == HOST_OUTCOME_TIME_LIMIT ? "its time limit"
			       : out->kind == HOST_OUTCOME_WATCHDOG ? "the watchdog"
			       : out->kind == HOST_OUTCOME_DEADLOCK ? "a deadlock"
								    : "idle",
			       (unsigned long long)out->end_time, handler);
	case HOST_OUTCOME_BOOT_FAILED:
		break;
	}
	return verdict(FUZZ_NOT_RUN, "the system did not boot (status %u)", out->code);
}

struct fuzz_verdict fuzz_verdict_of(const struct fuzz_target *t, const struct run_result *r)
{
	const char *handler = process_name(t, t->plan.handler_process);
	if (!r->ran) {
		return verdict(FUZZ_NOT_RUN, "%s", "the system could not be set up");
	}
	if (t->seen.fault_thread != PWK_NONE) {
		return verdict(FUZZ_HANDLER_FAULT, "the handler '%s' faulted (thread '%s')",
			       handler, thread_name(t, t->seen.fault_thread));
	}
	struct fuzz_verdict end = judge_end(t, r);
	if (end.kind == FUZZ_SHUTDOWN_ERROR || end.kind == FUZZ_NOT_RUN) {
		return end;
	}
	if (t->seen.rejected_thread != PWK_NONE) {
		const char *name = pwk_syscall_name(t->seen.rejected_syscall & 0xffffu);
		return verdict(FUZZ_REJECTED,
			       "the kernel refused the handler '%s''s %s (thread '%s'): %s (%s)",
			       handler, name != NULL ? name : "syscall",
			       thread_name(t, t->seen.rejected_thread),
			       status_name(t->seen.rejected_status),
			       t->seen.rejected_reason != NULL ? t->seen.rejected_reason : "?");
	}
	if (end.kind != FUZZ_CLEAN) {
		return end;
	}
	struct fuzz_verdict v = end;
	(void)expectations_hold(t, r, &v);
	return v;
}

const char *fuzz_kind_name(fuzz_kind_t kind)
{
	switch (kind) {
	case FUZZ_CLEAN:
		return "clean";
	case FUZZ_HANDLER_FAULT:
		return "handler fault";
	case FUZZ_SHUTDOWN_ERROR:
		return "shutdown with an error";
	case FUZZ_REJECTED:
		return "syscall refused by the kernel";
	case FUZZ_NO_RESPONSE:
		return "no response";
	case FUZZ_EXPECTATION:
		return "expectation failed";
	case FUZZ_NOT_RUN:
		return "not run";
	}
	return "?";
}
