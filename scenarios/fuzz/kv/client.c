/*
 * client.c — kv_client's thread: uses the kv store the way a well-behaved
 * caller does, and checks every reply: puts, gets (whole and partial),
 * LIST, replacement, DELETE, a full store, a receive buffer too small for
 * the reply, and a few malformed requests the server must refuse (and
 * survive). Shuts the system down with 0 when every reply is right, with
 * DATA_LOSS after the first wrong one, or with a failing syscall's status.
 */
#include <pwk/user.h>

#include "kv_client_handles.h"
#include "protocol.h"

struct reply {
	uint8_t status;
	size_t len; /* of payload */
	uint8_t payload[KV_MAX_REPLY - KV_HEADER_SIZE];
};

static unsigned checks_passed;

/* Sends request[n] with a receive buffer of recv_cap bytes; the reply must
 * be a header whose length agrees with what arrived. */
static struct reply transact(const uint8_t *request, size_t n, size_t recv_cap)
{
	uint8_t raw[KV_MAX_REPLY] = {0};
	pwk_count_result_t r =
		pwk_channel_transact(HANDLE_KV, request, n, raw, recv_cap, PWK_INSTANT_MAX);
	if (r.status != PWK_OK) {
		pwk_log("transact failed with status %u\n", (unsigned)r.status);
		pwk_debug_shutdown(r.status);
	}
	struct kv_header h = kv_get_header(raw);
	if (r.value < KV_HEADER_SIZE || r.value != KV_HEADER_SIZE + h.len) {
		pwk_log("malformed reply: %u bytes, header says %u\n", (unsigned)r.value,
			(unsigned)h.len);
		pwk_debug_shutdown(PWK_DATA_LOSS);
	}
	struct reply out = {.status = h.op_or_status, .len = h.len};
	memcpy(out.payload, raw + KV_HEADER_SIZE, h.len);
	return out;
}

/* op, key, value_len field, then the value bytes (value_bytes of them). */
static struct reply request(uint8_t op, const char *key, uint16_t value_len, const char *value,
			    size_t value_bytes)
{
	uint8_t bytes[KV_MAX_REQUEST + 8];
	size_t key_len = key != NULL ? pwk_strlen(key) : 0;
	kv_put_header(bytes, (struct kv_header){op, (uint8_t)key_len, value_len});
	memcpy(bytes + KV_HEADER_SIZE, key, key_len);
	memcpy(bytes + KV_HEADER_SIZE + key_len, value, value_bytes);
	return transact(bytes, KV_HEADER_SIZE + key_len + value_bytes, KV_MAX_REPLY);
}

/* The reply must have `status` and, if want is not NULL, the payload want. */
static void expect(const char *what, struct reply got, uint8_t status, const char *want)
{
	size_t want_len = want != NULL ? pwk_strlen(want) : 0;
	bool ok =
		got.status == status &&
		(want == NULL || (got.len == want_len && memcmp(got.payload, want, want_len) == 0));
	if (!ok) {
		pwk_log("%s: got %s \"%.*s\", want %s \"%s\"\n", what, kv_status_name(got.status),
			(int)got.len, (const char *)got.payload, kv_status_name(status),
			want != NULL ? want : "");
		pwk_debug_shutdown(PWK_DATA_LOSS);
	}
	checks_passed++;
	pwk_log("%s: %s%s%.*s\n", what, kv_status_name(got.status), got.len != 0 ? " " : "",
		(int)got.len, (const char *)got.payload);
}

/* LIST's payload (u8 key_len + key, per key) must be the keys of `want`,
 * space-separated, in that order. */
