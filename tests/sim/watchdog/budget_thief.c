/* budget_thief.c — rewrites its own budget in the budget page before every
 * block can count it down, then spins: the preemption hook never fires. */
#include <pwk/user.h>

#include "host_link.h"

extern int64_t *__pwk_host_budget;

int pwk_main(uint32_t index_in_app)
{
	(void)index_in_app;
	pwk_log("stealing my budget\n");
	/* volatile: the compiler knows the block counter reads no user memory
	 * and would otherwise drop the store. */
	volatile int64_t *budget = __pwk_host_budget;
	for (;;) {
		*budget = INT64_MAX / 2;
	}
}
