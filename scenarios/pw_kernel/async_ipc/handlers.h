/*
 * handlers.h — the "handlers" app: one image run by processes handler1..3
 * (pw_kernel's multi_process_app). Each process's entry lives in its own
 * file with its own generated handle header; handlers.c picks one by the
 * process's index in the app.
 */
#ifndef ASYNC_IPC_HANDLERS_H
#define ASYNC_IPC_HANDLERS_H

#include <pwk/user.h>

/* Serves `ipc_handle` for ever: each 1-byte request comes back plus
 * `increment` (wrapping). Returns only on failure. */
pwk_status_t handle_increment_ipc(uint32_t ipc_handle, uint8_t increment);

int handler1_entry(void);
int handler2_entry(void);
int handler3_entry(void);

#endif
