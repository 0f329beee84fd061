/* SPDX-License-Identifier: Apache-2.0 */
/*
 * channel.c — channel initiators and handlers (pw_kernel §2.2, §2.7).
 *
 * The transaction record lives in the handler: the initiator's send and
 * receive buffers (checked when the transaction started), its state, and a
 * sequence number so that a synchronous transact only ever finishes the
 * transaction it started. States, as the initiator sees them:
 *
 *   IDLE      initiator WRITEABLE          handler -
 *   PENDING   initiator -                  handler READABLE
 *   RESPONDED initiator READABLE           handler -
 *   PEER-LOST initiator ERROR (handler's process joined mid-transaction)
 *
 * Deliberate differences from pw_kernel (see docs/syscall-reference.md):
 * the handler's view of a transaction ends when it responds (a later read or
 * respond is UNAVAILABLE), and a synchronous transact also wakes on ERROR, so
 * that it returns UNAVAILABLE when the handler's process dies under it.
 */
#include "channel.h"

#include "assert.h"
#include "copy.h"
#include "inspect.h"
#include "limits.h"
#include "trace.h"

static struct {
	struct pwk_channel_end ends[PWK_CHANNEL_ENDS_MAX];
	uint32_t count;
} pool;

uint64_t pwk__channel_next_seq;

void pwk__channel_reset_all(void)
{
	pool.count = 0;
	pwk__channel_next_seq = 1;
}

struct pwk_object *pwk__channel_create(uint32_t index, pwk_object_type_t type)
{
	PWK_ASSERT(type == PWK_OBJECT_CHANNEL_INITIATOR || type == PWK_OBJECT_CHANNEL_HANDLER);
	PWK_ASSERT(pool.count < PWK_CHANNEL_ENDS_MAX);
	struct pwk_channel_end *end = &pool.ends[pool.count++];
	pwk_zero(end, sizeof(*end)); /* nothing survives from an earlier boot */
	pwk_signals_t initial = type == PWK_OBJECT_CHANNEL_INITIATOR ? PWK_SIGNAL_WRITEABLE : 0;
	pwk__object_init(&end->obj, type, index, initial);
	end->peer = NULL;
	end->txn = PWK_TXN_NONE;
	end->txn_seq = 0;
	pwk__ubuf_empty(&end->send, PWK_NONE);
	pwk__ubuf_empty(&end->recv, PWK_NONE);
	end->response_len = 0;
	return &end->obj;
}

struct pwk_channel_end *pwk__channel_from_object(struct pwk_object *obj)
{
	PWK_ASSERT(obj->type == PWK_OBJECT_CHANNEL_INITIATOR ||
		   obj->type == PWK_OBJECT_CHANNEL_HANDLER);
	struct pwk_channel_end *end = PWK_CONTAINER_OF(obj, struct pwk_channel_end, obj);
	PWK_ASSERT(end >= &pool.ends[0] && end < &pool.ends[pool.count]);
	return end;
}

void pwk__channel_pair(struct pwk_object *init, struct pwk_object *handler)
{
	struct pwk_channel_end *i = pwk__channel_from_object(init);
	struct pwk_channel_end *h = pwk__channel_from_object(handler);
	PWK_ASSERT(init->type == PWK_OBJECT_CHANNEL_INITIATOR);
	PWK_ASSERT(handler->type == PWK_OBJECT_CHANNEL_HANDLER);
	PWK_ASSERT(i->peer == NULL && h->peer == NULL);
	i->peer = h;
	h->peer = i;
}

static struct pwk_channel_end *handler_of(struct pwk_channel_end *init)
{
	PWK_DEBUG_ASSERT(init->obj.type == PWK_OBJECT_CHANNEL_INITIATOR);
	PWK_DEBUG_ASSERT(init->peer != NULL && init->peer->peer == init);
	return init->peer;
}

