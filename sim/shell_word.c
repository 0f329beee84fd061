/*
 * shell_word.c — see shell_word.h.
 */
#include "shell_word.h"

#include <stdbool.h>
#include <string.h>

void shell_word_append(char *out, size_t cap, const char *arg)
{
	size_t n = strlen(out);
	bool bare = arg[0] != '\0' && strspn(arg, "abcdefghijklmnopqrstuvwxyz"
						  "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
						  "0123456789_./:=+,@%-") == strlen(arg);
	if (n > 0 && n + 1 < cap) {
		out[n++] = ' ';
	}
	if (!bare && n + 1 < cap) {
		out[n++] = '\'';
	}
	for (const char *p = arg; *p != '\0' && n + 5 < cap; p++) {
		if (*p == '\'') {
			memcpy(out + n, "'\\''", 4);
			n += 4;
		} else {
			out[n++] = *p;
		}
	}
	if (!bare && n + 1 < cap) {
		out[n++] = '\'';
	}
	out[n] = '\0';
}
