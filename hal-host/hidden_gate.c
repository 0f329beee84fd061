/*
 * hidden_gate.c — how a process's link page names the kernel's gates, so that
 * no host address is ever visible to process code (isolations none and
 * mprotect where the CPU has no protection keys; with them, and in
 * isolation pkeys, the key gate's stubs need no host syscall, pkeys.c;
 * trusted names the gates themselves).
 *
 * The direct gate (the link page holding the syscall gate's address, the
 * runtime jumping there) would tell a process where pwsim's code, globals
 * and stacks are, and plain stores could reach them. x86-64 without
 * protection keys has no execute-only pages and no register process code
 * cannot read, so any jump into pwsim that names its target in user memory
 * or code gives the target away. The link page instead holds two stubs,
 * written here (the link page is read-only to the process), whose one host
 * syscall hands over the only secret: where pwsim's gate table is.
 *
 *   syscall stub (64):  push %rax; push %rdi; mov %rcx,%r10;
 *                       mov $PR_GET_TIMERSLACK,%edi; mov $__NR_prctl,%eax;
 *                       syscall; jmp *(%rax)
 *   preempt stub (96):  mov $PR_GET_TIMERSLACK,%edi; mov $__NR_prctl,%eax;
 *                       syscall; jmp *8(%rax)
 *
 * During a run the machine's host thread has its timer slack (a per-thread
 * number Linux keeps and gives back unchanged) set to the address of
 * this CPU's row of host_gate_tables, so the prctl returns it in rax and
 * the stub jumps through it: to the variant's syscall slack entry, which
 * takes a0 and the id back from the user stack and a3 from r10 and goes
 * on as its syscall gate, or to its preemption gate. The secret is in rax
 * for one instruction, in user mode but in the stub's code: process code
 * that jumps to the syscall itself gets the same jump, and a single-step
 * trap or fault there is the process's (the fault handler never shows
 * process code its registers).
 * seccomp.c allows exactly this call at exactly these two places of a link
 * page (the same offset in every slot) and refuses every other syscall from
 * the user span; syscall user dispatch lets the span through to seccomp.
 * The timer slack only stretches timed sleeps, and the machine's thread
 * sleeps in none during a run; it is given back at the run's end. Cost: one
 * host syscall per kernel entry (~0.1 µs here), instead of a signal (~1 µs).
 *
 * Isolation `trusted` keeps the direct gate: no host syscall per entry, and
 * nothing of pwsim hidden from process code.
 *
 * Where the slack cannot be set (a real-time thread, which Linux gives no
 * slack), the link page holds the older trap stubs instead:
 *     syscall stub:  mov %rcx, %r10; syscall; ud2
 *     preempt stub:  syscall; ud2
 * seccomp refuses their syscall with SIGSYS; the fault handler recognises
 * it (by its address) and resumes the context at the gate, with the
 * registers as the runtime left them (rcx from r10). A signal per syscall.
 */
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <ucontext.h>
#include <unistd.h>

#include <pwk/hal.h>

#include "cpu_state.h"
#include "host_link.h"
#include "machine.h"

static const uint8_t slack_syscall_stub[] = {
	0x50,                         /* push %rax (the id) */
	0x57,                         /* push %rdi (a0) */
	0x49, 0x89, 0xca,             /* mov %rcx,%r10 */
	0xbf, 0x1e, 0x00, 0x00, 0x00, /* mov $PR_GET_TIMERSLACK,%edi */
	0xb8, 0x9d, 0x00, 0x00, 0x00, /* mov $__NR_prctl,%eax */
	0x0f, 0x05,                   /* syscall */
	0xff, 0x20,                   /* jmp *(%rax) */
	0x0f, 0x0b,                   /* ud2 */
};
static const uint8_t slack_preempt_stub[] = {
	0xbf, 0x1e, 0x00, 0x00, 0x00, /* mov $PR_GET_TIMERSLACK,%edi */
	0xb8, 0x9d, 0x00, 0x00, 0x00, /* mov $__NR_prctl,%eax */
	0x0f, 0x05,                   /* syscall */
	0xff, 0x60, 0x08,             /* jmp *8(%rax) */
	0x0f, 0x0b,                   /* ud2 */
};
_Static_assert(PR_GET_TIMERSLACK == 0x1e && SYS_prctl == 0x9d, "the stubs' immediates");
_Static_assert(sizeof(slack_syscall_stub) == HOST_GATE_SYSCALL_STUB_AFTER + 4 &&
		       sizeof(slack_preempt_stub) == HOST_GATE_PREEMPT_STUB_AFTER + 5,
	       "seccomp.c allows the syscall that ends at STUB_AFTER");

static const uint8_t trap_syscall_stub[] = {0x49, 0x89, 0xca, 0x0f, 0x05, 0x0f, 0x0b};
static const uint8_t trap_preempt_stub[] = {0x0f, 0x05, 0x0f, 0x0b};
/* Where a trap stub's syscall leaves the instruction pointer: before its
 * ud2 (2 bytes). */
#define TRAP_AFTER(stub) (sizeof(stub) - 2)

