/*
 * test_messages.h — pw_kernel tests/interrupts/user/test_messages.rs: the
 * listener reports each scenario to main as [scenario byte][signal bits,
 * little-endian u32].
 */
#ifndef INTERRUPTS_TEST_MESSAGES_H
#define INTERRUPTS_TEST_MESSAGES_H

enum test_scenario {
	SCENARIO_WAIT_INTERRUPT = 1,
	SCENARIO_WAIT_GROUP_INTERRUPT = 2,
};

#define REPORT_SIZE 5u

#endif
