/*
 * pw_test.h — what the ported pw_kernel tests share: the line formats of
 * pw_kernel's test_logger (lib/unittest/test_logger.rs), so a pwk run logs
 * the same steps as the upstream test, and the userspace helpers those tests
 * call (sleep_until, channel_read_exact).
 *
 * The TL_* macros take a printf-style format (a string literal) and its
 * arguments, ending the line with "\n" as every pwk_log caller does.
 */
#ifndef PW_TEST_H
#define PW_TEST_H

#include <pwk/user.h>

/* pw_kernel's markers, as UTF-8. */
#define TL_RUNNING "🔄"
#define TL_OK      "✅"
#define TL_FAIL    "❌"
#define TL_TEE     "├─"
#define TL_BAR     "│"

static inline void tl_start(const char *name)
{
	pwk_log(TL_RUNNING " [%s] RUNNING\n", name);
}

static inline void tl_passed(const char *name)
{
	pwk_log(TL_OK " [%s] PASSED\n", name);
}

static inline void tl_failed(const char *name)
{
	pwk_log(TL_FAIL " [%s] FAILED\n", name);
}

#define TL_INFO(...)        pwk_log(TL_TEE " " __VA_ARGS__)
#define TL_ERROR(...)       pwk_log(TL_FAIL " " __VA_ARGS__)
#define TL_STEP_START(...)  pwk_log(TL_TEE " " TL_RUNNING " " __VA_ARGS__)
#define TL_STEP_INFO(...)   pwk_log(TL_BAR "  " TL_TEE " " __VA_ARGS__)
#define TL_STEP_PASSED(...) pwk_log(TL_BAR "  " TL_OK " " __VA_ARGS__)
#define TL_STEP_FAILED(...) pwk_log(TL_BAR "  " TL_FAIL " " __VA_ARGS__)

/*
 * pw_kernel's userspace sleep_until: a wait with an empty mask that only its
 * deadline ends. Upstream waits on handle 0 taking it for the process
 * object, but the generator appends the process object last (open question
 * 9.6): in a process whose handle 0 is a wait group the "sleep" fails at
 * once. The ports pass their own HANDLE_PROCESS instead.
 * DEADLINE_EXCEEDED is success; an early return means the wait was cut short.
 */
static inline pwk_status_t sleep_until(uint32_t process_handle, pwk_instant_t deadline)
{
	pwk_wait_result_t w = pwk_object_wait(process_handle, 0, deadline);
	if (w.status == PWK_DEADLINE_EXCEEDED) {
		return PWK_OK;
	}
	return w.status == PWK_OK ? PWK_CANCELLED : w.status;
}

/* pw_kernel's channel_read_exact: OUT_OF_RANGE unless exactly `len` bytes came. */
static inline pwk_status_t channel_read_exact(uint32_t handle, size_t offset, void *buf, size_t len)
{
	pwk_count_result_t r = pwk_channel_read(handle, offset, buf, len);
	if (r.status != PWK_OK) {
		return r.status;
	}
	return r.value == len ? PWK_OK : PWK_OUT_OF_RANGE;
}

/* Runs `call` (a pwk_status_t expression) and returns its status from the
 * enclosing function if it failed: Rust's `?`. */
#define TRY(call)                                                                                  \
	do {                                                                                       \
		pwk_status_t try_status_ = (call);                                                 \
		if (try_status_ != PWK_OK) {                                                       \
			return try_status_;                                                        \
		}                                                                                  \
	} while (0)

#endif /* PW_TEST_H */
