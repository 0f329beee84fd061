/* syscall_spinner.c — logs once, then makes syscalls for ever: with no
 * virtual time per syscall or per basic block, the clock never moves. */
#include <pwk/user.h>

int pwk_main(uint32_t index_in_app)
{
	(void)index_in_app;
	pwk_log("spinning in syscalls for ever\n");
	for (;;) {
		pwk_debug_nop();
	}
}
