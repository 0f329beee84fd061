/* SPDX-License-Identifier: Apache-2.0 */
/*
 * syscall.c — the syscall trap's full path: decode, then invoke (seL4).
 * The trap itself (pwk_trap_syscall) is in fastpath.c, which offers each
 * syscall to the IPC fast path first and otherwise calls
 * pwk__syscall_full_path() here.
 *
 * One switch, generated from the table in pwk/syscall_table.h, sends each
 * id to its pwk__decode_<name>() (here for IPC and waiting, syscall_task.c
 * for the rest). A decoder reads its arguments where the table puts them
 * (PWK__ARG, at this build's word size) and checks everything that comes
 * from the user, in pw_kernel's order (§1.3): the handle
 * (OUT_OF_RANGE), then buffers in argument order (INVALID_ARGUMENT /
 * PERMISSION_DENIED), then the object's type (UNIMPLEMENTED); masks are
 * checked where pw_kernel checks them. Only then does it call
 * pwk__<object>_<verb>(), which has no user-input failure path left (its
 * statuses depend on object state only). Every user-input failure leaves a
 * PWK_USER_ERROR record saying why.
 */
#include <pwk/kernel.h>

#include "assert.h"
#include "channel.h"
#include "fastpath.h"
#include "interrupt.h"
#include "process.h"
#include "sched.h"
#include "syscall.h"
#include "thread.h"
#include "trace.h"
#include "uaccess.h"
#include "wait_group.h"

uint32_t pwk__caller_process(void)
{
	struct pwk_thread *t = pwk__sched_current();
	PWK_ASSERT(t != NULL);
	return t->process;
}

pwk_status_t pwk__check_mask(pwk_word_t mask)
{
	if ((mask & ~(pwk_word_t)PWK_SIGNAL_MASK_VALID) != 0) {
		return PWK_USER_ERROR(PWK_INVALID_ARGUMENT, "signal mask has undefined bits");
	}
	return PWK_OK;
}

pwk_status_t pwk__lookup(pwk_word_t handle, struct pwk_object **obj, uint32_t *index)
{
	return pwk__object_lookup(pwk__caller_process(), handle, obj, index);
}

pwk_status_t pwk__expect_type(const struct pwk_object *obj, pwk_object_type_t type)
{
	if (obj->type != type) {
		return PWK_USER_ERROR(PWK_UNIMPLEMENTED, "object does not implement this syscall");
	}
	return PWK_OK;
}

pwk_status_t pwk__lookup_typed(pwk_word_t handle, pwk_object_type_t type, struct pwk_object **obj)
{
	uint32_t index;
	pwk_status_t status = pwk__lookup(handle, obj, &index);
	return status != PWK_OK ? status : pwk__expect_type(*obj, type);
}

/* --- channels ------------------------------------------------------------ */

/* A buffer argument as its (ptr, len) words and the access it needs. */
struct buffer_arg {
	pwk_word_t ptr;
	pwk_word_t len;
	uint32_t access;
};

/* The arguments of every channel call with buffers: a channel end of `type`
 * (handle `handle`), then `count` buffers. Checked in pw_kernel's order:
 * handle, buffers in argument order, type. */
static pwk_status_t decode_end_and_buffers(pwk_word_t handle, pwk_object_type_t type,
					   const struct buffer_arg *args, uint32_t count,
					   struct pwk_ubuf *bufs, struct pwk_channel_end **end)
{
	PWK_ASSERT(count <= 2);
	const uint32_t process = pwk__caller_process(); /* once for the handle and every buffer */
	struct pwk_object *obj;
	uint32_t index;
	pwk_status_t status = pwk__object_lookup(process, handle, &obj, &index);
	for (uint32_t i = 0; i < count && status == PWK_OK; i++) {
		status = pwk__ubuf_check(process, args[i].ptr, args[i].len, args[i].access,
					 &bufs[i]);
	}
	if (status == PWK_OK) {
		status = pwk__expect_type(obj, type);
	}
	if (status == PWK_OK) {
		*end = pwk__channel_from_object(obj);
	}
	return status;
}

/* channel_transact and channel_async_transact share their first five
 * arguments: the initiator, its send buffer (R) and its receive buffer
 * (R|W); both are decoded with channel_transact's layout. */
