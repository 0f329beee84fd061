/*
 * fuzz_input.h — the buffer pwsim fuzz writes into its driver process
 * (userspace/fuzz_driver.c) before each run, and the statuses the driver
 * ends a run with. Shared by the driver and the simulator (sim/fuzz_target.c)
 * so both agree on the layout; docs/fuzzing.md describes the input encoding.
 */
#ifndef PWK_USERSPACE_FUZZ_INPUT_H
#define PWK_USERSPACE_FUZZ_INPUT_H

#include <stdint.h>

/* The ELF symbol pwsim looks the buffer up by. */
#define PWK_FUZZ_INPUT_SYMBOL "pwk_fuzz_input"
#define PWK_FUZZ_INPUT_MAGIC  UINT32_C(0x7a667770) /* "pwfz" */
#define PWK_FUZZ_INPUT_MAX    4096u                /* bytes of one input */
#define PWK_FUZZ_RECV_MAX     4096u                /* the driver's receive buffer */

struct pwk_fuzz_input {
	uint32_t magic;           /* 0 in the image: it was not started by pwsim fuzz */
	uint32_t handle;          /* the channel_initiator the driver plays */
	uint64_t response_budget; /* ticks a handler has to answer a request */
	uint32_t len;             /* bytes of `bytes` in use */
	uint32_t reserved;
	uint8_t bytes[PWK_FUZZ_INPUT_MAX];
};

/* debug_shutdown statuses of the driver. 0: every operation ran. The low
 * 16 bits of NO_RESPONSE carry the operation's index. */
#define PWK_FUZZ_EXIT_NOT_SET_UP   UINT32_C(0x7a660000)
#define PWK_FUZZ_EXIT_NO_RESPONSE  UINT32_C(0x7a670000)
#define PWK_FUZZ_EXIT_KIND(status) ((status)&UINT32_C(0xffff0000))

#endif
