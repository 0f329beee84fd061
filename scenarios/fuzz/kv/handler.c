/*
 * handler.c — kv_server's thread: serves the kv channel for ever, the way
 * pw_kernel's channel guide lays a handler out (object_wait(READABLE) ->
 * channel_read -> channel_respond, exactly one respond per read). The
 * request is untrusted (store.c checks it); so is the caller's behaviour:
 * a caller that cancels or dies mid-request, or whose receive buffer is too
 * small for the reply, costs it its answer, never the server. Only a
 * failure that no caller can cause shuts the system down.
 */
#include <pwk/user.h>

#include "kv_server_handles.h"
#include "protocol.h"
#include "store.h"

static _Noreturn void fail(const char *what, pwk_status_t s)
{
	pwk_log("%s failed with status %u\n", what, (unsigned)s);
	pwk_debug_shutdown(s);
}

/* Responds with the reply or, if the caller's receive buffer cannot hold
 * it, with a bare KV_REPLY_TOO_LARGE header, or else with nothing; the
 * channel then holds no transaction. UNAVAILABLE: the caller cancelled or
 * was terminated since the read, and nobody waits for the answer. */
static void respond(const uint8_t *reply, size_t len)
{
	pwk_status_t s = pwk_channel_respond(HANDLE_KV, reply, len);
	if (s == PWK_OUT_OF_RANGE) {
		uint8_t header[KV_HEADER_SIZE];
		kv_put_header(header, (struct kv_header){.op_or_status = KV_REPLY_TOO_LARGE});
		s = pwk_channel_respond(HANDLE_KV, header, sizeof(header));
	}
	if (s == PWK_OUT_OF_RANGE) {
		s = pwk_channel_respond(HANDLE_KV, reply, 0);
	}
	if (s != PWK_OK && s != PWK_UNAVAILABLE) {
		fail("channel_respond", s);
	}
}

int pwk_main(uint32_t index_in_app)
{
	(void)index_in_app;
	pwk_log("serving\n");
	for (;;) {
		pwk_wait_result_t w =
			pwk_object_wait(HANDLE_KV, PWK_SIGNAL_READABLE, PWK_INSTANT_MAX);
		if (w.status != PWK_OK) {
			fail("object_wait", w.status);
		}
		/* One byte more than the longest valid request, so that a longer
		 * one is seen as such (the read copies at most the buffer). */
		uint8_t request[KV_MAX_REQUEST + 1];
		pwk_count_result_t r = pwk_channel_read(HANDLE_KV, 0, request, sizeof(request));
		if (r.status == PWK_UNAVAILABLE) {
			continue; /* cancelled between the wait and the read */
		}
		if (r.status != PWK_OK) {
			fail("channel_read", r.status);
		}
		uint8_t reply[KV_MAX_REPLY];
		respond(reply, kv_serve(request, r.value, reply));
	}
}
