/*
 * trace_tracks.c — turns a run's trace records into thread tracks as they
 * arrive: each thread's track alternates "running" (user mode, on the CPU),
 * syscall slices (ENTER..EXIT, named after the syscall) and "preempted";
 * inside a blocking syscall a "waiting" child runs until the WAKE and a
 * "runnable" child from the WAKE until the thread has the CPU again.
 * Wake-ups, user errors, faults and exits are instants. trace_flow.c adds
 * the IPC arrows.
 *
 * Why a blocked thread's "waiting" starts at its last own record and not at
 * the SWITCH: the kernel charges a syscall's cost before SYSCALL_ENTER, so
 * nothing inside the syscall moves the clock except the idle jump to the
 * next deadline, which happens before the SWITCH record is emitted.
 */
#include <pwk/abi.h>

#include "trace_internal.h"

bool trace_thread_valid(const struct trace_export *t, uint32_t thread)
{
	return thread < t->thread_count;
}

bool trace_object_valid(const struct trace_export *t, uint32_t object)
{
	return object < t->object_count;
}

uint32_t trace_handle_object(const struct trace_export *t, uint32_t thread, uint64_t handle)
{
	const struct cfg_process *p = &t->sys->processes[t->threads[thread].process];
	return handle < p->object_count ? t->first_object[p->index] + (uint32_t)handle : PWK_NONE;
}

static const char *const slice_names[] = {
	[TRACE_SLICE_RUNNING] = "running",   [TRACE_SLICE_PREEMPTED] = "preempted",
	[TRACE_SLICE_SYSCALL] = NULL,        [TRACE_SLICE_WAITING] = "waiting",
	[TRACE_SLICE_RUNNABLE] = "runnable", [TRACE_SLICE_MARKER] = NULL,
};

/* Writes the B of a slice and leaves the event open for args. Returns false
 * (writing nothing) if the track's stack is full, which the fixed nesting
 * of tracks never allows. */
static bool push_open(struct trace_export *t, uint32_t thread, uint64_t ts, trace_slice_kind_t kind,
		      const char *name, const char *cat)
{
	struct trace_thread *th = &t->threads[thread];
	if (th->depth == TRACE_DEPTH_MAX) {
		return false;
	}
	th->stack[th->depth++] = (uint8_t)kind;
	trace_event_begin(t, 'B', thread, ts, name != NULL ? name : slice_names[kind], cat);
	return true;
}

static void push(struct trace_export *t, uint32_t thread, uint64_t ts, trace_slice_kind_t kind)
{
	if (push_open(t, thread, ts, kind, NULL, "sched")) {
		trace_event_end(t);
	}
}

/* Writes the E of the innermost slice and leaves it open for args. */
static void pop_open(struct trace_export *t, uint32_t thread, uint64_t ts)
{
	struct trace_thread *th = &t->threads[thread];
	th->depth--;
	trace_event_begin(t, 'E', thread, ts, NULL, NULL);
}

static void pop(struct trace_export *t, uint32_t thread, uint64_t ts)
{
	pop_open(t, thread, ts);
	trace_event_end(t);
}

static int top(const struct trace_thread *th)
{
	return th->depth == 0 ? -1 : th->stack[th->depth - 1];
}

/* Closes slices until `depth` remain. */
static void pop_to(struct trace_export *t, uint32_t thread, uint64_t ts, uint8_t depth)
{
	while (t->threads[thread].depth > depth) {
		pop(t, thread, ts);
	}
}

void trace_marker_begin(struct trace_export *t, uint32_t thread, uint64_t ts, const char *name)
{
	if (!push_open(t, thread, ts, TRACE_SLICE_MARKER, name, "ipc")) {
		return;
	}
	trace_event_args(t);
}

void trace_marker_end(struct trace_export *t, uint32_t thread, uint64_t ts, char flow_ph,
		      uint64_t id)
{
	if (top(&t->threads[thread]) != TRACE_SLICE_MARKER) {
		return; /* trace_marker_begin() found the stack full */
	}
	trace_event_end(t);
	trace_flow_event(t, flow_ph, thread, ts, id);
	pop(t, thread, ts);
}

static void instant_begin(struct trace_export *t, uint32_t thread, uint64_t ts, const char *name)
{
	trace_event_begin(t, 'i', thread, ts, name, "event");
	trace_event_args(t);
}

static void switch_out(struct trace_export *t, uint32_t thread, uint64_t ts)
{
	struct trace_thread *th = &t->threads[thread];
	th->on_cpu = false;
	if (th->exited) {
		return;
	}
	if (!th->in_syscall) {
		pop_to(t, thread, ts, 0);
		push(t, thread, ts, TRACE_SLICE_PREEMPTED);
	} else if (th->woken) {
		push(t, thread, ts, TRACE_SLICE_RUNNABLE);
	} else {
		push(t, thread, th->active_ts, TRACE_SLICE_WAITING);
	}
}

static void switch_in(struct trace_export *t, uint32_t thread, uint64_t ts)
{
	struct trace_thread *th = &t->threads[thread];
	th->on_cpu = true;
	th->exited = false;
	th->active_ts = ts;
	pop_to(t, thread, ts, th->in_syscall ? 1 : 0);
	if (!th->in_syscall) {
		push(t, thread, ts, TRACE_SLICE_RUNNING);
	}
}

