/*
 * attacker.c — misbehaves in every way a process can, and logs what the
 * kernel answered. Probes go through the kernel (they must fail with a
 * status and copy nothing); the final command attacks without the kernel.
 */
#include <pwk/user.h>

#include "attacker_handles.h"
#include "protocol.h"
#include "syscall_raw.h"

static uint8_t own[16];

static void probe(const char *what, pwk_status_t got)
{
	pwk_log("attacker: %s -> status %u\n", what, (unsigned)got);
}

static pwk_status_t raw_status(pwk_syscall_ret_t r)
{
	pwk_sword_t v = (pwk_sword_t)r.a0;
	return v < 0 ? (pwk_status_t)-v : PWK_OK;
}

static void kernel_probes(uintptr_t secret)
{
	probe("respond from victim memory",
	      pwk_channel_respond(HANDLE_FROM_VICTIM, (const void *)secret, 8));
	probe("read into victim memory",
	      pwk_channel_read(HANDLE_FROM_VICTIM, 0, (void *)secret, 8).status);
	probe("read into own flash",
	      pwk_channel_read(HANDLE_FROM_VICTIM, 0, (void *)(uintptr_t)kernel_probes, 8).status);
	probe("read with NULL buffer", pwk_channel_read(HANDLE_FROM_VICTIM, 0, NULL, 0).status);
	probe("read with a range that wraps around",
	      pwk_channel_read(HANDLE_FROM_VICTIM, 0, (void *)(UINTPTR_MAX - 0xfff), 0x2000)
		      .status);
	/* 64 KiB from `own` leaves the 16 KiB RAM without wrapping the
	 * address space on either word size (a wrap is INVALID_ARGUMENT). */
	probe("respond with length past region",
	      pwk_channel_respond(HANDLE_FROM_VICTIM, own, (size_t)64 * 1024));
	probe("log from victim memory", pwk_debug_log((const char *)secret, 8));
	probe("wait on bad handle", pwk_object_wait(99, PWK_SIGNAL_READABLE, 0).status);
	probe("wait with undefined signal bits",
	      pwk_object_wait(HANDLE_FROM_VICTIM, 1u << 7, 0).status);
	probe("transact on a handler",
	      pwk_channel_transact(HANDLE_FROM_VICTIM, own, 1, own, 1, 0).status);
	probe("unknown syscall id", raw_status(pwk_raw_syscall(0x1234, 0, 0, 0, 0, 0, 0, 0)));
}

/* Never reached: a depth the stack cannot hold. Volatile so the compiler
 * cannot see that the recursion is unbounded. */
static volatile unsigned recursion_limit = UINT32_MAX;

static unsigned recurse(unsigned depth)
{
	volatile uint8_t frame[256];
	frame[0] = (uint8_t)depth;
	if (depth == recursion_limit) {
		return 0;
	}
	return recurse(depth + 1) + frame[0];
}

int pwk_main(uint32_t index_in_app)
{
	(void)index_in_app;
	pwk_wait_result_t w =
		pwk_object_wait(HANDLE_FROM_VICTIM, PWK_SIGNAL_READABLE, PWK_INSTANT_MAX);
	struct hostile_request req;
	pwk_count_result_t r = pwk_channel_read(HANDLE_FROM_VICTIM, 0, &req, sizeof(req));
	if (w.status != PWK_OK || r.status != PWK_OK || r.value != sizeof(req)) {
		pwk_debug_shutdown(PWK_INTERNAL);
	}
	uintptr_t secret = (uintptr_t)req.secret_address;
	kernel_probes(secret);
	switch (req.command) {
	case HOSTILE_WILD_WRITE:
		pwk_log("attacker: writing the secret directly\n");
		*(volatile uint64_t *)secret = 0;
		break;
	case HOSTILE_ILLEGAL:
		pwk_log("attacker: executing an illegal instruction\n");
		__builtin_trap();
	case HOSTILE_STACK_OVERFLOW:
		pwk_log("attacker: recursing for ever\n");
		pwk_log("%u\n", recurse(0));
		break;
	case HOSTILE_WRITE_FLASH:
		pwk_log("attacker: writing its own code\n");
		*(volatile uint8_t *)(uintptr_t)kernel_probes = 0;
		break;
	default:
		break;
	}
	pwk_log("attacker: still running, responding\n");
	(void)pwk_channel_respond(HANDLE_FROM_VICTIM, own, 8);
	for (;;) {
		(void)pwk_object_wait(HANDLE_FROM_VICTIM, PWK_SIGNAL_READABLE, PWK_INSTANT_MAX);
	}
}
