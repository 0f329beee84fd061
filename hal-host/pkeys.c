/*
 * pkeys.c — isolation `pkeys`: only the running process's region is
 * accessible, as in isolation mprotect, but by x86 protection keys: each
 * process's user view (link page, flash, RAM, coverage map) carries a key
 * of its own, set once, and a process switch is one WRPKRU (~13 ns here)
 * instead of four mprotect calls and a TLB flush (~2-5 µs).
 *
 * PKRU is writable in user mode, by WRPKRU and by XRSTOR (with the PKRU
 * component, which Linux enables). A process runs only its own flash
 * (RAM, the budget page and the coverage map are not executable, and it
 * can make no host syscall that would change that), so isolation pkeys
 * refuses an image whose flash holds the bytes of either instruction at
 * any offset (host_pkeys_image_loaded): a jump into the middle of an
 * instruction reaches them too. What is left is pwsim's own code, whose
 * address no process learns (hidden_gate.c), as in isolation mprotect.
 *
 * What differs from mprotect: protection keys govern data accesses only.
 * A process can jump into another process's flash and run its code (it
 * still cannot read or write a byte of that process's memory), where
 * mprotect (and a PMP on the board) faults the fetch.
 *
 * The gates, too, need no host syscall where the CPU has keys, in every
 * isolation but trusted (the key gate): the link page's stubs enable one
 * more key, the gate key, with WRPKRU and jump through the gate page (the
 * region's lowest page, the guard below the budget page: outside what a
 * revoke in isolation mprotect changes; readable with that key only),
 * which holds the gates' addresses; the gate's first act is the running
 * process's PKRU back (host_pkru_running). A process that jumps to a
 * stub's WRPKRU with a PKRU of its choosing goes on with the stub's jump
 * into the gate all the same; a single-step trap there is its fault, and
 * the fault path puts PKRU back too (host_pkeys_after_fault). What the
 * slack stubs hide (hidden_gate.c), these hide: no instruction a process
 * can run leaves a host address in a register it gets back.
 *
 * Without keys (or with PWSIM_KEY_GATE=off in the environment, which tests
 * use to reach the other stubs), none and mprotect keep the timer-slack
 * stubs (hidden_gate.c), one host syscall per kernel entry; so do they for
 * a system one of whose images holds the bytes of WRPKRU or XRSTOR (its
 * process could enable the gate key itself and read the gate's address):
 * none and mprotect accept such images, and the first one loaded turns the
 * key gate off for the machine (host_pkeys_image_loaded).
 *
 * Key 0 (pwsim's own memory, the kernel views, the shared budget page)
 * stays accessible, as every page of pwsim is in isolation mprotect. A
 * signal handler runs with Linux's initial PKRU (key 0 only): pwsim's
 * handlers touch no user view (fault.c reads a faulting instruction
 * through the kernel view), and sigreturn gives the interrupted context
 * its own PKRU back.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include <pwk/hal.h>

#include "cpu_state.h"
#include "host_link.h"
#include "machine.h"

/* The key of each process slot, allocated the first time a region of
 * that slot is created in isolation pkeys and kept for the life of the
 * host process (sweeps and fuzzing create regions again and again; Linux
 * has 15 keys to give). 0: none yet (key 0 is never allocated). */
static int key_of[HOST_PROCESSES_MAX];
/* The gate page's key: -1 not asked for yet, 0 none to be had. */
static int gate_key = -1;

static bool gate_key_ready(void)
{
	if (gate_key < 0) {
		int key = pkey_alloc(0, 0);
		gate_key = key > 0 ? key : 0;
	}
	return gate_key > 0;
}

/* PWSIM_KEY_GATE=off: the slack stubs in none and mprotect. */
static bool key_gate_wanted(void)
{
	static int wanted = -1;
	if (wanted < 0) {
		const char *knob = getenv("PWSIM_KEY_GATE");
		wanted = knob == NULL || strcmp(knob, "off") != 0;
	}
	return wanted == 1;
}

bool host_key_gate(void)
{
	switch (host.opts.isolation) {
	case HOST_ISOLATION_TRUSTED:
		return false;
	case HOST_ISOLATION_PKEYS:
		return gate_key > 0; /* whatever the knob says (host_pkeys_ready) */
	default:
		return !host.key_gate_refused && key_gate_wanted() && gate_key_ready();
	}
}

/* Two bits per key: access disable, write disable. */
#define PKRU_ONLY_KEY_0 UINT32_C(0xfffffffc)

static uint32_t pkru_read(void)
{
	uint32_t eax, edx;
	__asm__ volatile("rdpkru" : "=a"(eax), "=d"(edx) : "c"(0));
	return eax;
}

static void pkru_write(uint32_t value)
{
	__asm__ volatile("wrpkru" ::"a"(value), "c"(0), "d"(0) : "memory");
}

