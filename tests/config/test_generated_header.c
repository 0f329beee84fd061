/* SPDX-License-Identifier: Apache-2.0 */
/*
 * test_generated_header.c — a header made by pwk-gen during the build (the
 * way process images get theirs) compiles and holds pw_kernel's numbers:
 * the qemu ipc initiator has IPC=0, INITIATOR_THREAD=1, PROCESS=2.
 */
#include <criterion/criterion.h>

#include "ipc_initiator_handles.h"

_Static_assert(HANDLE_IPC == 0u, "first declared object");
_Static_assert(HANDLE_INITIATOR_THREAD == 1u, "thread objects take handles too");
_Static_assert(HANDLE_PROCESS == 2u, "the process object comes last");

Test(generated_header, values_are_usable_as_constants)
{
	static const unsigned handles[] = {HANDLE_IPC, HANDLE_INITIATOR_THREAD, HANDLE_PROCESS};
	cr_assert_eq(handles[2], 2u);
	cr_assert_eq(PROCESS_INDEX_IN_APP, 0u);
	cr_assert_eq(MAPPING_RAM_START_ADDRESS, 0x81010000u);
}
