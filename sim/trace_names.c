/*
 * trace_names.c — names of syscalls, statuses, exit tags and signals for
 * traces and replay listings, all from pwk/abi.h's lists so they cannot
 * drift from the ABI.
 */
#include <stdio.h>
#include <string.h>

#include <pwk/abi.h>
#include <pwk/syscall_table.h>

#include "trace_internal.h"

const char *trace_syscall_name(uint32_t id, char *buf, size_t cap)
{
	const char *name = pwk_syscall_name(id);
	if (name == NULL) {
		snprintf(buf, cap, "syscall_0x%04x", id);
		return buf;
	}
	return name;
}

const char *trace_status_name(uint32_t status)
{
	const char *name = pwk_status_name(status);
	return name != NULL ? name : "?";
}

const char *trace_exit_tag_name(uint32_t tag)
{
	switch (tag) {
	case PWK_EXIT_SUCCESS:
		return "SUCCESS";
	case PWK_EXIT_UNHANDLED_EXCEPTION:
		return "UNHANDLED_EXCEPTION";
	case PWK_EXIT_TERMINATED_BY_SYSCALL:
		return "TERMINATED_BY_SYSCALL";
	case PWK_EXIT_TERMINATED_BY_KERNEL:
		return "TERMINATED_BY_KERNEL";
	case PWK_EXIT_PROCESS_TERMINATED:
		return "PROCESS_TERMINATED";
	default:
		return "?";
	}
}

void trace_signals_text(uint32_t signals, char *buf, size_t cap)
{
	size_t len = 0;
	buf[0] = '\0';
	for (unsigned b = 0; b < 32; b++) {
		if ((signals & (UINT32_C(1) << b)) == 0) {
			continue;
		}
		char bit[8];
		const char *name = pwk_signal_name(b);
		if (name == NULL) {
			snprintf(bit, sizeof(bit), "BIT%u", b);
			name = bit;
		}
		/* No printf here: a wake-up's signals are written per event. */
		size_t n = strlen(name), sep = len == 0 ? 0 : 1;
		if (len + sep + n >= cap) {
			return; /* truncated: what fits is still a readable prefix */
		}
		if (sep) {
			buf[len++] = '|';
		}
		memcpy(buf + len, name, n + 1);
		len += n;
	}
	if (len == 0) {
		snprintf(buf, cap, "none");
	}
}

/* Whether the syscall's first argument is a handle, from the one syscall
 * table (pwk/syscall_table.h). */
bool trace_syscall_takes_handle(uint32_t id)
{
	struct first_arg {
		bool seen, handle;
	};
#define FIRST_ARG(s, KIND, arg)                                                                    \
	if (!(s).seen) {                                                                           \
		(s).seen = true;                                                                   \
		(s).handle = PWK_ARG_##KIND == PWK_ARG_HANDLE;                                     \
	}
#define SYSCALL_CASE(ctx, NAME, name, value, RET)                                                  \
	case value: {                                                                              \
		struct first_arg first = {false, false};                                           \
		PWK_SYSCALL_ARGS_##name(FIRST_ARG, first) return first.handle;                     \
	}
	switch (id) {
		PWK_SYSCALL_TABLE(SYSCALL_CASE, ~)
	default:
		return false;
	}
#undef SYSCALL_CASE
#undef FIRST_ARG
}