/* The bytes of one kind of stubs, as host_gate_link() writes them. */
struct gate_stubs {
	const uint8_t *syscall, *preempt;
	size_t syscall_len, preempt_len;
};
static const struct gate_stubs slack_stubs = {slack_syscall_stub, slack_preempt_stub,
					      sizeof(slack_syscall_stub),
					      sizeof(slack_preempt_stub)};
static const struct gate_stubs trap_stubs = {trap_syscall_stub, trap_preempt_stub,
					     sizeof(trap_syscall_stub), sizeof(trap_preempt_stub)};

_Static_assert(sizeof(struct pwk_host_link) <= HOST_GATE_SYSCALL_STUB, "stubs follow the link");
_Static_assert(HOST_GATE_SYSCALL_STUB + sizeof(slack_syscall_stub) <= HOST_GATE_PREEMPT_STUB,
	       "the stubs do not overlap");

/* Whether this host thread can carry the secret, probed once, and the
 * slack it had then, which every run gives back. */
static int slack_usable = -1;
static unsigned long slack_before;

/* The raw call: glibc's prctl() returns an int, and the slack is a word. */
static unsigned long get_slack(void)
{
	return (unsigned long)syscall(SYS_prctl, PR_GET_TIMERSLACK, 0, 0, 0, 0);
}

/* Sets the slack to `ns`; whether it now reads back as `ns`. */
static bool set_slack(unsigned long ns)
{
	return syscall(SYS_prctl, PR_SET_TIMERSLACK, ns, 0, 0, 0) == 0 && get_slack() == ns;
}

static unsigned long secret(void)
{
	return (unsigned long)(uintptr_t)host_gate_tables[host_cpu_gate_variant()];
}

static bool slack_works(void)
{
	if (slack_usable < 0) {
		slack_before = get_slack();
		slack_usable = set_slack(secret());
		(void)set_slack(slack_before);
	}
	return slack_usable == 1;
}

/* The gates this run's link pages name, decided in one place. */
typedef enum {
	GATES_DIRECT,
	GATES_KEY,
	GATES_SLACK,
	GATES_TRAP
} gates_t;

static gates_t gates(void)
{
	if (host.opts.isolation == HOST_ISOLATION_TRUSTED) {
		return GATES_DIRECT;
	}
	if (host_key_gate()) {
		return GATES_KEY; /* pkeys.c: no host syscall per entry */
	}
	return slack_works() ? GATES_SLACK : GATES_TRAP;
}

void host_gate_link(const struct host_region *r, struct pwk_host_link *link)
{
	const gates_t g = gates();
	if (g == GATES_DIRECT) {
		const unsigned v = host_cpu_gate_variant();
		link->syscall_gate = host_direct_gates[v][0];
		link->preempt_gate = host_direct_gates[v][1];
		return;
	}
	if (g == GATES_KEY) {
		host_pkeys_gate_link(r, link);
	} else {
		const struct gate_stubs *s = g == GATES_SLACK ? &slack_stubs : &trap_stubs;
		uint8_t *page = (uint8_t *)link;
		memcpy(page + HOST_GATE_SYSCALL_STUB, s->syscall, s->syscall_len);
		memcpy(page + HOST_GATE_PREEMPT_STUB, s->preempt, s->preempt_len);
	}
	/* Every kind of stub sits at the same two offsets. */
	link->syscall_gate = (void (*)(void))(r->link_page + HOST_GATE_SYSCALL_STUB);
	link->preempt_gate = (void (*)(void))(r->link_page + HOST_GATE_PREEMPT_STUB);
}

void host_hidden_gate_start(void)
{
	if (gates() == GATES_SLACK && !set_slack(secret())) {
		/* The link pages hold the slack stubs: without the secret every
		 * kernel entry would jump through address 0. Only a thread moved
		 * to a real-time policy after the probe (or running machines
		 * other than the probing one) gets here. */
		fprintf(stderr, "pwsim: the machine's host thread can no longer carry the hidden "
				"gate's address in its timer slack (a real-time policy set after "
				"pwsim started?); run pwsim under that policy from the start, or "
				"not at all\n");
		hal_panic(__FILE__, __LINE__, "timer slack refused");
	}
}

void host_hidden_gate_stop(void)
{
	if (gates() == GATES_SLACK) {
		(void)set_slack(slack_before);
	}
}

bool host_gate_trap_enter(ucontext_t *uc)
{
	if (gates() != GATES_TRAP || host.current == PWK_NONE) {
		return false;
	}
	const struct host_region *r = &host.regions[host.threads[host.current].process];
	greg_t *g = uc->uc_mcontext.gregs;
	uintptr_t after = (uintptr_t)g[REG_RIP]; /* just past the syscall */
	if (after == r->link_page + HOST_GATE_SYSCALL_STUB + TRAP_AFTER(trap_syscall_stub)) {
		g[REG_RCX] = g[REG_R10];
		g[REG_RIP] = (greg_t)(uintptr_t)host_direct_gates[host_cpu_gate_variant()][0];
		return true;
	}
	if (after == r->link_page + HOST_GATE_PREEMPT_STUB + TRAP_AFTER(trap_preempt_stub)) {
		g[REG_RIP] = (greg_t)(uintptr_t)host_direct_gates[host_cpu_gate_variant()][1];
		return true;
	}
	return false;
}