/* Starts a transaction; returns its sequence number through `seq`. */
static pwk_status_t start(struct pwk_channel_end *init, const struct pwk_ubuf *send,
			  const struct pwk_ubuf *recv, uint64_t *seq)
{
	struct pwk_channel_end *h = handler_of(init);
	if (h->txn != PWK_TXN_NONE) {
		return PWK_UNAVAILABLE;
	}
	*seq = pwk__channel_txn_begin(h, send, recv);
	pwk__trace_current(PWK_TRACE_TRANSACT, init->obj.index, h->obj.index);
	pwk__object_signals_update(
		&init->obj, PWK_SIGNAL_READABLE | PWK_SIGNAL_WRITEABLE | PWK_SIGNAL_ERROR, 0);
	pwk__object_signals_update(&h->obj, PWK_SIGNAL_WRITEABLE, PWK_SIGNAL_READABLE);
	return PWK_OK;
}

/* Ends the transaction, whatever its state: the initiator is WRITEABLE
 * again (ERROR stays), the handler neither READABLE nor WRITEABLE. Returns
 * the response length, or UNAVAILABLE when there was no transaction. */
static pwk_status_t finish(struct pwk_channel_end *init, size_t *count)
{
	struct pwk_channel_end *h = handler_of(init);
	pwk_status_t status = h->txn == PWK_TXN_NONE ? PWK_UNAVAILABLE : PWK_OK;
	*count = h->txn == PWK_TXN_RESPONDED ? h->response_len : 0;
	h->txn = PWK_TXN_NONE;
	pwk__object_signals_update(&init->obj, PWK_SIGNAL_READABLE, PWK_SIGNAL_WRITEABLE);
	pwk__object_signals_update(&h->obj, PWK_SIGNAL_READABLE | PWK_SIGNAL_WRITEABLE, 0);
	return status;
}

pwk_status_t pwk__channel_transact(struct pwk_channel_end *init, const struct pwk_ubuf *send,
				   const struct pwk_ubuf *recv, pwk_instant_t deadline,
				   size_t *count)
{
	uint64_t seq;
	pwk_status_t status = start(init, send, recv, &seq);
	if (status != PWK_OK) {
		return status;
	}
	struct pwk_wait_result result;
	pwk_status_t waited =
		pwk__object_block(&init->obj, init->obj.index,
				  PWK_SIGNAL_READABLE | PWK_SIGNAL_ERROR, deadline, &result);
	return pwk__channel_transact_end(init, seq, waited, count);
}

pwk_status_t pwk__channel_transact_end(struct pwk_channel_end *init, uint64_t seq,
				       pwk_status_t waited, size_t *count)
{
	/* Another thread of the process may have cancelled this transaction
	 * and started the next one meanwhile: that one is not ours to end. */
	struct pwk_channel_end *h = handler_of(init);
	if (h->txn != PWK_TXN_NONE && h->txn_seq != seq) {
		return waited != PWK_OK ? waited : PWK_UNAVAILABLE;
	}
	pwk_status_t finished = finish(init, count);
	return waited != PWK_OK ? waited : finished;
}

pwk_status_t pwk__channel_async_transact(struct pwk_channel_end *init, const struct pwk_ubuf *send,
					 const struct pwk_ubuf *recv)
{
	uint64_t seq;
	return start(init, send, recv, &seq);
}

pwk_status_t pwk__channel_async_complete(struct pwk_channel_end *init, size_t *count)
{
	if ((init->obj.signals & PWK_SIGNAL_READABLE) == 0) {
		return PWK_UNAVAILABLE; /* nothing changes: a pending transaction stays */
	}
	/* READABLE without a transaction: the handler's process was joined
	 * after it responded; finish() then reports UNAVAILABLE. */
	return finish(init, count);
}

pwk_status_t pwk__channel_async_cancel(struct pwk_channel_end *init)
{
	size_t count;
	return finish(init, &count);
}

