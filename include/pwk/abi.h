/*
 * pwk/abi.h — the kernel <-> userspace ABI, shared by kernel-core and the
 * userspace runtime. Numbering follows pw_kernel (syscall_defs.rs, pw_status)
 * so that ids, status codes and signal bits mean the same thing on both.
 *
 * Freestanding: only <stdint.h>, <stddef.h>, <stdbool.h>.
 */
#ifndef PWK_ABI_H
#define PWK_ABI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <pwk/syscall_table.h>

/* One machine word of the syscall ABI: 32 bits on RV32, 64 bits on the host. */
typedef uintptr_t pwk_word_t;
typedef intptr_t pwk_sword_t;

/* Absolute time in clock ticks. PWK_INSTANT_MAX waits forever; any instant
 * not after "now" (e.g. 0) polls. */
typedef uint64_t pwk_instant_t;
#define PWK_INSTANT_MAX UINT64_MAX

/* Status codes, pw_status numbering. Never negative errno. */
#define PWK_STATUS_LIST(X)                                                                         \
	X(OK, 0)                                                                                   \
	X(CANCELLED, 1)                                                                            \
	X(UNKNOWN, 2)                                                                              \
	X(INVALID_ARGUMENT, 3)                                                                     \
	X(DEADLINE_EXCEEDED, 4)                                                                    \
	X(NOT_FOUND, 5)                                                                            \
	X(ALREADY_EXISTS, 6)                                                                       \
	X(PERMISSION_DENIED, 7)                                                                    \
	X(RESOURCE_EXHAUSTED, 8)                                                                   \
	X(FAILED_PRECONDITION, 9)                                                                  \
	X(ABORTED, 10)                                                                             \
	X(OUT_OF_RANGE, 11)                                                                        \
	X(UNIMPLEMENTED, 12)                                                                       \
	X(INTERNAL, 13)                                                                            \
	X(UNAVAILABLE, 14)                                                                         \
	X(DATA_LOSS, 15)                                                                           \
	X(UNAUTHENTICATED, 16)

typedef enum {
#define PWK_STATUS_ENUM(name, value) PWK_##name = value,
	PWK_STATUS_LIST(PWK_STATUS_ENUM)
#undef PWK_STATUS_ENUM
} pwk_status_t;

#define PWK_STATUS_COUNT 17

/* The name of pw_status `status` ("OK", "OUT_OF_RANGE"), or NULL for a value
 * that is none: the one list every report prints. */
static inline const char *pwk_status_name(uint32_t status)
{
	switch (status) {
#define PWK_STATUS_NAME(name, value)                                                               \
	case value:                                                                                \
		return #name;
		PWK_STATUS_LIST(PWK_STATUS_NAME)
#undef PWK_STATUS_NAME
	default:
		return NULL;
	}
}

/* Syscall ids, from the table in pwk/syscall_table.h. PWK_SYSCALL_LIST(X)
 * is its (NAME, id) view: X(CHANNEL_ASYNC_CANCEL, 0x0001) ... */
#define PWK__SYSCALL_LIST_ROW(X, NAME, name, value, RET) X(NAME, value)
#define PWK_SYSCALL_LIST(X)                              PWK_SYSCALL_TABLE(PWK__SYSCALL_LIST_ROW, X)

typedef enum {
#define PWK_SYSCALL_ENUM(name, value) PWK_SYSCALL_##name = value,
	PWK_SYSCALL_LIST(PWK_SYSCALL_ENUM)
#undef PWK_SYSCALL_ENUM
} pwk_syscall_id_t;

/* Syscalls take at most this many argument words (a0..a7 on RISC-V). */
#define PWK_SYSCALL_ARGS_MAX 8

/* Two result words (a0/a1). Encoding by syscall kind (pw_kernel):
 *  - Result<()> / Result<count>: a0 = value (>= 0) or -(status), a1 = 0 or all-ones.
 *  - object_wait: a0 = user_data, a1 = pending signals; on error a0 = +status
 *    and a1 = PWK_SIGNAL_RESERVED.
 *  - task_join: a0 = exit-status tag (1..5), a1 = payload; error as Result.
 *  - debug_clock_now: a0 = low word, a1 = high word (on RV32; on 64-bit hosts
 *    a0 holds the whole instant and a1 is 0). */
