/*
 * trace_names.c — names of syscalls, statuses, exit tags and signals for
 * traces and replay listings, all from pwk/abi.h's lists so they cannot
 * drift from the ABI.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include <pwk/abi.h>

#include "trace_internal.h"

static const char *syscall_upper_name(uint32_t id)
{
	switch (id) {
#define SYSCALL_NAME(name, value)                                                                  \
	case value:                                                                                \
		return #name;
		PWK_SYSCALL_LIST(SYSCALL_NAME)
#undef SYSCALL_NAME
	default:
		return NULL;
	}
}

const char *trace_syscall_name(uint32_t id, char *buf, size_t cap)
{
	const char *upper = syscall_upper_name(id);
	if (upper == NULL) {
		snprintf(buf, cap, "syscall_0x%04x", id);
		return buf;
	}
	size_t i = 0;
	for (; upper[i] != '\0' && i + 1 < cap; i++) {
		buf[i] = (char)tolower((unsigned char)upper[i]);
	}
	buf[i] = '\0';
	return buf;
}

const char *trace_status_name(uint32_t status)
{
	switch (status) {
#define STATUS_NAME(name, value)                                                                   \
	case value:                                                                                \
		return #name;
		PWK_STATUS_LIST(STATUS_NAME)
#undef STATUS_NAME
	default:
		return "?";
	}
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
	static const char *const names[] = {"READABLE", "WRITEABLE", "ERROR", "JOINABLE"};
	size_t len = 0;
	buf[0] = '\0';
	for (unsigned b = 0; b < 32; b++) {
		if ((signals & (UINT32_C(1) << b)) == 0) {
			continue;
		}
		char one[24];
		if (b < 4) {
			snprintf(one, sizeof(one), "%s", names[b]);
		} else if (b == 15) {
			snprintf(one, sizeof(one), "USER");
		} else if (b >= 16 && b < 16 + PWK_SIGNAL_INTERRUPTS_MAX) {
			snprintf(one, sizeof(one), "INTERRUPT_%c", 'A' + (b - 16));
		} else {
			snprintf(one, sizeof(one), "BIT%u", b);
		}
		int n = snprintf(buf + len, cap - len, "%s%s", len == 0 ? "" : "|", one);
		if (n < 0 || (size_t)n >= cap - len) {
			return; /* truncated: what fits is still a readable prefix */
		}
		len += (size_t)n;
	}
	if (len == 0) {
		snprintf(buf, cap, "none");
	}
}

bool trace_syscall_takes_handle(uint32_t id)
{
	switch (id) {
	case PWK_SYSCALL_CHANNEL_ASYNC_CANCEL:
	case PWK_SYSCALL_CHANNEL_ASYNC_TRANSACT:
	case PWK_SYSCALL_CHANNEL_ASYNC_TRANSACT_COMPLETE:
	case PWK_SYSCALL_CHANNEL_READ:
	case PWK_SYSCALL_CHANNEL_RESPOND:
	case PWK_SYSCALL_CHANNEL_TRANSACT:
	case PWK_SYSCALL_INTERRUPT_ACK:
	case PWK_SYSCALL_OBJECT_WAIT:
	case PWK_SYSCALL_PROCESS_START:
	case PWK_SYSCALL_OBJECT_SET_PEER_USER_SIGNAL:
	case PWK_SYSCALL_TASK_JOIN:
	case PWK_SYSCALL_TASK_TERMINATE:
	case PWK_SYSCALL_THREAD_START:
	case PWK_SYSCALL_WAIT_GROUP_ADD:
	case PWK_SYSCALL_WAIT_GROUP_REMOVE:
		return true;
	default:
		return false;
	}
}
