/* spammer.c — prints a million numbered lines, then shuts the system down:
 * pwsim must keep its memory bounded (and say that it stopped keeping). */
#include <pwk/user.h>

int pwk_main(uint32_t index_in_app)
{
	(void)index_in_app;
	pwk_log("spammer: started\n");
	for (uint32_t i = 0; i < 1000000u; i++) {
		pwk_log("spammer: line %u of a million, padded to look like real output\n", i);
	}
	pwk_log("spammer: done\n");
	pwk_debug_shutdown(0);
}