bool host_pkeys_ready(uint32_t process, char *err, size_t err_cap)
{
	if (key_of[process] != 0) {
		return true;
	}
	int key = gate_key_ready() ? pkey_alloc(0, 0) : -1;
	if (key > 0) {
		key_of[process] = key;
		return true;
	}
	if (gate_key == 0) {
		snprintf(err, err_cap,
			 "isolation pkeys needs protection keys, which this CPU or kernel (or "
			 "valgrind) does not offer (pkey_alloc: %s; /proc/cpuinfo lists 'pku' and "
			 "'ospke' where they exist): use isolation mprotect",
			 strerror(errno));
	} else {
		snprintf(err, err_cap,
			 "isolation pkeys gives each process a protection key of its own (and the "
			 "gates one), and the host has no more than it gave the first processes "
			 "(pkey_alloc: %s): use isolation mprotect for a system of this many "
			 "processes",
			 strerror(errno));
	}
	return false;
}

int host_pkeys_key(uint32_t process)
{
	return host.opts.isolation == HOST_ISOLATION_PKEYS ? key_of[process] : 0;
}

/* PKRU while `process` runs: its own key and key 0. */
static uint32_t pkru_for(uint32_t process)
{
	if (process >= HOST_PROCESSES_MAX || key_of[process] == 0) {
		return PKRU_ONLY_KEY_0; /* PWK_NONE: no process */
	}
	return PKRU_ONLY_KEY_0 & ~(UINT32_C(3) << (2 * key_of[process]));
}

void host_pkeys_apply(uint32_t process)
{
	host_pkru_running = pkru_for(process);
	pkru_write(host_pkru_running);
}

void host_pkeys_after_fault(void)
{
	if (host_key_gate()) {
		pkru_write(host_pkru_running);
	}
}

uint32_t host_pkeys_run_enter(void)
{
	if (!host_key_gate()) {
		return 0;
	}
	uint32_t caller = pkru_read();
	host_pkru_running = PKRU_ONLY_KEY_0;
	pkru_write(host_pkru_running);
	return caller;
}

/* The gate page: the region's lowest page, the guard below the budget
 * page (region.h), which no revoke changes. */
static uintptr_t gate_page_at(const struct host_region *r)
{
	return host_region_span_start(r);
}

