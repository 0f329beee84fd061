/*
 * log.c — pwk_log: a small printf-like logger over debug_log, for process
 * code that has no libc. One call = one debug_log syscall, so lines from
 * different threads never interleave within a call.
 */
#include <stdarg.h>

#include <pwk/user.h>

struct line {
	char buf[PWK_LOG_LINE_MAX];
	size_t len;
};

static void put(struct line *l, char c)
{
	if (l->len < sizeof(l->buf)) {
		l->buf[l->len++] = c;
	}
}

static void put_str(struct line *l, const char *s, size_t max)
{
	for (size_t i = 0; i < max && s[i] != '\0'; i++) {
		put(l, s[i]);
	}
}

static void put_unsigned(struct line *l, uint64_t v, unsigned base)
{
	char digits[24];
	size_t n = 0;
	do {
		unsigned d = (unsigned)(v % base);
		digits[n++] = (char)(d < 10 ? '0' + d : 'a' + d - 10);
		v /= base;
	} while (v != 0 && n < sizeof(digits));
	while (n > 0) {
		put(l, digits[--n]);
	}
}

void pwk_log(const char *fmt, ...)
{
	struct line l = {.len = 0};
	va_list ap;
	va_start(ap, fmt);
	for (const char *p = fmt; *p != '\0'; p++) {
		if (*p != '%') {
			put(&l, *p);
			continue;
		}
		p++;
		size_t precision = SIZE_MAX;
		if (p[0] == '.' && p[1] == '*') {
			precision = (size_t)va_arg(ap, int);
			p += 2;
		}
		switch (*p) {
		case 's': {
			const char *s = va_arg(ap, const char *);
			put_str(&l, s ? s : "(null)", precision);
			break;
		}
		case 'c':
			put(&l, (char)va_arg(ap, int));
			break;
		case 'd': {
			int v = va_arg(ap, int);
			if (v < 0) {
				put(&l, '-');
			}
			put_unsigned(&l, v < 0 ? (uint64_t)(-(int64_t)v) : (uint64_t)v, 10);
			break;
		}
		case 'u':
			put_unsigned(&l, va_arg(ap, unsigned), 10);
			break;
		case 'x':
			put_unsigned(&l, va_arg(ap, unsigned), 16);
			break;
		case 'p':
			put_str(&l, "0x", 2);
			put_unsigned(&l, (uintptr_t)va_arg(ap, void *), 16);
			break;
		case '%':
			put(&l, '%');
			break;
		case '\0':
			p--; /* a lone '%' at the end: print nothing more */
			break;
		default:
			put(&l, '%');
			put(&l, *p);
			break;
		}
	}
	va_end(ap);
	(void)pwk_debug_log(l.buf, l.len);
}
