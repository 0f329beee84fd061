/*
 * forced_exit.c — pw_kernel tests/stress/process_termination/user/
 * forced_exit.rs: spins in user mode until main terminates it.
 *
 * pwk port: upstream declares it with process_entry("extra") in an app whose
 * process is named forced_exit (open question 9.14: the image would not
 * link as is); here it is simply this process's main.
 */
#include <pwk/user.h>

#include "forced_exit_handles.h"
#include "pw_test.h"

int pwk_main(uint32_t index_in_app)
{
	(void)index_in_app;
	TL_STEP_INFO("I am the extra process. Spinning...\n");
	/* A user-mode spin: it leaves the CPU only when the tick preempts it,
	 * and exits at that kernel entry once it is terminated. */
	for (volatile uint32_t spins = 0;; spins++) {
	}
}
