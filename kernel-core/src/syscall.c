/* SPDX-License-Identifier: Apache-2.0 */
/*
 * syscall.c — the syscall trap: decode, then invoke (seL4).
 *
 * Each decode_<syscall>() reads its argument words and checks everything
 * that comes from the user, in pw_kernel's order (§1.3): the handle
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

pwk_instant_t pwk__arg_instant(const pwk_word_t args[PWK_SYSCALL_ARGS_MAX], uint32_t i)
{
	/* One word when words are 64 bits; otherwise two, low word first,
	 * with no even-register alignment (pw_kernel's next_u64()). */
	if (sizeof(pwk_word_t) >= sizeof(pwk_instant_t)) {
		PWK_ASSERT(i < PWK_SYSCALL_ARGS_MAX);
		return (pwk_instant_t)args[i];
	}
	PWK_ASSERT(i + 1 < PWK_SYSCALL_ARGS_MAX);
	return (pwk_instant_t)args[i] | ((pwk_instant_t)args[i + 1] << 32);
}

pwk_status_t pwk__check_mask(pwk_word_t mask)
{
	if ((mask & ~(pwk_word_t)PWK_SIGNAL_VALID) != 0) {
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

/* The arguments of every channel call with buffers: a channel end of `type`
 * (handle `handle`), then `count` buffers, (ptr, len) word pairs from
 * `buf_args`, needing `access[i]`. Checked in pw_kernel's order: handle,
 * buffers in argument order, type. */
static pwk_status_t decode_end_and_buffers(pwk_word_t handle, pwk_object_type_t type,
					   const pwk_word_t *buf_args, uint32_t count,
					   const uint32_t *access, struct pwk_ubuf *bufs,
					   struct pwk_channel_end **end)
{
	PWK_ASSERT(count <= 2);
	struct pwk_object *obj;
	uint32_t index;
	pwk_status_t status = pwk__lookup(handle, &obj, &index);
	for (uint32_t i = 0; i < count && status == PWK_OK; i++) {
		status = pwk__ubuf_check(pwk__caller_process(), buf_args[2 * i],
					 buf_args[2 * i + 1], access[i], &bufs[i]);
	}
	if (status == PWK_OK) {
		status = pwk__expect_type(obj, type);
	}
	if (status == PWK_OK) {
		*end = pwk__channel_from_object(obj);
	}
	return status;
}

static const uint32_t send_recv_access[2] = {PWK_ACCESS_R, PWK_ACCESS_R | PWK_ACCESS_W};
static const uint32_t read_access[1] = {PWK_ACCESS_R | PWK_ACCESS_W};
static const uint32_t respond_access[1] = {PWK_ACCESS_R};

static pwk_status_t decode_channel_transact(const pwk_word_t *a, size_t *count)
{
	struct pwk_channel_end *init;
	struct pwk_ubuf bufs[2];
	pwk_status_t status = decode_end_and_buffers(a[0], PWK_OBJECT_CHANNEL_INITIATOR, &a[1], 2,
						     send_recv_access, bufs, &init);
	if (status != PWK_OK) {
		return status;
	}
	return pwk__channel_transact(init, &bufs[0], &bufs[1], pwk__arg_instant(a, 5), count);
}

static pwk_status_t decode_channel_async_transact(const pwk_word_t *a)
{
	struct pwk_channel_end *init;
	struct pwk_ubuf bufs[2];
	pwk_status_t status = decode_end_and_buffers(a[0], PWK_OBJECT_CHANNEL_INITIATOR, &a[1], 2,
						     send_recv_access, bufs, &init);
	if (status != PWK_OK) {
		return status;
	}
	return pwk__channel_async_transact(init, &bufs[0], &bufs[1]);
}

static pwk_status_t decode_channel_async_complete(const pwk_word_t *a, size_t *count)
{
	struct pwk_object *obj;
	pwk_status_t status = pwk__lookup_typed(a[0], PWK_OBJECT_CHANNEL_INITIATOR, &obj);
	if (status != PWK_OK) {
		return status;
	}
	return pwk__channel_async_complete(pwk__channel_from_object(obj), count);
}

static pwk_status_t decode_channel_async_cancel(const pwk_word_t *a)
{
	struct pwk_object *obj;
	pwk_status_t status = pwk__lookup_typed(a[0], PWK_OBJECT_CHANNEL_INITIATOR, &obj);
	if (status != PWK_OK) {
		return status;
	}
	return pwk__channel_async_cancel(pwk__channel_from_object(obj));
}

static pwk_status_t decode_channel_read(const pwk_word_t *a, size_t *count)
{
	struct pwk_channel_end *handler;
	struct pwk_ubuf buf;
	pwk_status_t status = decode_end_and_buffers(a[0], PWK_OBJECT_CHANNEL_HANDLER, &a[2], 1,
						     read_access, &buf, &handler);
	if (status != PWK_OK) {
		return status;
	}
	return pwk__channel_read(handler, a[1], &buf, count);
}

static pwk_status_t decode_channel_respond(const pwk_word_t *a)
{
	struct pwk_channel_end *handler;
	struct pwk_ubuf buf;
	pwk_status_t status = decode_end_and_buffers(a[0], PWK_OBJECT_CHANNEL_HANDLER, &a[1], 1,
						     respond_access, &buf, &handler);
	if (status != PWK_OK) {
		return status;
	}
	return pwk__channel_respond(handler, &buf);
}

static pwk_status_t decode_object_set_peer_user_signal(const pwk_word_t *a)
{
	struct pwk_object *obj;
	uint32_t index;
	pwk_status_t status = pwk__lookup(a[0], &obj, &index);
	if (status != PWK_OK) {
		return status;
	}
	if (obj->type != PWK_OBJECT_CHANNEL_INITIATOR && obj->type != PWK_OBJECT_CHANNEL_HANDLER) {
		return PWK_USER_ERROR(PWK_UNIMPLEMENTED, "object has no peer");
	}
	return pwk__channel_set_peer_user_signal(pwk__channel_from_object(obj), a[1] != 0);
}

/* --- waiting, wait groups, interrupts --------------------------------------- */

static pwk_status_t decode_object_wait(const pwk_word_t *a, struct pwk_wait_result *result)
{
	struct pwk_object *obj;
	uint32_t index;
	pwk_status_t status = pwk__lookup(a[0], &obj, &index);
	if (status == PWK_OK) {
		status = pwk__check_mask(a[1]);
	}
	if (status != PWK_OK) {
		return status;
	}
	if (obj->type == PWK_OBJECT_WAIT_GROUP &&
	    pwk__wait_group_empty(pwk__wait_group_from_object(obj))) {
		return PWK_USER_ERROR(PWK_INVALID_ARGUMENT, "wait group has no members");
	}
	return pwk__object_wait(obj, index, (pwk_signals_t)a[1], pwk__arg_instant(a, 2), result);
}

/* The group and member handles of wait_group_add/remove. */
static pwk_status_t lookup_group_member(const pwk_word_t *a, struct pwk_object **group,
					struct pwk_object **member)
{
	uint32_t index;
	pwk_status_t status = pwk__lookup(a[0], group, &index);
	return status != PWK_OK ? status : pwk__lookup(a[1], member, &index);
}

static pwk_status_t decode_wait_group_add(const pwk_word_t *a)
{
	struct pwk_object *group;
	struct pwk_object *member;
	pwk_status_t status = lookup_group_member(a, &group, &member);
	if (status == PWK_OK) {
		status = pwk__check_mask(a[2]);
	}
	if (status != PWK_OK) {
		return status;
	}
	if (member->type == PWK_OBJECT_WAIT_GROUP) {
		return PWK_USER_ERROR(PWK_INVALID_ARGUMENT, "a wait group cannot be a member");
	}
	status = pwk__expect_type(group, PWK_OBJECT_WAIT_GROUP);
	if (status != PWK_OK) {
		return status;
	}
	if (member->group != NULL) {
		return PWK_USER_ERROR(PWK_RESOURCE_EXHAUSTED, "object is already in a wait group");
	}
	pwk__wait_group_add(pwk__wait_group_from_object(group), member, (pwk_signals_t)a[2], a[3]);
	return PWK_OK;
}

static pwk_status_t decode_wait_group_remove(const pwk_word_t *a)
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

static pwk_status_t decode_interrupt_ack(const pwk_word_t *a)
{
	/* The one syscall that checks its mask before its handle. */
	pwk_status_t status = pwk__check_mask(a[1]);
	struct pwk_object *obj;
	if (status == PWK_OK) {
		status = pwk__lookup_typed(a[0], PWK_OBJECT_INTERRUPT, &obj);
	}
	if (status != PWK_OK) {
		return status;
	}
	pwk__interrupt_ack(pwk__interrupt_from_object(obj), (pwk_signals_t)a[1]);
	return PWK_OK;
}

/* --- dispatch ---------------------------------------------------------------- */

static pwk_syscall_ret_t encode(enum pwk_ret_kind kind, pwk_status_t status,
				const struct pwk_syscall_out *out)
{
	if (kind == PWK_RET_WAIT) {
		/* The wait return flags errors with RESERVED and a positive code. */
		return status == PWK_OK
			       ? (pwk_syscall_ret_t){out->wait.user_data, out->wait.signals}
			       : (pwk_syscall_ret_t){(pwk_word_t)status, PWK_SIGNAL_RESERVED};
	}
	if (status != PWK_OK) {
		return (pwk_syscall_ret_t){(pwk_word_t)0 - (pwk_word_t)status, ~(pwk_word_t)0};
	}
	switch (kind) {
	case PWK_RET_UNIT:
	case PWK_RET_WAIT:
		break;
	case PWK_RET_COUNT:
		return (pwk_syscall_ret_t){out->count, 0};
	case PWK_RET_EXIT:
		return (pwk_syscall_ret_t){(pwk_word_t)out->exit_tag, out->exit_payload};
	case PWK_RET_INSTANT:
		if (sizeof(pwk_word_t) >= sizeof(pwk_instant_t)) {
			return (pwk_syscall_ret_t){(pwk_word_t)out->instant, 0};
		}
		return (pwk_syscall_ret_t){(pwk_word_t)(out->instant & UINT32_MAX),
					   (pwk_word_t)(out->instant >> 32)};
	}
	return (pwk_syscall_ret_t){0, 0};
}

static pwk_status_t dispatch(uint32_t id, const pwk_word_t *a, struct pwk_syscall_out *out,
			     enum pwk_ret_kind *kind)
{
	*kind = PWK_RET_UNIT;
	switch (id) {
	case PWK_SYSCALL_CHANNEL_ASYNC_CANCEL:
		return decode_channel_async_cancel(a);
	case PWK_SYSCALL_CHANNEL_ASYNC_TRANSACT:
		return decode_channel_async_transact(a);
	case PWK_SYSCALL_CHANNEL_ASYNC_TRANSACT_COMPLETE:
		*kind = PWK_RET_COUNT;
		return decode_channel_async_complete(a, &out->count);
	case PWK_SYSCALL_CHANNEL_READ:
		*kind = PWK_RET_COUNT;
		return decode_channel_read(a, &out->count);
	case PWK_SYSCALL_CHANNEL_RESPOND:
		return decode_channel_respond(a);
	case PWK_SYSCALL_CHANNEL_TRANSACT:
		*kind = PWK_RET_COUNT;
		return decode_channel_transact(a, &out->count);
	case PWK_SYSCALL_INTERRUPT_ACK:
		return decode_interrupt_ack(a);
	case PWK_SYSCALL_OBJECT_WAIT:
		*kind = PWK_RET_WAIT;
		return decode_object_wait(a, &out->wait);
	case PWK_SYSCALL_OBJECT_SET_PEER_USER_SIGNAL:
		return decode_object_set_peer_user_signal(a);
	case PWK_SYSCALL_WAIT_GROUP_ADD:
		return decode_wait_group_add(a);
	case PWK_SYSCALL_WAIT_GROUP_REMOVE:
		return decode_wait_group_remove(a);
	default:
		return pwk__dispatch_task(id, a, out, kind);
	}
}

pwk_syscall_ret_t pwk_trap_syscall(uint32_t id, const pwk_word_t args[PWK_SYSCALL_ARGS_MAX])
{
	PWK_ASSERT(pwk__sched_current() != NULL && !pwk__sched_idle());
	const uint32_t id16 = id & UINT32_C(0xffff);
	pwk__trace_syscall_enter(id16, args[0]);
	struct pwk_syscall_out out = {.count = 0};
	enum pwk_ret_kind kind;
	pwk_status_t status = dispatch(id16, args, &out, &kind);
	pwk__trace_syscall_exit(id16, status);
	pwk__thread_return_to_user();
	return encode(kind, status, &out);
}
