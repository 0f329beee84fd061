/*
 * trace_recent.c — the last TRACE_RECENT_MAX scheduling, IPC and fault
 * records of a run, kept in a ring, and their listing for `pwsim replay`:
 * the interleaving that led to a failure, one line per event, in virtual
 * time. Syscall entries and exits are left out; a switch says why the
 * previous thread left the CPU, which is usually what matters.
 */
#include <pwk/abi.h>

#include "trace_internal.h"

enum {
	FROM_BOOT,      /* the first switch */
	FROM_PREEMPTED, /* it was in user mode */
	FROM_BLOCKED,   /* it blocked in from_syscall */
	FROM_WOKEN,     /* woken in from_syscall but another thread came first */
	FROM_EXITED,
};

static bool notable(pwk_trace_kind_t kind)
{
	return kind != PWK_TRACE_SYSCALL_ENTER && kind != PWK_TRACE_SYSCALL_EXIT;
}

void trace_recent_note(struct trace_export *t, uint64_t time, const struct pwk_trace_record *r)
{
	if (!notable(r->kind)) {
		return;
	}
	struct trace_recent *e = &t->recent[t->recent_count % TRACE_RECENT_MAX];
	*e = (struct trace_recent){.time = time, .record = *r, .from_state = FROM_BOOT};
	t->recent_count++;
	if (r->kind != PWK_TRACE_SWITCH || !trace_thread_valid(t, r->thread)) {
		return;
	}
	const struct trace_thread *th = &t->threads[r->thread];
	e->from_syscall = th->syscall_id;
	e->from_state = th->exited        ? FROM_EXITED
			: !th->in_syscall ? FROM_PREEMPTED
			: th->woken       ? FROM_WOKEN
					  : FROM_BLOCKED;
}

static const char *thread_text(const struct trace_export *t, uint32_t thread, char *buf, size_t cap)
{
	if (!trace_thread_valid(t, thread)) {
		snprintf(buf, cap, "(kernel)");
		return buf;
	}
	const struct cfg_process *p = &t->sys->processes[t->threads[thread].process];
	snprintf(buf, cap, "%s/%s", p->name, p->threads[thread - t->first_thread[p->index]].name);
	return buf;
}

static const char *object_text(const struct trace_export *t, uint32_t object, bool with_process,
			       char *buf, size_t cap)
{
	if (!trace_object_valid(t, object)) {
		snprintf(buf, cap, "object %u", object);
		return buf;
	}
	const struct cfg_process *p = &t->sys->processes[t->object_process[object]];
	const char *name = p->objects[object - t->first_object[p->index]].name;
	snprintf(buf, cap, "%s%s%s", with_process ? p->name : "", with_process ? ":" : "", name);
	return buf;
}

static void switch_text(const struct trace_export *t, const struct trace_recent *e, char *buf,
			size_t cap)
{
	char to[160], call_buf[40];
	thread_text(t, e->record.a, to, sizeof(to));
	const char *call = trace_syscall_name(e->from_syscall, call_buf, sizeof(call_buf));
	switch (e->from_state) {
	case FROM_BOOT:
		snprintf(buf, cap, "-> %s  (first switch)", to);
		break;
	case FROM_PREEMPTED:
		snprintf(buf, cap, "-> %s  (switch: preempted)", to);
		break;
	case FROM_BLOCKED:
		snprintf(buf, cap, "-> %s  (switch: blocked in %s)", to, call);
		break;
	case FROM_WOKEN:
		snprintf(buf, cap, "-> %s  (switch: woken in %s, not yet running)", to, call);
		break;
	default:
		snprintf(buf, cap, "-> %s  (switch: exited)", to);
		break;
	}
}

static void event_text(const struct trace_export *t, const struct trace_recent *e, char *buf,
		       size_t cap)
{
	const struct pwk_trace_record *r = &e->record;
	char a[160], b[160];
	switch (r->kind) {
	case PWK_TRACE_SWITCH:
		switch_text(t, e, buf, cap);
		return;
	case PWK_TRACE_WAKE:
		trace_signals_text(r->a, a, sizeof(a));
		if (r->b == PWK_OK) {
			snprintf(buf, cap, "woken: %s", a);
		} else {
			snprintf(buf, cap, "woken: %s (signals %s)", trace_status_name(r->b), a);
		}
		return;
	case PWK_TRACE_TRANSACT:
		snprintf(buf, cap, "transact %s -> %s", object_text(t, r->a, false, a, sizeof(a)),
			 object_text(t, r->b, true, b, sizeof(b)));
		return;
	case PWK_TRACE_RESPOND:
		snprintf(buf, cap, "respond %u byte%s on %s", r->b, r->b == 1 ? "" : "s",
			 object_text(t, r->a, false, a, sizeof(a)));
		return;
	case PWK_TRACE_FAULT:
		snprintf(buf, cap, "fault: the kernel terminates process %s",
			 r->a < t->sys->process_count ? t->sys->processes[r->a].name : "?");
		return;
	case PWK_TRACE_EXIT:
		snprintf(buf, cap, "exit: %s %u", trace_exit_tag_name(r->a), r->b);
		return;
	case PWK_TRACE_USER_ERROR:
		snprintf(buf, cap, "user error: %s -> %s: %s",
			 trace_syscall_name(r->a, a, sizeof(a)), trace_status_name(r->b),
			 r->reason != NULL ? r->reason : "");
		return;
	default:
		snprintf(buf, cap, "record %u", (unsigned)r->kind);
		return;
	}
}

void trace_export_print_recent(const struct trace_export *t, FILE *out, size_t count)
{
	uint64_t kept = t->recent_count < TRACE_RECENT_MAX ? t->recent_count : TRACE_RECENT_MAX;
	if (count > kept) {
		count = (size_t)kept;
	}
	fprintf(out,
		"pwsim: the last %zu of %llu scheduling, IPC and fault events (virtual time):\n",
		count, (unsigned long long)t->recent_count);
	for (uint64_t i = t->recent_count - count; i < t->recent_count; i++) {
		const struct trace_recent *e = &t->recent[i % TRACE_RECENT_MAX];
		char who[160], text[512];
		if (e->record.kind == PWK_TRACE_SWITCH &&
		    !trace_thread_valid(t, e->record.thread)) {
			snprintf(who, sizeof(who), "(boot)");
		} else {
			thread_text(t, e->record.thread, who, sizeof(who));
		}
		event_text(t, e, text, sizeof(text));
		fprintf(out, "  %8llu.%03llu us  %-28s  %s\n", (unsigned long long)(e->time / 1000),
			(unsigned long long)(e->time % 1000), who, text);
	}
}
