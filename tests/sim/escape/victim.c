/*
 * victim.c — holds a secret, hands its address to the attacker with command
 * ESCAPE_COMMAND (set at build time), waits for the reply with a deadline,
 * then checks the secret. Shutdown: 0 if intact, DATA_LOSS if changed.
 */
#include <pwk/user.h>

#include "escape.h"
#include "protocol.h"
#include "victim_handles.h"

static volatile uint64_t secret = ESCAPE_SECRET;

int pwk_main(uint32_t index_in_app)
{
	(void)index_in_app;
	struct escape_request req = {ESCAPE_COMMAND, 0, (uint64_t)(uintptr_t)&secret};
	uint8_t reply[8];
	if (ESCAPE_COMMAND == ESCAPE_READ_VECTORS) {
		escape_plant_vectors();
	}
	if (ESCAPE_COMMAND == ESCAPE_READ_VECTORS512) {
		escape_plant_vectors512();
	}
	pwk_count_result_t r = pwk_channel_transact(HANDLE_TO_ATTACKER, &req, sizeof(req), reply,
						    sizeof(reply), pwk_deadline_after_ms(50));
	pwk_log("victim: transact returned status %u\n", (unsigned)r.status);
	if (secret != ESCAPE_SECRET) {
		pwk_log("victim: secret corrupted\n");
		pwk_debug_shutdown(PWK_DATA_LOSS);
	}
	pwk_log("victim: secret intact\n");
	pwk_debug_shutdown(0);
}