pwk_status_t pwk__channel_read(struct pwk_channel_end *handler, size_t offset,
			       const struct pwk_ubuf *dst, size_t *count)
{
	PWK_ASSERT(handler->obj.type == PWK_OBJECT_CHANNEL_HANDLER);
	if (handler->txn != PWK_TXN_PENDING) {
		return PWK_UNAVAILABLE;
	}
	if (offset > handler->send.size) {
		return PWK_OUT_OF_RANGE;
	}
	*count = pwk__ubuf_copy(dst, &handler->send, offset);
	/* The copy's own bound (pwk__ubuf_copy). */
	PWK_DEBUG_ASSERT(*count <= dst->size && *count <= handler->send.size - offset);
	return PWK_OK;
}

pwk_status_t pwk__channel_respond(struct pwk_channel_end *handler, const struct pwk_ubuf *src)
{
	PWK_ASSERT(handler->obj.type == PWK_OBJECT_CHANNEL_HANDLER);
	if (handler->txn != PWK_TXN_PENDING) {
		return PWK_UNAVAILABLE;
	}
	if (src->size > handler->recv.size) {
		return PWK_OUT_OF_RANGE; /* nothing copied, nothing changes */
	}
	PWK_ASSERT(handler->peer != NULL); /* only a paired handler gets transactions */
	pwk__channel_txn_respond(handler, src);
	pwk__trace_current(PWK_TRACE_RESPOND, handler->obj.index, (uint32_t)handler->response_len);
	pwk__object_signals_update(&handler->obj, PWK_SIGNAL_READABLE | PWK_SIGNAL_WRITEABLE, 0);
	pwk__object_signals_update(&handler->peer->obj, 0, PWK_SIGNAL_READABLE);
	return PWK_OK;
}

pwk_status_t pwk__channel_set_peer_user_signal(struct pwk_channel_end *end, bool set)
{
	if (end->peer == NULL) {
		PWK_ASSERT(end->obj.type == PWK_OBJECT_CHANNEL_HANDLER);
		return PWK_FAILED_PRECONDITION;
	}
	pwk__object_signals_update(&end->peer->obj, set ? 0 : PWK_SIGNAL_USER,
				   set ? PWK_SIGNAL_USER : 0);
	return PWK_OK;
}

void pwk__channel_reset(struct pwk_channel_end *end)
{
	struct pwk_channel_end *peer = end->peer;
	if (peer == NULL) {
		return; /* an unpaired handler has nothing to reset */
	}
	struct pwk_channel_end *h = end->obj.type == PWK_OBJECT_CHANNEL_HANDLER ? end : peer;
	bool dropped = h->txn != PWK_TXN_NONE;
	h->txn = PWK_TXN_NONE;
	/* The USER a process raised on its peer goes with it. */
	pwk__object_signals_update(&peer->obj, PWK_SIGNAL_USER, dropped ? PWK_SIGNAL_ERROR : 0);
	if (end->obj.type == PWK_OBJECT_CHANNEL_INITIATOR) {
		pwk__object_signals_update(&end->obj, PWK_SIGNAL_READABLE | PWK_SIGNAL_ERROR,
					   PWK_SIGNAL_WRITEABLE);
	}
}

void pwk__channel_view(struct pwk_object *obj, struct pwk_channel_view *out)
{
	const struct pwk_channel_end *end = pwk__channel_from_object(obj);
	const struct pwk_channel_end *h = obj->type == PWK_OBJECT_CHANNEL_HANDLER ? end : end->peer;
	out->peer = end->peer != NULL ? &end->peer->obj : NULL;
	out->peer_of_peer =
		end->peer != NULL && end->peer->peer != NULL ? &end->peer->peer->obj : NULL;
	out->txn = PWK_TXN_VIEW_NONE;
	if (h != NULL && h->txn == PWK_TXN_PENDING) {
		out->txn = PWK_TXN_VIEW_PENDING;
	} else if (h != NULL && h->txn == PWK_TXN_RESPONDED) {
		out->txn = PWK_TXN_VIEW_RESPONDED;
	}
}
