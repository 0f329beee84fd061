/* SPDX-License-Identifier: Apache-2.0 */
/*
 * fastpath.c — the IPC fast path, in seL4's shape: a short path for the
 * common case of a round trip, tried first, that checks its preconditions
 * before it changes anything and otherwise leaves the syscall to the full
 * path (syscall.c), which then decodes it again and reports what is wrong.
 *
 * The four syscalls of a round trip (channel_transact; the handler's
 * object_wait, channel_read, channel_respond) are decoded here with only
 * the checks that can fail for a valid call and no user-error bookkeeping:
 * a handle in the caller's table of the right type, flat buffers inside
 * one region with the access, a defined mask. A call that passes is then
 * performed by the same verbs the full path calls, so its statuses,
 * signals and records are the full path's by construction, with one
 * exception each for the two verbs that make a thread run, the point of
 * the fast path. A transact whose handler thread is the only waiter on the
 * handler, blocked there without a deadline for a signal the transaction
 * raises, and would be the next thread to run, starts the transaction and
 * switches straight to that thread (no run queue). A respond whose
 * initiator thread is the only one waiting on the initiator wakes it
 * directly (no notify walk). Both emit the records the full path emits, in
 * the same order (TRANSACT, WAKE, SWITCH; RESPOND, WAKE), so the trace
 * digest is the same with the fast path and without it
 * (tests/sim/test_fastpath.c compares them).
 *
 * The syscall trap's entry is here too (pwk_trap_syscall, at the end), so
 * that the fast path inlines into it; anything it does not take goes to
 * syscall.c's full path.
 */
#include "fastpath.h"

#include <pwk/kernel.h>

#include "assert.h"
#include "channel.h"
#include "sched.h"
#include "timer.h"
#include "trace.h"
#include "uaccess.h"
#include "wait.h"
#include "wait_group.h"

static bool enabled;

/* The fast path's pieces inline into pwk_trap_syscall, always: the
 * inliner's own choice moved with unrelated changes (removing an assertion
 * once moved transact() out of line, +8 instructions per round trip), and
 * the callgrind figure should move only with the code that runs. */
#define FAST static PWK__ALWAYS_INLINE

void pwk__fastpath_reset(bool on)
{
	enabled = on && PWK_FASTPATH;
}

/* An exact deadline of PWK_INSTANT_MAX has passed only at the end of time;
 * a wait without a deadline then fails at once in the full path. */
FAST bool end_of_time(void)
{
	return pwk__timer_exact() && hal_now() == PWK_INSTANT_MAX;
}

/* The channel end `handle` names in `process`'s table if it is of `type`. */
FAST struct pwk_channel_end *end_of(uint32_t process, pwk_word_t handle, pwk_object_type_t type)
{
	uint32_t index;
	struct pwk_object *obj = pwk__object_lookup_quiet(process, handle, &index);
	if (obj == NULL || obj->type != type) {
		return NULL;
	}
	return PWK_CONTAINER_OF(obj, struct pwk_channel_end, obj);
}

/* The thread waiting on `obj` if it is the only one, else NULL. */
FAST struct pwk_thread *sole_waiter(struct pwk_object *obj)
{
	struct pwk_list_node *node = pwk__list_first(&obj->waiters);
	if (node == NULL || pwk__list_next(&obj->waiters, node) != NULL) {
		return NULL;
	}
	return PWK_CONTAINER_OF(node, struct pwk_thread, wait_link);
}

/* The handler thread a transact on `init` can switch to directly, or NULL.
 * The full path would: raise READABLE on the handler (lower WRITEABLE),
 * wake its waiters whose mask matches, queue them, block the caller and run
 * the best ready thread. With one waiter, not yet woken, with no deadline,
 * nothing ready at its priority or above, no wait group on either end and
 * nobody waiting on the initiator, that best thread is this waiter. */
