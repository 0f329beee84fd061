/*
 * jumper.c — jumps into its own RAM (a buffer of data, not code): the
 * fault report must place the program counter in RAM, not in flash.
 */
#include <pwk/user.h>

static uint8_t not_code[16] = {0x0f, 0x0b}; /* ud2, should it ever execute */

int pwk_main(uint32_t index_in_app)
{
	(void)index_in_app;
	pwk_log("jumping to %p\n", (void *)not_code);
	void (*fn)(void) = (void (*)(void))(uintptr_t)not_code;
	fn();
	return 0;
}
