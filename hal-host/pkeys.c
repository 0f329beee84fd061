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
 * any offset (host_pkeys_image_check): a jump into the middle of an
 * instruction reaches them too. What is left is pwsim's own code, whose
 * address no process learns (hidden_gate.c), as in isolation mprotect.
 *
 * What differs from mprotect: protection keys govern data accesses only.
 * A process can jump into another process's flash and run its code (it
 * still cannot read or write a byte of that process's memory), where
 * mprotect (and a PMP on the board) faults the fetch.
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
#include <string.h>
#include <sys/mman.h>

#include "machine.h"

/* The key of each process slot, allocated the first time a region of
 * that slot is created in isolation pkeys and kept for the life of the
 * host process (sweeps and fuzzing create regions again and again; Linux
 * has 15 keys to give). 0: none yet (key 0 is never allocated). */
static int key_of[HOST_PROCESSES_MAX];

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
	int key = pkey_alloc(0, 0);
	if (key > 0) {
		key_of[process] = key;
		return true;
	}
	bool any = false;
	for (uint32_t p = 0; p < HOST_PROCESSES_MAX; p++) {
		any |= key_of[p] != 0;
	}
	if (!any) {
		snprintf(err, err_cap,
			 "isolation pkeys needs protection keys, which this CPU or kernel does not "
			 "offer (pkey_alloc: %s; /proc/cpuinfo lists 'pku' and 'ospke' where they "
			 "exist): use isolation mprotect",
			 strerror(errno));
	} else {
		snprintf(err, err_cap,
			 "isolation pkeys gives each process a protection key of its own, and the "
			 "host has no more than it gave the first processes (pkey_alloc: %s): use "
			 "isolation mprotect for a system of this many processes",
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
	if (process >= host.region_count || key_of[process] == 0) {
		return PKRU_ONLY_KEY_0;
	}
	return PKRU_ONLY_KEY_0 & ~(UINT32_C(3) << (2 * key_of[process]));
}

void host_pkeys_apply(uint32_t process)
{
	pkru_write(pkru_for(process));
}

uint32_t host_pkeys_run_enter(void)
{
	if (host.opts.isolation != HOST_ISOLATION_PKEYS) {
		return 0;
	}
	uint32_t caller = pkru_read();
	pkru_write(PKRU_ONLY_KEY_0);
	return caller;
}

void host_pkeys_run_leave(uint32_t caller)
{
	if (host.opts.isolation == HOST_ISOLATION_PKEYS) {
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

bool host_pkeys_image_check(const struct host_region *r, char *err, size_t err_cap)
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