FAST struct pwk_thread *handoff_target(const struct pwk_thread *caller,
				       struct pwk_channel_end *init, struct pwk_channel_end *h,
				       pwk_instant_t deadline)
{
	if (deadline != PWK_INSTANT_MAX || caller->terminating || h->txn != PWK_TXN_NONE ||
	    !pwk__list_empty(&init->obj.waiters) || init->obj.group != NULL ||
	    h->obj.group != NULL) {
		return NULL;
	}
	if (end_of_time()) {
		return NULL;
	}
	struct pwk_thread *w = sole_waiter(&h->obj);
	const pwk_signals_t raised = (h->obj.signals & ~PWK_SIGNAL_WRITEABLE) | PWK_SIGNAL_READABLE;
	if (w == NULL || w->wait.woken || (w->wait.mask & raised) == 0 || w->timer.queued ||
	    !pwk__sched_runs_next(w)) {
		return NULL;
	}
	return w;
}

/* The full path's start() + object_block() for this case, with the handler's
 * wake and the switch done directly. */
FAST pwk_status_t transact_hand_off(struct pwk_thread *caller, struct pwk_channel_end *init,
				    struct pwk_channel_end *h, struct pwk_thread *w,
				    const struct pwk_ubuf *send, const struct pwk_ubuf *recv,
				    size_t *count)
{
	const uint64_t seq = pwk__channel_txn_begin(h, send, recv);
	pwk__trace(PWK_TRACE_TRANSACT, caller->index, init->obj.index, h->obj.index);
	/* Nobody waits on the initiator and neither end is in a group: a
	 * signal update is the assignment alone. */
	init->obj.signals &= ~(PWK_SIGNAL_READABLE | PWK_SIGNAL_WRITEABLE | PWK_SIGNAL_ERROR);
	h->obj.signals = (h->obj.signals & ~PWK_SIGNAL_WRITEABLE) | PWK_SIGNAL_READABLE;
	/* object_notify + sched_wake of the one waiter, but not queued. */
	w->wait.result.user_data = 0;
	w->wait.result.signals = h->obj.signals;
	w->wait.woken = true;
	w->wait.status = PWK_OK;
	pwk__trace(PWK_TRACE_WAKE, w->index, w->wait.result.signals, (uint32_t)PWK_OK);

	pwk__object_wait_begin(caller, &init->obj, init->obj.index,
			       PWK_SIGNAL_READABLE | PWK_SIGNAL_ERROR, PWK_INSTANT_MAX);
	pwk__sched_handoff(w);
	struct pwk_wait_result result;
	pwk_status_t waited = pwk__object_wait_end(caller, &result);
	return pwk__channel_transact_end(init, seq, waited, count);
}

FAST bool transact(struct pwk_thread *caller, const pwk_word_t *a, pwk_syscall_ret_t *ret)
{
	const uint32_t process = caller->process;
	const pwk_word_t handle = PWK__ARG(a, CHANNEL_TRANSACT, handle);
	struct pwk_channel_end *init = end_of(process, handle, PWK_OBJECT_CHANNEL_INITIATOR);
	struct pwk_ubuf send;
	struct pwk_ubuf recv;
	if (init == NULL || init->peer == NULL ||
	    !pwk__ubuf_check_flat(process, PWK__ARG(a, CHANNEL_TRANSACT, send_ptr),
				  PWK__ARG(a, CHANNEL_TRANSACT, send_len), PWK_ACCESS_R, &send) ||
	    !pwk__ubuf_check_flat(process, PWK__ARG(a, CHANNEL_TRANSACT, recv_ptr),
				  PWK__ARG(a, CHANNEL_TRANSACT, recv_len),
				  PWK_ACCESS_R | PWK_ACCESS_W, &recv)) {
		return false;
	}
	const pwk_instant_t deadline = PWK__ARG_INSTANT(a, CHANNEL_TRANSACT, deadline);
	struct pwk_channel_end *h = init->peer;
	struct pwk_thread *w = handoff_target(caller, init, h, deadline);
	pwk__trace_syscall_enter(caller->index, PWK_SYSCALL_CHANNEL_TRANSACT, handle);
	size_t count = 0;
	const pwk_status_t status =
		w != NULL ? transact_hand_off(caller, init, h, w, &send, &recv, &count)
			  : pwk__channel_transact(init, &send, &recv, deadline, &count);
	pwk__syscall_end(caller, PWK_SYSCALL_CHANNEL_TRANSACT, status);
	*ret = pwk__ret_count(status, count);
	return true;
}