static void expect_list(struct reply got, const char *want)
{
	char keys[KV_MAX_REPLY];
	size_t n = 0;
	for (size_t at = 0; at < got.len; at += 1 + got.payload[at]) {
		size_t key_len = got.payload[at];
		if (at + 1 + key_len > got.len) {
			pwk_log("LIST: a key runs past the reply\n");
			pwk_debug_shutdown(PWK_DATA_LOSS);
		}
		keys[n++] = ' ';
		memcpy(keys + n, got.payload + at + 1, key_len);
		n += key_len;
	}
	/* The keys without the first space, as a payload for expect(). */
	struct reply text = {.status = got.status, .len = n != 0 ? n - 1 : 0};
	memcpy(text.payload, keys + 1, text.len);
	expect("LIST", text, KV_OK, want);
}

static struct reply put(const char *key, const char *value)
{
	size_t n = pwk_strlen(value);
	return request(KV_OP_PUT, key, (uint16_t)n, value, n);
}

static struct reply get(const char *key, uint16_t at_most)
{
	return request(KV_OP_GET, key, at_most, NULL, 0);
}

static void normal_use(void)
{
	expect("PUT apple", put("apple", "red"), KV_OK, "");
	expect("PUT banana", put("banana", "yellow"), KV_OK, "");
	expect("PUT cherry", put("cherry", "dark red"), KV_OK, "");
	expect("GET apple", get("apple", 0), KV_OK, "red");
	expect("GET banana, 3 bytes", get("banana", 3), KV_OK, "yel");
	expect("PUT apple again", put("apple", "green"), KV_OK, "");
	expect("GET apple", get("apple", 0), KV_OK, "green");
	expect_list(request(KV_OP_LIST, NULL, 0, NULL, 0), "apple banana cherry");
	expect("DELETE banana", request(KV_OP_DELETE, "banana", 0, NULL, 0), KV_OK, "");
	expect("GET banana", get("banana", 0), KV_NOT_FOUND, "");
	expect("DELETE banana", request(KV_OP_DELETE, "banana", 0, NULL, 0), KV_NOT_FOUND, "");
}

/* Two keys are in; six more fill the KV_SLOTS slots, the next is refused. */
static void full_store(void)
{
	char what[] = "PUT key0";
	for (char c = '1'; c <= '6'; c++) {
		what[7] = c;
		expect(what, put(what + 4, "v"), KV_OK, "");
	}
	expect("PUT key7", put("key7", "v"), KV_NO_SPACE, "");
	expect("PUT key6 again", put("key6", "w"), KV_OK, "");
}

static void refused_requests(void)
{
	const uint8_t unknown_op[KV_HEADER_SIZE] = {0x7f, 0, 0, 0};
	expect("unknown op", transact(unknown_op, sizeof(unknown_op), KV_MAX_REPLY), KV_BAD_REQUEST,
	       "");
	const uint8_t short_header[2] = {KV_OP_GET, 1};
	expect("2-byte request", transact(short_header, sizeof(short_header), KV_MAX_REPLY),
	       KV_BAD_REQUEST, "");
	char big[KV_MAX_VALUE + 1];
	memset(big, 'x', sizeof(big));
	expect("PUT 65-byte value", request(KV_OP_PUT, "big", sizeof(big), big, sizeof(big)),
	       KV_BAD_REQUEST, "");
	expect("PUT value_len 5, 3 bytes sent", request(KV_OP_PUT, "short", 5, "abc", 3),
	       KV_BAD_REQUEST, "");
	expect("GET with no key", get(NULL, 0), KV_BAD_REQUEST, "");
	const uint8_t get_cherry[] = {KV_OP_GET, 6, 0, 0, 'c', 'h', 'e', 'r', 'r', 'y'};
	expect("GET cherry into a 6-byte buffer", transact(get_cherry, sizeof(get_cherry), 6),
	       KV_REPLY_TOO_LARGE, "");
	expect("GET cherry", get("cherry", 0), KV_OK, "dark red");
}

int pwk_main(uint32_t index_in_app)
{
	(void)index_in_app;
	normal_use();
	full_store();
	refused_requests();
	pwk_log("all %u checks passed\n", checks_passed);
	pwk_debug_shutdown(0);
}
