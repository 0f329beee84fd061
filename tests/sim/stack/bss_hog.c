/* bss_hog.c — an initiator whose .bss leaves its main thread no stack:
 * with the runtime's own data, all but a few hundred bytes of the uppercase
 * system's 16 KiB of process RAM. pwsim must refuse it at load, naming the
 * process and the sizes. What RAM the image needs also counts where in its
 * page the linker starts the data (hal-host/loader.c): at a page boundary
 * since the runtime has a stub per syscall (its code no longer ends a few
 * hundred bytes into a page), so a change of the runtime's size may call
 * for this size to be set again. */
#include <pwk/user.h>

#include "initiator_handles.h"

static volatile uint8_t hog[15450];

int pwk_main(uint32_t index_in_app)
{
	hog[index_in_app] = 1;
	return (int)hog[0] + (int)HANDLE_IPC;
}
