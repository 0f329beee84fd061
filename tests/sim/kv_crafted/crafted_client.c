/*
 * crafted_client.c — what a hostile kv client sends (scenarios/fuzz/kv):
 * one well-formed PUT, then a GET that asks for far more bytes than the
 * value holds. The planted bug takes the asked length for the copy, so
 * kv_server runs off the top of its stack and faults; the fixed server
 * clamps it and answers with the value. Kept out of scenarios/ so that the
 * example's trigger is something `pwsim fuzz` finds, not something to copy.
 */
#include <pwk/user.h>

#include "kv_client_handles.h"
#include "protocol.h"

/* Long enough for an answer, short enough for a test: the fault makes the
 * server stop answering, which the client sees as DEADLINE_EXCEEDED. */
#define REPLY_DEADLINE_MS 100

static pwk_count_result_t send(const uint8_t *request, size_t n, uint8_t *reply)
{
	return pwk_channel_transact(HANDLE_KV, request, n, reply, KV_MAX_REPLY,
				    pwk_deadline_after_ms(REPLY_DEADLINE_MS));
}

int pwk_main(uint32_t index_in_app)
{
	(void)index_in_app;
	uint8_t reply[KV_MAX_REPLY];
	uint8_t put[KV_HEADER_SIZE + 2];
	kv_put_header(put, (struct kv_header){KV_OP_PUT, 1, 1});
	put[4] = 'k';
	put[5] = 'v';
	pwk_count_result_t r = send(put, sizeof(put), reply);
	pwk_log("PUT k: status %u, reply %s\n", (unsigned)r.status,
		r.status == PWK_OK ? kv_status_name(reply[0]) : "none");

	uint8_t get[KV_HEADER_SIZE + 1];
	kv_put_header(get, (struct kv_header){KV_OP_GET, 1, 0x4000});
	get[4] = 'k';
	r = send(get, sizeof(get), reply);
	if (r.status != PWK_OK) {
		pwk_log("GET k, 16384 bytes: no reply (status %u)\n", (unsigned)r.status);
		pwk_debug_shutdown(r.status);
	}
	pwk_log("GET k, 16384 bytes: %s, %u bytes\n", kv_status_name(reply[0]),
		(unsigned)(r.value - KV_HEADER_SIZE));
	pwk_debug_shutdown(0);
}
