/* spinner.c — logs once, then spins for ever in an empty loop without a
 * syscall, exactly like the pw_kernel IPC example's initiator after its last
 * send: only deterministic preemption lets anything else run. */
#include <pwk/user.h>

#include "spinner_handles.h"

int pwk_main(uint32_t index_in_app)
{
	(void)index_in_app;
	pwk_log("spinning for ever\n");
	for (;;) {
	}
}
