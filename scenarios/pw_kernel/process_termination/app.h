/*
 * app.h — the "process_termination" app: one image run by all five of its
 * processes (pw_kernel's multi_process_app). Each process's entry lives in
 * its own file with its own generated handle header; app.c picks one by the
 * process's index in the app.
 */
#ifndef PROCESS_TERMINATION_APP_H
#define PROCESS_TERMINATION_APP_H

#include <pwk/user.h>

int main_entry(void);
int clean_exit_entry(void);
int forced_exit_entry(void);
int restart_entry(void);
int exception_exit_entry(void);

/* Commands main sends to restart over ipc_control (one byte), as
 * control_commands.rs numbers them. */
enum command {
	COMMAND_MODIFY_STATE = 1,
	COMMAND_VERIFY_RESET = 2,
	COMMAND_BLOCK_INITIATOR = 3,
	COMMAND_ASYNC_TRANSACT = 4,
	COMMAND_SLEEP_AND_EXIT = 5,
	COMMAND_SET_CONTROL_USER_SIGNAL = 6,
	COMMAND_SET_RESET_USER_SIGNAL = 7,
	COMMAND_VERIFY_USER_SIGNAL_PRESERVED = 8,
};

#endif
