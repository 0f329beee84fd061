/*
 * store.h — the kv server's request handling, apart from its syscalls: one
 * request in, one reply out. Kept free of the kernel so the same code runs
 * in the server process (handler.c) and is easy to read on its own.
 */
#ifndef KV_STORE_H
#define KV_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "protocol.h"

/* Serves one request of n bytes (n may be anything, the bytes are
 * untrusted) and writes the reply into reply[KV_MAX_REPLY]; returns the
 * reply's length (at least KV_HEADER_SIZE). */
size_t kv_serve(const uint8_t *request, size_t n, uint8_t *reply);

#endif
