/* spinner.c — logs once, then spins for ever without a syscall (like the
 * pw_kernel IPC example's initiator after its last send). */
#include <pwk/user.h>

#include "spinner_handles.h"

int pwk_main(uint32_t index_in_app)
{
	(void)index_in_app;
	pwk_log("spinning for ever\n");
	for (volatile uint32_t n = 0;; n++) {
	}
}