typedef struct {
	pwk_word_t a0;
	pwk_word_t a1;
} pwk_syscall_ret_t;

/* Signals (u32 bit set). Bits 4..14 are undefined: a mask that uses them is
 * INVALID_ARGUMENT. PWK_SIGNAL_VALID are the signals an object can raise;
 * PWK_SIGNAL_MASK_VALID adds RESERVED, which pw_kernel declares (so a mask
 * may name it) but never raises. */
#define PWK_SIGNAL_READABLE       (UINT32_C(1) << 0)
#define PWK_SIGNAL_WRITEABLE      (UINT32_C(1) << 1)
#define PWK_SIGNAL_ERROR          (UINT32_C(1) << 2)
#define PWK_SIGNAL_JOINABLE       (UINT32_C(1) << 3)
#define PWK_SIGNAL_USER           (UINT32_C(1) << 15)
#define PWK_SIGNAL_INTERRUPT_A    (UINT32_C(1) << 16)
#define PWK_SIGNAL_INTERRUPT(k)   (PWK_SIGNAL_INTERRUPT_A << (k)) /* k = 0..14 (A..O) */
#define PWK_SIGNAL_INTERRUPTS_MAX 15
#define PWK_SIGNAL_INTERRUPT_ALL  (UINT32_C(0x7fff) << 16)
#define PWK_SIGNAL_RESERVED       (UINT32_C(1) << 31)
#define PWK_SIGNAL_VALID                                                                           \
	(PWK_SIGNAL_READABLE | PWK_SIGNAL_WRITEABLE | PWK_SIGNAL_ERROR | PWK_SIGNAL_JOINABLE |     \
	 PWK_SIGNAL_USER | PWK_SIGNAL_INTERRUPT_ALL)
#define PWK_SIGNAL_MASK_VALID (PWK_SIGNAL_VALID | PWK_SIGNAL_RESERVED)

/* The name of signal bit `bit` ("READABLE", "USER", "INTERRUPT_C"), or NULL
 * for RESERVED and the undefined bits: the one list every report prints. */
static inline const char *pwk_signal_name(uint32_t bit)
{
	static const char *const low[] = {"READABLE", "WRITEABLE", "ERROR", "JOINABLE"};
	static const char *const interrupts[PWK_SIGNAL_INTERRUPTS_MAX] = {
		"INTERRUPT_A", "INTERRUPT_B", "INTERRUPT_C", "INTERRUPT_D", "INTERRUPT_E",
		"INTERRUPT_F", "INTERRUPT_G", "INTERRUPT_H", "INTERRUPT_I", "INTERRUPT_J",
		"INTERRUPT_K", "INTERRUPT_L", "INTERRUPT_M", "INTERRUPT_N", "INTERRUPT_O"};
	if (bit < 4u) {
		return low[bit];
	}
	if (bit == 15u) {
		return "USER";
	}
	if (bit >= 16u && bit < 16u + PWK_SIGNAL_INTERRUPTS_MAX) {
		return interrupts[bit - 16u];
	}
	return NULL;
}

/* Exit status of a joined thread or process (task_join: a0 = tag, a1 = payload). */
typedef enum {
	PWK_EXIT_SUCCESS = 1,             /* payload: the exit code */
	PWK_EXIT_UNHANDLED_EXCEPTION = 2, /* payload: 0 (as pw_kernel) */
	PWK_EXIT_TERMINATED_BY_SYSCALL = 3,
	PWK_EXIT_TERMINATED_BY_KERNEL = 4,
	PWK_EXIT_PROCESS_TERMINATED = 5,
} pwk_exit_tag_t;

/* A buffer length word is signed: >= 0 is a flat buffer, < 0 means the
 * pointer names an array of -len iovec entries (pw_kernel's vectored form). */
typedef struct {
	pwk_word_t ptr;
	pwk_word_t len;
} pwk_abi_iovec_t;

#endif /* PWK_ABI_H */
