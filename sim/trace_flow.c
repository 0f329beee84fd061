/*
 * trace_flow.c — one flow arrow per channel transaction, with a fresh id:
 *
 *   s  "request" marker in the initiator's transact syscall (TRANSACT)
 *   t  the handler's first successful channel_read of it (its syscall)
 *   t  the handler's channel_respond (RESPOND)
 *   f  "response" marker where the initiator collects the answer: the WAKE
 *      that ends its channel_transact, or for an async transaction the
 *      syscall on its initiator (or the object_wait) that sees it.
 *
 * A transaction that ends otherwise still gets its "f": "no response" when
 * channel_transact is woken without one (deadline, peer gone: the marker
 * has the wake-up's signals and status) or the initiator exits, "cancelled"
 * on channel_async_cancel, "unfinished" at the end of the run.
 *
 * Perfetto draws an arrow from the end of the slice holding one flow event
 * to the start of the slice holding the next, so each event sits in a
 * slice that ends (markers are zero-length) or starts (read, respond) at
 * the event's time.
 *
 * State: the pending transaction of each channel handler (the kernel allows
 * one at a time), indexed by the handler's global object index.
 */
#include <pwk/abi.h>

#include "trace_internal.h"

/* Ends transaction `handler` with a marker on its initiator's track. `why`
 * (or NULL) says why it ended without a response; `wake` (or NULL) is the
 * WAKE record that ended it. */
static void finish(struct trace_export *t, uint32_t handler, uint64_t ts, const char *name,
		   const char *why, const struct pwk_trace_record *wake)
{
	struct trace_txn *x = &t->txns[handler];
	uint32_t thread = x->initiator_thread;
	trace_marker_begin(t, thread, ts, name);
	trace_arg_object(t, "initiator", x->initiator_object);
	trace_arg_u64(t, "transaction", x->id);
	if (x->responded) {
		trace_arg_u64(t, "length", x->response_len);
	}
	if (why != NULL) {
		trace_arg_str(t, "why", why);
	}
	if (wake != NULL) {
		trace_arg_signals(t, "signals", wake->a);
		trace_arg_str(t, "status", trace_status_name(wake->b));
	}
	trace_marker_end(t, thread, ts, 'f', x->id);
	t->threads[thread].open_txns--;
	*x = (struct trace_txn){0};
}

/* Finishes the transactions of `thread` that its current syscall settles.
 * `wake` is the WAKE record, or NULL at SYSCALL_ENTER. */
static void settle(struct trace_export *t, uint32_t thread, uint64_t ts,
		   const struct pwk_trace_record *wake)
{
	const struct trace_thread *th = &t->threads[thread];
	if (!th->in_syscall) {
		return;
	}
	for (uint32_t o = 0; th->open_txns > 0 && o < t->object_count; o++) {
		const struct trace_txn *x = &t->txns[o];
		if (x->id == 0 || x->initiator_thread != thread) {
			continue;
		}
		bool on_it = th->syscall_object == x->initiator_object;
		if (x->responded && (on_it || th->syscall_id == PWK_SYSCALL_OBJECT_WAIT)) {
			finish(t, o, ts, "response", NULL, NULL);
		} else if (on_it && th->syscall_id == PWK_SYSCALL_CHANNEL_ASYNC_CANCEL) {
			finish(t, o, ts, "cancelled", NULL, NULL);
		} else if (on_it && th->syscall_id == PWK_SYSCALL_CHANNEL_TRANSACT &&
			   wake != NULL) {
			finish(t, o, ts, "no response", "woken without one", wake);
		}
	}
}

void trace_flow_transact(struct trace_export *t, uint32_t thread, uint64_t ts, uint32_t initiator,
			 uint32_t handler)
{
	if (!trace_object_valid(t, handler)) {
		return;
	}
	struct trace_txn *x = &t->txns[handler];
	if (x->id != 0) {
		/* The kernel refuses a second transaction on a busy handler,
		 * so this is a record lost on the way: close the old flow. */
		finish(t, handler, ts, "no response", "a new transaction started", NULL);
	}
	*x = (struct trace_txn){
		.id = ++t->next_flow_id,
		.initiator_thread = thread,
		.initiator_object = initiator,
	};
	t->threads[thread].open_txns++;
	trace_marker_begin(t, thread, ts, "request");
	trace_arg_object(t, "initiator", initiator);
	trace_arg_object(t, "handler", handler);
	trace_arg_u64(t, "transaction", x->id);
	trace_marker_end(t, thread, ts, 's', x->id);
}

void trace_flow_respond(struct trace_export *t, uint32_t thread, uint64_t ts, uint32_t handler,
			uint32_t len)
{
	if (!trace_object_valid(t, handler) || t->txns[handler].id == 0 ||
	    t->txns[handler].responded) {
		return;
	}
	struct trace_txn *x = &t->txns[handler];
	trace_flow_event(t, 't', thread, ts, x->id);
	x->responded = true;
	x->response_len = len;
}

void trace_flow_enter(struct trace_export *t, uint32_t thread, uint64_t ts)
{
	settle(t, thread, ts, NULL);
}

void trace_flow_exit(struct trace_export *t, uint32_t thread, uint64_t ts, uint32_t status)
{
	const struct trace_thread *th = &t->threads[thread];
	if (th->syscall_id != PWK_SYSCALL_CHANNEL_READ || status != PWK_OK ||
	    th->syscall_object == PWK_NONE) {
		return;
	}
	struct trace_txn *x = &t->txns[th->syscall_object];
	if (x->id == 0 || x->read || x->responded) {
		return;
	}
	trace_flow_event(t, 't', thread, ts, x->id);
	x->read = true;
}

void trace_flow_wake(struct trace_export *t, uint32_t thread, uint64_t ts,
		     const struct pwk_trace_record *wake)
{
	settle(t, thread, ts, wake);
}

void trace_flow_thread_exit(struct trace_export *t, uint32_t thread, uint64_t ts)
{
	for (uint32_t o = 0; t->threads[thread].open_txns > 0 && o < t->object_count; o++) {
		if (t->txns[o].id != 0 && t->txns[o].initiator_thread == thread) {
			finish(t, o, ts, "no response", "the initiator exited", NULL);
		}
	}
}

void trace_flow_finish_all(struct trace_export *t, uint64_t ts)
{
	for (uint32_t o = 0; o < t->object_count; o++) {
		if (t->txns[o].id != 0) {
			finish(t, o, ts, "unfinished", "the run ended", NULL);
		}
	}
}
