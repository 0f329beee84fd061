/* uncounted_spinner.c — spins without the basic-block counter (built
 * without -fsanitize-coverage=trace-pc), like hand-written assembly or a
 * hostile image would: nothing can preempt it, so only the watchdog ends
 * the run. */
#include <pwk/user.h>

int pwk_main(uint32_t index_in_app)
{
	(void)index_in_app;
	pwk_log("spinning where no budget can stop me\n");
	for (volatile uint32_t n = 0;; n++) {
	}
}