static void on_enter(struct trace_export *t, uint32_t thread, uint64_t ts, uint32_t id,
		     uint32_t arg0)
{
	struct trace_thread *th = &t->threads[thread];
	th->active_ts = ts;
	pop_to(t, thread, ts, 0);
	char name_buf[40];
	const char *name = trace_syscall_name(id, name_buf, sizeof(name_buf));
	uint32_t object =
		trace_syscall_takes_handle(id) ? trace_handle_object(t, thread, arg0) : PWK_NONE;
	if (push_open(t, thread, ts, TRACE_SLICE_SYSCALL, name, "syscall")) {
		trace_event_args(t);
		if (object != PWK_NONE) {
			trace_arg_object(t, "handle", object);
		} else if (id != PWK_SYSCALL_DEBUG_LOG) { /* its arg0 is a pointer */
			trace_arg_u64(t, "arg0", arg0);
		}
		trace_event_end(t);
	}
	th->in_syscall = true;
	th->woken = false;
	th->syscall_id = id;
	th->syscall_object = object;
	trace_flow_enter(t, thread, ts);
}

static void on_exit_syscall(struct trace_export *t, uint32_t thread, uint64_t ts, uint32_t status)
{
	struct trace_thread *th = &t->threads[thread];
	th->active_ts = ts;
	if (th->in_syscall) {
		pop_to(t, thread, ts, 1);
		trace_flow_exit(t, thread, ts, status);
		pop_open(t, thread, ts);
		trace_event_args(t);
		trace_arg_str(t, "status", trace_status_name(status));
		trace_event_end(t);
	}
	th->in_syscall = false;
	th->woken = false;
	if (th->on_cpu) {
		push(t, thread, ts, TRACE_SLICE_RUNNING);
	}
}

static void on_wake(struct trace_export *t, uint64_t ts, const struct pwk_trace_record *wake)
{
	uint32_t thread = wake->thread;
	struct trace_thread *th = &t->threads[thread];
	if (th->in_syscall && th->on_cpu && !th->woken && ts > th->active_ts) {
		/* Blocked and woken with no switch in between: the whole
		 * system was idle until this wake-up. */
		push(t, thread, th->active_ts, TRACE_SLICE_WAITING);
		pop(t, thread, ts);
	} else if (th->in_syscall && !th->on_cpu && top(th) == TRACE_SLICE_WAITING) {
		pop(t, thread, ts);
		push(t, thread, ts, TRACE_SLICE_RUNNABLE);
	}
	instant_begin(t, thread, ts, "wake");
	trace_arg_signals(t, "signals", wake->a);
	trace_arg_str(t, "status", trace_status_name(wake->b));
	trace_event_end(t);
	th->woken = th->in_syscall;
	trace_flow_wake(t, thread, ts, wake);
}

static void on_thread_exit(struct trace_export *t, uint32_t thread, uint64_t ts, uint32_t tag,
			   uint32_t payload)
{
	struct trace_thread *th = &t->threads[thread];
	trace_flow_thread_exit(t, thread, ts);
	instant_begin(t, thread, ts, "exit");
	trace_arg_str(t, "status", trace_exit_tag_name(tag));
	trace_arg_u64(t, "payload", payload);
	trace_event_end(t);
	pop_to(t, thread, ts, 0);
	th->in_syscall = false;
	th->woken = false;
	th->exited = true;
}

static void on_user_error(struct trace_export *t, const struct pwk_trace_record *r, uint64_t ts)
{
	char name[40];
	instant_begin(t, r->thread, ts, "user error");
	trace_arg_str(t, "syscall", trace_syscall_name(r->a, name, sizeof(name)));
	trace_arg_str(t, "status", trace_status_name(r->b));
	trace_arg_str(t, "reason", r->reason != NULL ? r->reason : "");
	trace_event_end(t);
}

static void on_fault(struct trace_export *t, uint32_t thread, uint64_t ts, uint32_t process)
{
	instant_begin(t, thread, ts, "fault");
	if (process < t->sys->process_count) {
		trace_arg_str(t, "process", t->sys->processes[process].name);
	}
	trace_arg_str(t, "effect", "the kernel terminates the process");
	trace_event_end(t);
}

void trace_tracks_record(struct trace_export *t, uint64_t time, const struct pwk_trace_record *r)
{
	if (r->kind == PWK_TRACE_SWITCH) {
		if (trace_thread_valid(t, r->thread)) {
			switch_out(t, r->thread, time);
		}
		if (trace_thread_valid(t, r->a)) {
			switch_in(t, r->a, time);
		}
		return;
	}
	if (!trace_thread_valid(t, r->thread)) {
		return; /* a record from no thread (interrupt context) */
	}
	switch (r->kind) {
	case PWK_TRACE_SYSCALL_ENTER:
		on_enter(t, r->thread, time, r->a, r->b);
		break;
	case PWK_TRACE_SYSCALL_EXIT:
		on_exit_syscall(t, r->thread, time, r->b);
		break;
	case PWK_TRACE_WAKE:
		on_wake(t, time, r);
		break;
	case PWK_TRACE_USER_ERROR:
		on_user_error(t, r, time);
		break;
	case PWK_TRACE_FAULT:
		on_fault(t, r->thread, time, r->a);
		break;
	case PWK_TRACE_EXIT:
		on_thread_exit(t, r->thread, time, r->a, r->b);
		break;
	case PWK_TRACE_TRANSACT:
		trace_flow_transact(t, r->thread, time, r->a, r->b);
		break;
	case PWK_TRACE_RESPOND:
		trace_flow_respond(t, r->thread, time, r->a, r->b);
		break;
	case PWK_TRACE_SWITCH:
		break;
	}
}

void trace_tracks_close(struct trace_export *t, uint64_t ts)
{
	for (uint32_t thread = 0; thread < t->thread_count; thread++) {
		pop_to(t, thread, ts, 0);
	}
}