FAST bool channel_read(struct pwk_thread *caller, const pwk_word_t *a, pwk_syscall_ret_t *ret)
{
	const uint32_t process = caller->process;
	const pwk_word_t handle = PWK__ARG(a, CHANNEL_READ, handle);
	struct pwk_channel_end *h = end_of(process, handle, PWK_OBJECT_CHANNEL_HANDLER);
	struct pwk_ubuf buf;
	if (h == NULL || !pwk__ubuf_check_flat(process, PWK__ARG(a, CHANNEL_READ, buf_ptr),
					       PWK__ARG(a, CHANNEL_READ, buf_len),
					       PWK_ACCESS_R | PWK_ACCESS_W, &buf)) {
		return false;
	}
	pwk__trace_syscall_enter(caller->index, PWK_SYSCALL_CHANNEL_READ, handle);
	size_t count = 0;
	const pwk_status_t status =
		pwk__channel_read(h, PWK__ARG(a, CHANNEL_READ, offset), &buf, &count);
	pwk__syscall_end(caller, PWK_SYSCALL_CHANNEL_READ, status);
	*ret = pwk__ret_count(status, count);
	return true;
}

/* The initiator thread a respond on `h` wakes, when the full path's two
 * signal updates come down to that one wake: a pending transaction with
 * room for `src`, nobody waiting on the handler, no wait group on either
 * end, and one waiter on the initiator, not yet woken, waiting for a
 * signal the response raises. NULL otherwise. */
FAST struct pwk_thread *respond_target(struct pwk_channel_end *h, const struct pwk_ubuf *src)
{
	struct pwk_channel_end *init = h->peer;
	if (h->txn != PWK_TXN_PENDING || src->size > h->recv.size || init == NULL ||
	    !pwk__list_empty(&h->obj.waiters) || h->obj.group != NULL || init->obj.group != NULL) {
		return NULL;
	}
	struct pwk_thread *w = sole_waiter(&init->obj);
	const pwk_signals_t raised = init->obj.signals | PWK_SIGNAL_READABLE;
	if (w == NULL || w->wait.woken || (w->wait.mask & raised) == 0) {
		return NULL;
	}
	return w;
}

/* pwk__channel_respond() for respond_target()'s case. */
FAST void respond_wake(struct pwk_thread *caller, struct pwk_channel_end *h,
		       const struct pwk_ubuf *src, struct pwk_thread *w)
{
	struct pwk_channel_end *init = h->peer;
	pwk__channel_txn_respond(h, src);
	pwk__trace(PWK_TRACE_RESPOND, caller->index, h->obj.index, (uint32_t)h->response_len);
	h->obj.signals &= ~(PWK_SIGNAL_READABLE | PWK_SIGNAL_WRITEABLE);
	init->obj.signals |= PWK_SIGNAL_READABLE;
	/* object_notify of the one waiter, then the wake itself. */
	w->wait.result.user_data = 0;
	w->wait.result.signals = init->obj.signals;
	pwk__sched_wake(w, PWK_OK);
}

FAST bool channel_respond(struct pwk_thread *caller, const pwk_word_t *a, pwk_syscall_ret_t *ret)
{
	const uint32_t process = caller->process;
	const pwk_word_t handle = PWK__ARG(a, CHANNEL_RESPOND, handle);
	struct pwk_channel_end *h = end_of(process, handle, PWK_OBJECT_CHANNEL_HANDLER);
	struct pwk_ubuf buf;
	if (h == NULL ||
	    !pwk__ubuf_check_flat(process, PWK__ARG(a, CHANNEL_RESPOND, buf_ptr),
				  PWK__ARG(a, CHANNEL_RESPOND, buf_len), PWK_ACCESS_R, &buf)) {
		return false;
	}
	pwk__trace_syscall_enter(caller->index, PWK_SYSCALL_CHANNEL_RESPOND, handle);
	struct pwk_thread *w = respond_target(h, &buf);
	pwk_status_t status = PWK_OK;
	if (w != NULL) {
		respond_wake(caller, h, &buf, w);
	} else {
		status = pwk__channel_respond(h, &buf);
	}
	pwk__syscall_end(caller, PWK_SYSCALL_CHANNEL_RESPOND, status);
	*ret = pwk__ret_status(status);
	return true;
}

/* True when an object_wait by `caller` on `obj` blocks with none of the
 * full path's other outcomes possible: not a wait group, no signal of
 * `mask` raised, no deadline, the caller not asked to exit. */