#define SAME_TRANSACT_ARG(arg)                                                                     \
	_Static_assert(PWK_SYSCALL_ARG(CHANNEL_ASYNC_TRANSACT, arg) ==                             \
			       PWK_SYSCALL_ARG(CHANNEL_TRANSACT, arg),                             \
		       "async_transact's " #arg " is where transact has it")
SAME_TRANSACT_ARG(handle);
SAME_TRANSACT_ARG(send_ptr);
SAME_TRANSACT_ARG(send_len);
SAME_TRANSACT_ARG(recv_ptr);
SAME_TRANSACT_ARG(recv_len);

static pwk_status_t decode_transact(const pwk_word_t *a, struct pwk_ubuf bufs[2],
				    struct pwk_channel_end **init)
{
	const struct buffer_arg args[2] = {
		{PWK__ARG(a, CHANNEL_TRANSACT, send_ptr), PWK__ARG(a, CHANNEL_TRANSACT, send_len),
		 PWK_ACCESS_R},
		{PWK__ARG(a, CHANNEL_TRANSACT, recv_ptr), PWK__ARG(a, CHANNEL_TRANSACT, recv_len),
		 PWK_ACCESS_R | PWK_ACCESS_W},
	};
	return decode_end_and_buffers(PWK__ARG(a, CHANNEL_TRANSACT, handle),
				      PWK_OBJECT_CHANNEL_INITIATOR, args, 2, bufs, init);
}

pwk_status_t pwk__decode_channel_transact(const pwk_word_t *a, size_t *count)
{
	struct pwk_channel_end *init;
	struct pwk_ubuf bufs[2];
	pwk_status_t status = decode_transact(a, bufs, &init);
	if (status != PWK_OK) {
		return status;
	}
	return pwk__channel_transact(init, &bufs[0], &bufs[1],
				     PWK__ARG_INSTANT(a, CHANNEL_TRANSACT, deadline), count);
}

pwk_status_t pwk__decode_channel_async_transact(const pwk_word_t *a)
{
	struct pwk_channel_end *init;
	struct pwk_ubuf bufs[2];
	pwk_status_t status = decode_transact(a, bufs, &init);
	if (status != PWK_OK) {
		return status;
	}
	return pwk__channel_async_transact(init, &bufs[0], &bufs[1]);
}

pwk_status_t pwk__decode_channel_async_transact_complete(const pwk_word_t *a, size_t *count)
{
	struct pwk_object *obj;
	pwk_status_t status =
		pwk__lookup_typed(PWK__ARG(a, CHANNEL_ASYNC_TRANSACT_COMPLETE, handle),
				  PWK_OBJECT_CHANNEL_INITIATOR, &obj);
	if (status != PWK_OK) {
		return status;
	}
	return pwk__channel_async_complete(pwk__channel_from_object(obj), count);
}

pwk_status_t pwk__decode_channel_async_cancel(const pwk_word_t *a)
{
	struct pwk_object *obj;
	pwk_status_t status = pwk__lookup_typed(PWK__ARG(a, CHANNEL_ASYNC_CANCEL, handle),
						PWK_OBJECT_CHANNEL_INITIATOR, &obj);
	if (status != PWK_OK) {
		return status;
	}
	return pwk__channel_async_cancel(pwk__channel_from_object(obj));
}

pwk_status_t pwk__decode_channel_read(const pwk_word_t *a, size_t *count)
{
	const struct buffer_arg arg = {PWK__ARG(a, CHANNEL_READ, buf_ptr),
				       PWK__ARG(a, CHANNEL_READ, buf_len),
				       PWK_ACCESS_R | PWK_ACCESS_W};
	struct pwk_channel_end *handler;
	struct pwk_ubuf buf;
	pwk_status_t status =
		decode_end_and_buffers(PWK__ARG(a, CHANNEL_READ, handle),
				       PWK_OBJECT_CHANNEL_HANDLER, &arg, 1, &buf, &handler);
	if (status != PWK_OK) {
		return status;
	}
	return pwk__channel_read(handler, PWK__ARG(a, CHANNEL_READ, offset), &buf, count);
}

pwk_status_t pwk__decode_channel_respond(const pwk_word_t *a)
{
	const struct buffer_arg arg = {PWK__ARG(a, CHANNEL_RESPOND, buf_ptr),
				       PWK__ARG(a, CHANNEL_RESPOND, buf_len), PWK_ACCESS_R};
	struct pwk_channel_end *handler;
	struct pwk_ubuf buf;
	pwk_status_t status =
		decode_end_and_buffers(PWK__ARG(a, CHANNEL_RESPOND, handle),
				       PWK_OBJECT_CHANNEL_HANDLER, &arg, 1, &buf, &handler);
	if (status != PWK_OK) {
		return status;
	}
	return pwk__channel_respond(handler, &buf);
}

pwk_status_t pwk__decode_object_set_peer_user_signal(const pwk_word_t *a)
{
	struct pwk_object *obj;
	uint32_t index;
	pwk_status_t status =
		pwk__lookup(PWK__ARG(a, OBJECT_SET_PEER_USER_SIGNAL, handle), &obj, &index);
	if (status != PWK_OK) {
		return status;
	}
	if (obj->type != PWK_OBJECT_CHANNEL_INITIATOR && obj->type != PWK_OBJECT_CHANNEL_HANDLER) {
		return PWK_USER_ERROR(PWK_UNIMPLEMENTED, "object has no peer");
	}
	return pwk__channel_set_peer_user_signal(
		pwk__channel_from_object(obj), PWK__ARG(a, OBJECT_SET_PEER_USER_SIGNAL, set) != 0);
}

/* --- waiting, wait groups, interrupts --------------------------------------- */

pwk_status_t pwk__decode_object_wait(const pwk_word_t *a, struct pwk_wait_result *result)
{
	const pwk_word_t mask = PWK__ARG(a, OBJECT_WAIT, mask);
	struct pwk_object *obj;
	uint32_t index;
	pwk_status_t status = pwk__lookup(PWK__ARG(a, OBJECT_WAIT, handle), &obj, &index);
	if (status == PWK_OK) {
		status = pwk__check_mask(mask);
	}
	if (status != PWK_OK) {
		return status;
	}
	if (obj->type == PWK_OBJECT_WAIT_GROUP &&
	    pwk__wait_group_empty(pwk__wait_group_from_object(obj))) {
		return PWK_USER_ERROR(PWK_INVALID_ARGUMENT, "wait group has no members");
	}
	return pwk__object_wait(obj, index, (pwk_signals_t)mask,
				PWK__ARG_INSTANT(a, OBJECT_WAIT, deadline), result);
}

/* wait_group_add and wait_group_remove share their first two arguments, the
 * group and the member; both are looked up with wait_group_add's layout. */
_Static_assert(PWK_SYSCALL_ARG(WAIT_GROUP_REMOVE, group) ==
			       PWK_SYSCALL_ARG(WAIT_GROUP_ADD, group) &&
		       PWK_SYSCALL_ARG(WAIT_GROUP_REMOVE, object) ==
			       PWK_SYSCALL_ARG(WAIT_GROUP_ADD, object),
	       "wait_group_remove's group and object are where wait_group_add has them");

static pwk_status_t lookup_group_member(const pwk_word_t *a, struct pwk_object **group,
					struct pwk_object **member)
{
	uint32_t index;
	pwk_status_t status = pwk__lookup(PWK__ARG(a, WAIT_GROUP_ADD, group), group, &index);
	return status != PWK_OK ? status
				: pwk__lookup(PWK__ARG(a, WAIT_GROUP_ADD, object), member, &index);
}

pwk_status_t pwk__decode_wait_group_add(const pwk_word_t *a)
{
	const pwk_word_t mask = PWK__ARG(a, WAIT_GROUP_ADD, mask);
	struct pwk_object *group;
	struct pwk_object *member;
	pwk_status_t status = lookup_group_member(a, &group, &member);
	if (status == PWK_OK) {
		status = pwk__check_mask(mask);
	}
	if (status != PWK_OK) {
		return status;
	}
	/* pw_kernel dispatches on the group's type before the group looks at
	 * the member. */
	status = pwk__expect_type(group, PWK_OBJECT_WAIT_GROUP);
	if (status != PWK_OK) {
		return status;
	}
	if (member->type == PWK_OBJECT_WAIT_GROUP) {
		return PWK_USER_ERROR(PWK_INVALID_ARGUMENT, "a wait group cannot be a member");
	}
	if (member->group != NULL) {
		return PWK_USER_ERROR(PWK_RESOURCE_EXHAUSTED, "object is already in a wait group");
	}
	pwk__wait_group_add(pwk__wait_group_from_object(group), member, (pwk_signals_t)mask,
			    PWK__ARG(a, WAIT_GROUP_ADD, user_data));
	return PWK_OK;
}

pwk_status_t pwk__decode_wait_group_remove(const pwk_word_t *a)
{
	struct pwk_object *group;
	struct pwk_object *member;
	pwk_status_t status = lookup_group_member(a, &group, &member);
	if (status == PWK_OK) {
		status = pwk__expect_type(group, PWK_OBJECT_WAIT_GROUP);
	}
	if (status != PWK_OK) {
		return status;
	}
	if (member->type == PWK_OBJECT_WAIT_GROUP) {
		return PWK_USER_ERROR(PWK_INVALID_ARGUMENT, "a wait group cannot be a member");
	}
	return pwk__wait_group_remove(pwk__wait_group_from_object(group), member);
}

pwk_status_t pwk__decode_interrupt_ack(const pwk_word_t *a)
{
	/* The one syscall that checks its mask before its handle. */
	const pwk_word_t mask = PWK__ARG(a, INTERRUPT_ACK, mask);
	pwk_status_t status = pwk__check_mask(mask);
	struct pwk_object *obj;
	if (status == PWK_OK) {
		status = pwk__lookup_typed(PWK__ARG(a, INTERRUPT_ACK, handle), PWK_OBJECT_INTERRUPT,
					   &obj);
	}
	if (status != PWK_OK) {
		return status;
	}
	pwk__interrupt_ack(pwk__interrupt_from_object(obj), (pwk_signals_t)mask);
	return PWK_OK;
}

/* --- dispatch ---------------------------------------------------------------- */

static pwk_syscall_ret_t encode(pwk_syscall_ret_kind_t kind, pwk_status_t status,
				const struct pwk_syscall_out *out)
{
	if (kind == PWK_RET_WAIT) {
		return pwk__ret_wait(status, &out->wait);
	}
	if (status != PWK_OK) {
		return pwk__ret_status(status);
	}
	switch (kind) {
	case PWK_RET_UNIT:
	case PWK_RET_WAIT:
	case PWK_RET_NORETURN:
		break;
	case PWK_RET_COUNT:
		return pwk__ret_count(status, out->count);
	case PWK_RET_EXIT:
		return (pwk_syscall_ret_t){(pwk_word_t)out->exit_tag, out->exit_payload};
	case PWK_RET_INSTANT:
		return pwk_syscall_ret_from_instant(out->instant, PWK_WORD_BITS);
	}
	return (pwk_syscall_ret_t){0, 0};
}

/* How the dispatcher calls a decoder of each result kind. */
#define CALL_UNIT(name, a, out)     pwk__decode_##name(a)
#define CALL_COUNT(name, a, out)    pwk__decode_##name(a, &(out)->count)
#define CALL_WAIT(name, a, out)     pwk__decode_##name(a, &(out)->wait)
#define CALL_EXIT(name, a, out)     pwk__decode_##name(a, &(out)->exit_tag, &(out)->exit_payload)
#define CALL_INSTANT(name, a, out)  pwk__decode_##name(a, &(out)->instant)
#define CALL_NORETURN(name, a, out) (pwk__decode_##name(a), PWK_OK)

/* The one switch over syscall ids, one case per row of the table. */
static pwk_status_t dispatch(uint32_t id, const pwk_word_t *a, struct pwk_syscall_out *out,
			     pwk_syscall_ret_kind_t *kind)
{
	switch (id) {
#define DISPATCH_CASE(ctx, NAME, name, value, RET)                                                 \
	case PWK_SYSCALL_##NAME:                                                                   \
		*kind = PWK_RET_##RET;                                                             \
		return CALL_##RET(name, a, out);
		PWK_SYSCALL_TABLE(DISPATCH_CASE, ~)
#undef DISPATCH_CASE
	default:
		*kind = PWK_RET_UNIT;
		return PWK_USER_ERROR(PWK_INVALID_ARGUMENT, "unknown syscall id");
	}
}

pwk_syscall_ret_t pwk__syscall_full_path(struct pwk_thread *caller, uint32_t id,
					 const pwk_word_t *args)
{
	struct pwk_syscall_out out = {.count = 0};
	pwk_syscall_ret_kind_t kind;
	pwk__trace_syscall_enter(caller->index, id, args[0]);
	pwk_status_t status = dispatch(id, args, &out, &kind);
	pwk__syscall_end(caller, id, status);
	return encode(kind, status, &out);
}
