/*
 * fuzz_input.h — the buffer pwsim fuzz writes into its driver process
 * (userspace/fuzz_driver.c) before each run, the opcodes of the operations
 * the input encodes, and the statuses the driver ends a run with. Shared by
 * the driver and the simulator (sim/fuzz_target.c, and sim/fuzz_mutate.c,
 * which parses inputs as the driver reads them) so all agree;
 * docs/fuzzing.md, "Input encoding", describes the encoding.
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

/* An operation's opcode byte: bits 0..2 its kind, bits 3 and 4 (A, B)
 * modify it. Every kind not listed transacts (0..2 and 7: the common case
 * gets most opcodes). */
#define PWK_FUZZ_OP_KIND(op) ((op)&7u)
#define PWK_FUZZ_OP_ASYNC    3u /* async transact, pause byte, complete (A) or cancel */
#define PWK_FUZZ_OP_SIGNAL   4u /* set the peer's USER signal to A */
#define PWK_FUZZ_OP_PAUSE    5u /* pause byte */
#define PWK_FUZZ_OP_DIE      6u /* B: async transact and pause byte first; A: fault, else exit */
#define PWK_FUZZ_FLAG_A      0x08u
#define PWK_FUZZ_FLAG_B      0x10u
/* A transact with both flags has a deadline byte of its own (microseconds)
 * instead of the response budget. */
#define PWK_FUZZ_SHORT_DEADLINE(op)                                                                \
	(((op) & (PWK_FUZZ_FLAG_A | PWK_FUZZ_FLAG_B)) == (PWK_FUZZ_FLAG_A | PWK_FUZZ_FLAG_B))

/* debug_shutdown statuses of the driver. 0: every operation ran. The low
 * 16 bits of NO_RESPONSE carry the operation's index. */
#define PWK_FUZZ_EXIT_NOT_SET_UP   UINT32_C(0x7a660000)
#define PWK_FUZZ_EXIT_NO_RESPONSE  UINT32_C(0x7a670000)
#define PWK_FUZZ_EXIT_KIND(status) ((status)&UINT32_C(0xffff0000))

#endif