FAST bool blocks_plainly(const struct pwk_thread *caller, const struct pwk_object *obj,
			 pwk_signals_t mask, pwk_instant_t deadline)
{
	return obj->type != PWK_OBJECT_WAIT_GROUP && (obj->signals & mask) == 0 &&
	       deadline == PWK_INSTANT_MAX && !caller->terminating && !end_of_time();
}

FAST bool object_wait(struct pwk_thread *caller, const pwk_word_t *a, pwk_syscall_ret_t *ret)
{
	const pwk_word_t handle = PWK__ARG(a, OBJECT_WAIT, handle);
	const pwk_word_t mask = PWK__ARG(a, OBJECT_WAIT, mask);
	uint32_t index;
	struct pwk_object *obj = pwk__object_lookup_quiet(caller->process, handle, &index);
	if (obj == NULL || (mask & ~(pwk_word_t)PWK_SIGNAL_MASK_VALID) != 0 ||
	    (obj->type == PWK_OBJECT_WAIT_GROUP &&
	     pwk__wait_group_empty(pwk__wait_group_from_object(obj)))) {
		return false;
	}
	pwk__trace_syscall_enter(caller->index, PWK_SYSCALL_OBJECT_WAIT, handle);
	const pwk_instant_t deadline = PWK__ARG_INSTANT(a, OBJECT_WAIT, deadline);
	struct pwk_wait_result result;
	pwk_status_t status;
	if (blocks_plainly(caller, obj, (pwk_signals_t)mask, deadline)) {
		/* pwk__object_wait() -> pwk__object_block() for this case. */
		pwk__object_wait_begin(caller, obj, index, (pwk_signals_t)mask, deadline);
		pwk__sched_block();
		status = pwk__object_wait_end(caller, &result);
	} else {
		status = pwk__object_wait(obj, index, (pwk_signals_t)mask, deadline, &result);
	}
	pwk__syscall_end(caller, PWK_SYSCALL_OBJECT_WAIT, status);
	*ret = pwk__ret_wait(status, &result);
	return true;
}

/* Each verb's result kind is the table's (a verb that builds another kind
 * of result does not compile against it). */
_Static_assert(PWK_SYSCALL_RET(CHANNEL_TRANSACT) == PWK_RET_COUNT, "transact returns a count");
_Static_assert(PWK_SYSCALL_RET(CHANNEL_READ) == PWK_RET_COUNT, "read returns a count");
_Static_assert(PWK_SYSCALL_RET(CHANNEL_RESPOND) == PWK_RET_UNIT, "respond returns a status");
_Static_assert(PWK_SYSCALL_RET(OBJECT_WAIT) == PWK_RET_WAIT, "wait returns a wait result");

/* Syscall `id` (16 bits) of `caller` with its argument words: false when it
 * is not one the fast path takes or a precondition fails, with nothing
 * done (not even the entry record). True when it ran the whole syscall:
 * entry and exit records emitted, a terminating caller gone
 * (pwk__syscall_end), and `ret` what the full path would have returned. */
FAST bool fastpath(struct pwk_thread *caller, uint32_t id, const pwk_word_t *a,
		   pwk_syscall_ret_t *ret)
{
	if (!enabled) {
		return false;
	}
	switch (id) {
	case PWK_SYSCALL_CHANNEL_TRANSACT:
		return transact(caller, a, ret);
	case PWK_SYSCALL_OBJECT_WAIT:
		return object_wait(caller, a, ret);
	case PWK_SYSCALL_CHANNEL_READ:
		return channel_read(caller, a, ret);
	case PWK_SYSCALL_CHANNEL_RESPOND:
		return channel_respond(caller, a, ret);
	default:
		return false;
	}
}

pwk_syscall_ret_t pwk_trap_syscall(uint32_t id, const pwk_word_t args[PWK_SYSCALL_ARGS_MAX])
{
	struct pwk_thread *caller = pwk__sched_current();
	/* Only a thread's user code traps (the HAL's contract). */
	PWK_DEBUG_ASSERT(caller != NULL && !pwk__sched_idle());
	const uint32_t id16 = id & UINT32_C(0xffff);
	pwk_syscall_ret_t ret;
	if (fastpath(caller, id16, args, &ret)) {
		return ret;
	}
	return pwk__syscall_full_path(caller, id16, args);
}
