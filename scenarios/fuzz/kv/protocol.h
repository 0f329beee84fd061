/*
 * protocol.h — the kv channel's wire format, shared by kv_server and
 * kv_client (the "small request/response layout in a shared header" that
 * pw_kernel's channel guide recommends; there is no IDL).
 *
 * Request: a 4-byte header, then key_len key bytes, then the value bytes.
 *   u8 op; u8 key_len; u16 value_len (little-endian)
 *   GET    key; value_len = the most bytes the caller wants back (0: all)
 *   PUT    key, value_len value bytes; replaces an existing value
 *   DELETE key
 *   LIST   no key; the reply lists every key
 * Reply: a 4-byte header, then len payload bytes.
 *   u8 status; u8 reserved (0); u16 len (little-endian)
 *   GET's payload is the value; LIST's is, per key, u8 key_len + the key.
 * Every request gets exactly one reply; a malformed one gets
 * KV_BAD_REQUEST, never a dropped reply or a stopped server.
 */
#ifndef KV_PROTOCOL_H
#define KV_PROTOCOL_H

#include <stddef.h>
#include <stdint.h>

enum kv_op {
	KV_OP_GET = 0x01,
	KV_OP_PUT = 0x02,
	KV_OP_DELETE = 0x03,
	KV_OP_LIST = 0x04,
};

enum kv_status {
	KV_OK = 0x00,
	KV_NOT_FOUND = 0x01,
	KV_BAD_REQUEST = 0x02,
	KV_NO_SPACE = 0x03,        /* PUT of a new key with every slot in use */
	KV_REPLY_TOO_LARGE = 0x04, /* the caller's receive buffer is too small */
};

#define KV_HEADER_SIZE 4u
#define KV_MAX_KEY     16u
#define KV_MAX_VALUE   64u
#define KV_SLOTS       8u
#define KV_MAX_REQUEST (KV_HEADER_SIZE + KV_MAX_KEY + KV_MAX_VALUE)
/* LIST's payload is the largest: every slot's key with its length byte. */
#define KV_MAX_REPLY   (KV_HEADER_SIZE + KV_SLOTS * (1u + KV_MAX_KEY))

struct kv_header {
	uint8_t op_or_status;
	uint8_t key_len; /* reserved (0) in a reply */
	uint16_t len;    /* value_len in a request, payload length in a reply */
};

static inline void kv_put_header(uint8_t *out, struct kv_header h)
{
	out[0] = h.op_or_status;
	out[1] = h.key_len;
	out[2] = (uint8_t)h.len;
	out[3] = (uint8_t)(h.len >> 8);
}

static inline struct kv_header kv_get_header(const uint8_t *in)
{
	return (struct kv_header){
		.op_or_status = in[0],
		.key_len = in[1],
		.len = (uint16_t)(in[2] | in[3] << 8),
	};
}

/* "OK", "NOT_FOUND", ...: for logs. */
static inline const char *kv_status_name(uint8_t status)
{
	static const char *const names[] = {"OK", "NOT_FOUND", "BAD_REQUEST", "NO_SPACE",
					    "REPLY_TOO_LARGE"};
	return status < sizeof(names) / sizeof(names[0]) ? names[status] : "unknown status";
}

#endif
