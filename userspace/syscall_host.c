/*
 * syscall_host.c — the stubs syscall_host.h declares, one per syscall of
 * pwk/syscall_table.h: the id into rax, then the gate through the link
 * page, as pwk_raw_syscall does after it has moved the arguments.
 */
#include "host_link.h"
#include "syscall_host.h"

#define PWK__HOST_STR(x)  #x
#define PWK__HOST_XSTR(x) PWK__HOST_STR(x)

/* The jump through the link page's syscall gate entry. */
#define PWK__HOST_GATE_JUMP "\tjmpq *" PWK__HOST_XSTR(PWK_HOST_LINK_SYSCALL_GATE) "(%r11)\n"

#define PWK__HOST_SYS_STUB(ctx, NAME, name, id, RET)                                               \
	__asm__("\t.text\n"                                                                        \
		"\t.globl pwk_host_sys_" #name "\n"                                                \
		"\t.hidden pwk_host_sys_" #name "\n"                                               \
		"\t.type pwk_host_sys_" #name ", @function\n"                                      \
		"pwk_host_sys_" #name ":\n"                                                        \
		"\tmovl $" #id ", %eax\n"                                                          \
		"\tmovq __pwk_host_link(%rip), %r11\n" PWK__HOST_GATE_JUMP                         \
		"\t.size pwk_host_sys_" #name ", .-pwk_host_sys_" #name "\n");
PWK_SYSCALL_TABLE(PWK__HOST_SYS_STUB, _)