void host_pkeys_gate_page(struct host_region *r, bool mapped)
{
	if (!r->mapped || r->gate_page == mapped) {
		return;
	}
	void *at = (void *)gate_page_at(r);
	if (!mapped) {
		/* Back to the span's reservation. */
		if (mmap(at, HOST_REGION_PAGE, PROT_NONE,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED, -1,
			 0) == MAP_FAILED) {
			hal_panic(__FILE__, __LINE__, "cannot unmap the gate page");
		}
		r->gate_page = false;
		return;
	}
	void *const *row = host_pkeys_gates[host_cpu_gate_variant()];
	void **page = mmap(at, HOST_REGION_PAGE, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	if (page == MAP_FAILED) {
		hal_panic(__FILE__, __LINE__, "cannot map the gate page");
	}
	page[0] = row[0];
	page[1] = row[1];
	if (pkey_mprotect(page, HOST_REGION_PAGE, PROT_READ, gate_key) != 0) {
		hal_panic(__FILE__, __LINE__, "cannot protect the gate page");
	}
	r->gate_page = true;
}

/* The stubs' bytes, with the PKRU of the window (key 0 and the gate key)
 * and the distance to the gate page's word filled in (gate_link):
 *   syscall stub:  push %rax; push %rdx; mov %rcx,%r10; xor %ecx,%ecx;
 *                  xor %edx,%edx; mov $pkru,%eax; wrpkru; jmp *page(%rip)
 *   preempt stub:  xor %ecx,%ecx; xor %edx,%edx; mov $pkru,%eax; wrpkru;
 *                  jmp *page+8(%rip)
 * Neither holds a syscall instruction where seccomp.c allows the slack
 * stubs' (the bytes there are wrpkru's). */
/* Both stubs' common end: the gate key on, the jump through the gate
 * page. The immediate and the displacement are filled in (gate_link). */
/* clang-format off */
#define GATE_KEY_JUMP \
	0x31, 0xc9,                         /* xor %ecx,%ecx */ \
	0x31, 0xd2,                         /* xor %edx,%edx */ \
	0xb8, 0x00, 0x00, 0x00, 0x00,       /* mov $pkru,%eax */ \
	0x0f, 0x01, 0xef,                   /* wrpkru */ \
	0xff, 0x25, 0x00, 0x00, 0x00, 0x00, /* jmp *disp(%rip) */ \
	0x0f, 0x0b                          /* ud2 */
#define GATE_KEY_JUMP_IMM  5  /* where in it the immediate is */
#define GATE_KEY_JUMP_DISP 14 /* and the displacement */
static const uint8_t syscall_stub[] = {
	0x50,             /* push %rax (the id) */
	0x52,             /* push %rdx (a2) */
	0x49, 0x89, 0xca, /* mov %rcx,%r10 */
	GATE_KEY_JUMP,
};
#define SYSCALL_STUB_PREFIX 5 /* the bytes before GATE_KEY_JUMP */
static const uint8_t preempt_stub[] = {GATE_KEY_JUMP};
/* clang-format on */
_Static_assert(HOST_GATE_SYSCALL_STUB + sizeof(syscall_stub) <= HOST_GATE_PREEMPT_STUB,
	       "the stubs do not overlap");
_Static_assert(HOST_GATE_SYSCALL_STUB_AFTER == 17 && HOST_GATE_PREEMPT_STUB_AFTER == 12,
	       "the two bytes before each allowed syscall's end are wrpkru's 01 ef");

/* Copies `stub` to `offset` of `r`'s link page (`page`, the kernel view's)
 * with `pkru` at `imm` and the displacement at `disp` to the gate page's
 * word `word`. */
static void stub_write(const struct host_region *r, uint8_t *page, size_t offset,
		       const uint8_t *stub, size_t len, size_t imm, size_t disp, uint32_t pkru,
		       size_t word)
{
	memcpy(page + offset, stub, len);
	memcpy(page + offset + imm, &pkru, sizeof(pkru));
	/* rip-relative: from the end of the jmp (disp + 4) to the word. */
	const uintptr_t from = r->link_page + offset + disp + 4;
	const int32_t d = (int32_t)(int64_t)(gate_page_at(r) + word * 8 - from);
	memcpy(page + offset + disp, &d, sizeof(d));
}

void host_pkeys_gate_link(const struct host_region *r, struct pwk_host_link *link)
{
	/* Between the stub's WRPKRU and the gate's, key 0 and the gate key
	 * only: nothing of the process is touched there. */
	const uint32_t pkru = PKRU_ONLY_KEY_0 & ~(UINT32_C(3) << (2 * gate_key));
	uint8_t *page = (uint8_t *)link;
	stub_write(r, page, HOST_GATE_SYSCALL_STUB, syscall_stub, sizeof(syscall_stub),
		   SYSCALL_STUB_PREFIX + GATE_KEY_JUMP_IMM,
		   SYSCALL_STUB_PREFIX + GATE_KEY_JUMP_DISP, pkru, 0);
	stub_write(r, page, HOST_GATE_PREEMPT_STUB, preempt_stub, sizeof(preempt_stub),
		   GATE_KEY_JUMP_IMM, GATE_KEY_JUMP_DISP, pkru, 1);
}

void host_pkeys_run_leave(uint32_t caller)
{
	if (host_key_gate()) {
		pkru_write(caller);
	}
}

/* WRPKRU is 0f 01 ef; XRSTOR (and XRSTOR64 after a REX prefix) is 0f ae
 * with a ModRM byte of reg 5 and a memory operand (mod != 3). XRSTORS
 * faults in user mode. */
static const char *pkru_writer_at(const uint8_t *b, size_t left)
{
	if (left < 3 || b[0] != 0x0f) {
		return NULL;
	}
	if (b[1] == 0x01 && b[2] == 0xef) {
		return "wrpkru (0f 01 ef)";
	}
	if (b[1] == 0xae && (b[2] & 0x38) == 0x28 && b[2] < 0xc0) {
		return "xrstor (0f ae /5)";
	}
	return NULL;
}

/* False, and where, if `r`'s flash holds the bytes of an instruction that
 * writes PKRU. */
static bool image_check(const struct host_region *r, char *err, size_t err_cap)
{
	for (size_t off = 0; off < r->flash_size; off++) {
		const char *what = pkru_writer_at(r->kernel_base + off, r->flash_size - off);
		if (what != NULL) {
			snprintf(
				err, err_cap,
				"flash+%#zx holds the bytes of %s, which would let the process "
				"change its own protection keys: isolation pkeys refuses such an "
				"image (the bytes may be data, or inside another instruction); use "
				"isolation mprotect, or change the code or data there",
				off, what);
			return false;
		}
	}
	return true;
}

bool host_pkeys_image_loaded(const struct host_region *r, char *err, size_t err_cap)
{
	if (!host_key_gate() || image_check(r, err, err_cap)) {
		return true;
	}
	if (host.opts.isolation == HOST_ISOLATION_PKEYS) {
		return false;
	}
	/* none or mprotect take the image, and give up the key gate. */
	host.key_gate_refused = true;
	for (uint32_t p = 0; p < host.region_count; p++) {
		if (host.regions[p].mapped) {
			host_region_apply_isolation(&host.regions[p]);
			host_region_link_write(&host.regions[p]);
		}
	}
	return true;
}
