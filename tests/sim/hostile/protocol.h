/* hostile/protocol.h — victim -> attacker request: a command and the
 * address of the victim's secret. */
#ifndef HOSTILE_PROTOCOL_H
#define HOSTILE_PROTOCOL_H

#include <stdint.h>

enum hostile_command {
	HOSTILE_PROBE_ONLY = 0,     /* kernel probes, then respond */
	HOSTILE_WILD_WRITE = 1,     /* write the secret directly */
	HOSTILE_ILLEGAL = 2,        /* execute an illegal instruction */
	HOSTILE_STACK_OVERFLOW = 3, /* recurse until the stack runs out */
	HOSTILE_WRITE_FLASH = 4,    /* write to its own code */
};

struct hostile_request {
	uint32_t command;
	uint32_t pad;
	uint64_t secret_address;
};

#define HOSTILE_SECRET 0x5ec7e75ec7e75ec7ull

#endif
