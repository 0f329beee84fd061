/*
 * store.c — the key-value store behind the kv channel: KV_SLOTS keys of up
 * to KV_MAX_KEY bytes, each with a value of up to KV_MAX_VALUE bytes.
 * Requests come from another process and are untrusted (pw_kernel's channel
 * guide: "validate everything coming off the wire: length, range, enum
 * variants"): kv_serve checks the header against the bytes that arrived
 * before any op looks at them, and answers anything malformed with
 * KV_BAD_REQUEST.
 *
 * Built without KV_FIXED this file has ONE planted bug of that class, for
 * `pwsim fuzz` to find (scenarios/fuzz/kv, docs/fuzzing.md); KV_FIXED=1
 * (scenarios/fuzz/kv_fixed) is the corrected code.
 */
#include <pwk/user.h>

#include "store.h"

struct kv_slot {
	uint8_t key_len; /* 0: the slot is free */
	uint8_t key[KV_MAX_KEY];
	uint8_t value_len;
	uint8_t value[KV_MAX_VALUE];
};

static struct kv_slot slots[KV_SLOTS];

/* A request whose header agrees with its size: the key and value lie
 * inside the bytes that arrived. */
struct kv_request {
	struct kv_header h;
	const uint8_t *key;
	const uint8_t *value;
	size_t value_bytes; /* what follows the key */
};

static struct kv_slot *find(const struct kv_request *r)
{
	for (size_t i = 0; i < KV_SLOTS; i++) {
		if (slots[i].key_len == r->h.key_len &&
		    memcmp(slots[i].key, r->key, r->h.key_len) == 0) {
			return &slots[i];
		}
	}
	return NULL;
}

static struct kv_slot *find_free(void)
{
	for (size_t i = 0; i < KV_SLOTS; i++) {
		if (slots[i].key_len == 0) {
			return &slots[i];
		}
	}
	return NULL;
}

/* GET: the value, or its first h.len bytes when the caller asks for fewer. */
static uint8_t get(const struct kv_request *r, uint8_t *payload, size_t *payload_len)
{
	if (r->h.key_len == 0 || r->value_bytes != 0) {
		return KV_BAD_REQUEST;
	}
	const struct kv_slot *s = find(r);
	if (s == NULL) {
		return KV_NOT_FOUND;
	}
	size_t n = s->value_len;
	if (r->h.len != 0) {
#ifdef KV_FIXED
		n = r->h.len < s->value_len ? r->h.len : s->value_len;
#else
		/* The planted bug: the caller's length is trusted, not clamped
		 * to the stored value's, so the copy runs past the value, the
		 * reply buffer and, for a large enough h.len, the stack. */
		n = r->h.len;
#endif
	}
	memcpy(payload, s->value, n);
	*payload_len = n;
	return KV_OK;
}

/* PUT: h.len bytes of value, exactly what follows the key. */
static uint8_t put(const struct kv_request *r)
{
	if (r->h.key_len == 0 || r->h.len > KV_MAX_VALUE || r->h.len != r->value_bytes) {
		return KV_BAD_REQUEST;
	}
	struct kv_slot *s = find(r);
	if (s == NULL) {
		s = find_free();
	}
	if (s == NULL) {
		return KV_NO_SPACE;
	}
	s->key_len = r->h.key_len;
	memcpy(s->key, r->key, r->h.key_len);
	s->value_len = (uint8_t)r->h.len;
	memcpy(s->value, r->value, r->h.len);
	return KV_OK;
}

static uint8_t delete (const struct kv_request *r)
{
	if (r->h.key_len == 0 || r->value_bytes != 0) {
		return KV_BAD_REQUEST;
	}
	struct kv_slot *s = find(r);
	if (s == NULL) {
		return KV_NOT_FOUND;
	}
	s->key_len = 0;
	return KV_OK;
}

/* LIST: every key as u8 key_len + key, in slot order. KV_MAX_REPLY holds
 * all KV_SLOTS of the longest keys. */
static uint8_t list(const struct kv_request *r, uint8_t *payload, size_t *payload_len)
{
	if (r->h.key_len != 0 || r->h.len != 0 || r->value_bytes != 0) {
		return KV_BAD_REQUEST;
	}
	size_t n = 0;
	for (size_t i = 0; i < KV_SLOTS; i++) {
		if (slots[i].key_len != 0) {
			payload[n++] = slots[i].key_len;
			memcpy(payload + n, slots[i].key, slots[i].key_len);
			n += slots[i].key_len;
		}
	}
	*payload_len = n;
	return KV_OK;
}

/* The header must fit the bytes that arrived and the key its bound; what
 * each op needs beyond that is checked by the op. */
static uint8_t run(const uint8_t *bytes, size_t n, uint8_t *payload, size_t *payload_len)
{
	if (n < KV_HEADER_SIZE || n > KV_MAX_REQUEST) {
		return KV_BAD_REQUEST;
	}
	struct kv_request r = {.h = kv_get_header(bytes)};
	if (r.h.key_len > KV_MAX_KEY || KV_HEADER_SIZE + r.h.key_len > n) {
		return KV_BAD_REQUEST;
	}
	r.key = bytes + KV_HEADER_SIZE;
	r.value = r.key + r.h.key_len;
	r.value_bytes = n - KV_HEADER_SIZE - r.h.key_len;
	switch (r.h.op_or_status) {
	case KV_OP_GET:
		return get(&r, payload, payload_len);
	case KV_OP_PUT:
		return put(&r);
	case KV_OP_DELETE:
		return delete (&r);
	case KV_OP_LIST:
		return list(&r, payload, payload_len);
	default:
		return KV_BAD_REQUEST;
	}
}

size_t kv_serve(const uint8_t *request, size_t n, uint8_t *reply)
{
	size_t payload_len = 0;
	uint8_t status = run(request, n, reply + KV_HEADER_SIZE, &payload_len);
	kv_put_header(reply,
		      (struct kv_header){.op_or_status = status, .len = (uint16_t)payload_len});
	return KV_HEADER_SIZE + payload_len;
}
