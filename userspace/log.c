/*
 * log.c — pwk_log: a small printf-like logger over debug_log, for process
 * code that has no libc. One call = one debug_log syscall, so lines from
 * different threads never interleave within a call.
 *
 * It understands the printf subset process code writes: flags '-' and '0',
 * a width, a precision (digits or '*'), the length modifiers hh h l ll z j t,
 * and the conversions d i u x X o c s p %. pwk_log carries
 * __attribute__((format(printf, 1, 2))), so the compiler checks each call
 * against exactly that grammar: an argument read here with the wrong size
 * would shift every later one.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#include <pwk/user.h>

struct line {
	char buf[PWK_LOG_LINE_MAX];
	size_t len;
};

/* One parsed conversion: "%-08.3llx" -> left, zero, width 8, precision 3,
 * length "ll", conv 'x'. */
struct spec {
	bool left;
	bool zero;
	size_t width;
	size_t precision; /* SIZE_MAX: none given */
	char length;      /* 'H' hh, 'h', 'l', 'L' ll, 'z', 'j', 't', or 0 */
	char conv;
};

static void put(struct line *l, char c)
{
	if (l->len < sizeof(l->buf)) {
		l->buf[l->len++] = c;
	}
}

static void put_repeat(struct line *l, char c, size_t n)
{
	for (size_t i = 0; i < n && l->len < sizeof(l->buf); i++) {
		put(l, c);
	}
}

/* Writes `text` (len bytes) padded to the spec's width; `pad` is the
 * character for right alignment (' ' or '0'), `sign_len` bytes of a leading
 * sign or "0x" go before zero padding. */
static void put_padded(struct line *l, const struct spec *sp, const char *text, size_t len,
		       size_t sign_len, char pad)
{
	size_t fill = sp->width > len ? sp->width - len : 0;
	if (!sp->left && pad == ' ') {
		put_repeat(l, ' ', fill);
	}
	for (size_t i = 0; i < sign_len; i++) {
		put(l, text[i]);
	}
	if (!sp->left && pad == '0') {
		put_repeat(l, '0', fill);
	}
	for (size_t i = sign_len; i < len; i++) {
		put(l, text[i]);
	}
	if (sp->left) {
		put_repeat(l, ' ', fill);
	}
}

/* Formats `v` in `base` with `prefix` ("-", "0x" or "") honouring the
 * precision (minimum digits) and width. */
static void put_number(struct line *l, const struct spec *sp, uint64_t v, unsigned base,
		       const char *prefix)
{
	const char *alphabet = sp->conv == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
	char digits[24];
	size_t n = 0;
	do {
		digits[n++] = alphabet[v % base];
		v /= base;
	} while (v != 0 && n < sizeof(digits));
	size_t min_digits = sp->precision == SIZE_MAX ? 1 : sp->precision;
	char text[PWK_LOG_LINE_MAX + sizeof(digits) + 2];
	size_t len = 0;
	for (; prefix[len] != '\0'; len++) {
		text[len] = prefix[len];
	}
	size_t sign_len = len;
	for (size_t i = n; i < min_digits && len < PWK_LOG_LINE_MAX; i++) {
		text[len++] = '0';
	}
	while (n > 0) {
		text[len++] = digits[--n];
	}
	/* C: a precision turns off the '0' flag for integers. */
	char pad = sp->zero && !sp->left && sp->precision == SIZE_MAX ? '0' : ' ';
	put_padded(l, sp, text, len, sign_len, pad);
}

static uint64_t read_unsigned(va_list *ap, char length)
{
	switch (length) {
	case 'H':
		return (unsigned char)va_arg(*ap, unsigned);
	case 'h':
		return (unsigned short)va_arg(*ap, unsigned);
	case 'l':
		return va_arg(*ap, unsigned long);
	case 'L':
		return va_arg(*ap, unsigned long long);
	case 'z':
		return va_arg(*ap, size_t);
	case 'j':
		return va_arg(*ap, uintmax_t);
	case 't':
		return (uint64_t)va_arg(*ap, ptrdiff_t);
	default:
		return va_arg(*ap, unsigned);
	}
}

