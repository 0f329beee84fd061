/*
 * restart.c — pw_kernel tests/process_termination/user/restart.rs: the
 * process main terminates and restarts. It serves one-byte commands on
 * ipc_control_handler (see enum command); any failure shuts the system down.
 *
 * pwk port: sleeps wait on HANDLE_PROCESS. Upstream's sleep_until waits on
 * handle 0, which here is the wait group (open question 9.6), so its
 * "500 ms" sleeps return at once with an error and BlockInitiator panics;
 * here they really sleep.
 */
#include "app.h"
#include "pw_test.h"
#include "restart_handles.h"

_Static_assert(PROCESS_INDEX_IN_APP == 3, "app.c dispatches by manifest order");

#define EXIT_DELAY_MS 500u

static const uint8_t ack[1] = {0};

static _Noreturn void fail(const char *what, pwk_status_t s)
{
	TL_STEP_FAILED("%s\n", what);
	pwk_debug_shutdown(s);
}

static void respond_ack(void)
{
	(void)pwk_channel_respond(HANDLE_IPC_CONTROL_HANDLER, ack, sizeof(ack));
}

static void handle_modify_state(void)
{
	TL_STEP_INFO("ModifyState received: Adding IPC handles to WAIT_GROUP\n");
	pwk_status_t s = pwk_wait_group_add(HANDLE_WAIT_GROUP, HANDLE_IPC_CONTROL_HANDLER,
					    PWK_SIGNAL_READABLE, 42);
	if (s != PWK_OK) {
		fail("Failed to add to wait group", s);
	}
	s = pwk_wait_group_add(HANDLE_WAIT_GROUP, HANDLE_IPC_RESET, PWK_SIGNAL_READABLE, 43);
	if (s != PWK_OK) {
		fail("Failed to add initiator to wait group", s);
	}
	respond_ack();
}

/* After a restart, the wait group must have forgotten both members. */
static void verify_removed(uint32_t object, const char *not_removed, const char *failed)
{
	pwk_status_t s = pwk_wait_group_remove(HANDLE_WAIT_GROUP, object);
	if (s == PWK_OK) {
		fail(not_removed, PWK_INTERNAL);
	}
	if (s != PWK_NOT_FOUND) {
		fail(failed, s);
	}
}

static void handle_verify_reset(void)
{
	TL_STEP_INFO("VerifyReset received: Verifying reset\n");
	verify_removed(HANDLE_IPC_CONTROL_HANDLER,
		       "Object was NOT removed from wait group on reset!",
		       "Failed to remove object from wait group");
	verify_removed(HANDLE_IPC_RESET, "Initiator was NOT removed from wait group on reset!",
		       "Failed to remove initiator from wait group");
	respond_ack();
	TL_STEP_PASSED("Reset verified\n");
}

/* Never responds: main's initiator stays blocked until we are joined. */
static _Noreturn void handle_block_initiator(void)
{
	TL_STEP_INFO("BlockInitiator received: Doing nothing to block initiator\n");
	for (;;) {
		pwk_status_t s = sleep_until(HANDLE_PROCESS, PWK_INSTANT_MAX);
		if (s != PWK_OK) {
			fail("canceled", s);
		}
	}
}

static _Noreturn void handle_async_transact(void)
{
	TL_STEP_INFO("AsyncTransact received: Initiating async transaction on IPC_RESET\n");
	/* Static: the transaction outlives this frame (until we are joined). */
	static const uint8_t msg[1] = {42};
	static uint8_t reply[1];
	(void)pwk_channel_async_transact(HANDLE_IPC_RESET, msg, sizeof(msg), reply, sizeof(reply));
	respond_ack();
	(void)sleep_until(HANDLE_PROCESS, pwk_deadline_after_ms(EXIT_DELAY_MS));
	pwk_process_exit(0);
}

static _Noreturn void handle_sleep_and_exit(void)
{
	TL_STEP_INFO("SleepAndExit received: Sleeping and then exiting\n");
	(void)sleep_until(HANDLE_PROCESS, pwk_deadline_after_ms(EXIT_DELAY_MS));
	pwk_process_exit(0);
}

static void handle_set_control_user_signal(void)
{
	TL_STEP_INFO("SetControlUserSignal received: Setting peer USER signal to true\n");
	pwk_status_t s = pwk_object_set_peer_user_signal(HANDLE_IPC_CONTROL_HANDLER, true);
	if (s != PWK_OK) {
		fail("Failed to set peer user signal on IPC_CONTROL_HANDLER", s);
	}
	respond_ack();
}

static void handle_set_reset_user_signal(void)
{
	TL_STEP_INFO("SetResetUserSignal received: Setting peer USER signal to true on "
		     "IPC_RESET\n");
	pwk_status_t s = pwk_object_set_peer_user_signal(HANDLE_IPC_RESET, true);
	if (s != PWK_OK) {
		fail("Failed to set peer user signal on IPC_RESET", s);
	}
	respond_ack();
}

static void handle_verify_user_signal_preserved(void)
{
	TL_STEP_INFO("VerifyUserSignalPreserved received: Verifying Signals::USER is still set\n");
	if (pwk_object_wait(HANDLE_IPC_CONTROL_HANDLER, PWK_SIGNAL_USER, pwk_now()).status !=
	    PWK_OK) {
		fail("Signals::USER was lost on restart!", PWK_INTERNAL);
	}
	TL_STEP_PASSED("Signals::USER correctly remained set on restart!\n");
	respond_ack();
}

int restart_entry(void)
{
	TL_STEP_INFO("I am the object_reset process\n");
	for (;;) {
		pwk_wait_result_t w = pwk_object_wait(HANDLE_IPC_CONTROL_HANDLER,
						      PWK_SIGNAL_READABLE, PWK_INSTANT_MAX);
		if (w.status != PWK_OK) {
			fail("Failed to wait for command", w.status);
		}
		uint8_t cmd[1];
		pwk_status_t s =
			channel_read_exact(HANDLE_IPC_CONTROL_HANDLER, 0, cmd, sizeof(cmd));
		if (s != PWK_OK) {
			fail("Failed to read command", s);
		}
		switch (cmd[0]) {
		case COMMAND_MODIFY_STATE:
			handle_modify_state();
			break;
		case COMMAND_VERIFY_RESET:
			handle_verify_reset();
			break;
		case COMMAND_BLOCK_INITIATOR:
			handle_block_initiator();
		case COMMAND_ASYNC_TRANSACT:
			handle_async_transact();
		case COMMAND_SLEEP_AND_EXIT:
			handle_sleep_and_exit();
		case COMMAND_SET_CONTROL_USER_SIGNAL:
			handle_set_control_user_signal();
			break;
		case COMMAND_SET_RESET_USER_SIGNAL:
			handle_set_reset_user_signal();
			break;
		case COMMAND_VERIFY_USER_SIGNAL_PRESERVED:
			handle_verify_user_signal_preserved();
			break;
		default:
			fail("Unknown command received", PWK_INVALID_ARGUMENT);
		}
	}
}