static int64_t read_signed(va_list *ap, char length)
{
	switch (length) {
	case 'H':
		return (signed char)va_arg(*ap, int);
	case 'h':
		return (short)va_arg(*ap, int);
	case 'l':
		return va_arg(*ap, long);
	case 'L':
		return va_arg(*ap, long long);
	case 'z':
		/* %zd is the signed type of size_t's width. */
		return (int64_t)(ptrdiff_t)va_arg(*ap, size_t);
	case 'j':
		return va_arg(*ap, intmax_t);
	case 't':
		return va_arg(*ap, ptrdiff_t);
	default:
		return va_arg(*ap, int);
	}
}

static void put_signed(struct line *l, const struct spec *sp, int64_t v)
{
	/* Negate in unsigned arithmetic: INT64_MIN has no positive int64_t. */
	uint64_t magnitude = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
	put_number(l, sp, magnitude, 10, v < 0 ? "-" : "");
}

static void put_string(struct line *l, const struct spec *sp, const char *s)
{
	s = s != NULL ? s : "(null)";
	size_t len = 0;
	while (len < sp->precision && s[len] != '\0') {
		len++;
	}
	put_padded(l, sp, s, len, 0, ' ');
}

static void put_conversion(struct line *l, const struct spec *sp, va_list *ap)
{
	char c;
	switch (sp->conv) {
	case 'd':
	case 'i':
		put_signed(l, sp, read_signed(ap, sp->length));
		break;
	case 'u':
		put_number(l, sp, read_unsigned(ap, sp->length), 10, "");
		break;
	case 'x':
	case 'X':
		put_number(l, sp, read_unsigned(ap, sp->length), 16, "");
		break;
	case 'o':
		put_number(l, sp, read_unsigned(ap, sp->length), 8, "");
		break;
	case 'p':
		put_number(l, sp, (uintptr_t)va_arg(*ap, void *), 16, "0x");
		break;
	case 's':
		put_string(l, sp, va_arg(*ap, const char *));
		break;
	case 'c':
		c = (char)va_arg(*ap, int);
		put_padded(l, sp, &c, 1, 0, ' ');
		break;
	default:
		/* '%%', or a conversion pwk_log does not know: shown as written. */
		if (sp->conv != '%') {
			put(l, '%');
		}
		put(l, sp->conv);
		break;
	}
}

static size_t parse_number(const char **p)
{
	size_t v = 0;
	while (**p >= '0' && **p <= '9' && v < PWK_LOG_LINE_MAX) {
		v = v * 10 + (size_t)(**p - '0');
		(*p)++;
	}
	while (**p >= '0' && **p <= '9') {
		(*p)++;
	}
	return v;
}

static char parse_length(const char **p)
{
	char c = **p;
	if (c != 'h' && c != 'l' && c != 'z' && c != 'j' && c != 't') {
		return 0;
	}
	(*p)++;
	if ((c == 'h' || c == 'l') && **p == c) {
		(*p)++;
		return c == 'h' ? 'H' : 'L';
	}
	return c;
}

/* Parses the conversion after '%' at *p; leaves *p on its last character. */
static void parse_spec(const char **p, struct spec *sp, va_list *ap)
{
	*sp = (struct spec){.precision = SIZE_MAX};
	for (;; (*p)++) {
		if (**p == '-') {
			sp->left = true;
		} else if (**p == '0') {
			sp->zero = true;
		} else {
			break;
		}
	}
	sp->width = parse_number(p);
	if (**p == '.') {
		(*p)++;
		if (**p == '*') {
			int v = va_arg(*ap, int);
			sp->precision = v < 0 ? SIZE_MAX : (size_t)v;
			(*p)++;
		} else {
			sp->precision = parse_number(p);
		}
	}
	sp->length = parse_length(p);
	sp->conv = **p;
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
		struct spec sp;
		parse_spec(&p, &sp, &ap);
		if (sp.conv == '\0') {
			p--; /* a lone '%' at the end: print nothing more */
			break;
		}
		put_conversion(&l, &sp, &ap);
	}
	va_end(ap);
	(void)pwk_debug_log(l.buf, l.len);
}
