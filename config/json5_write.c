/* SPDX-License-Identifier: Apache-2.0 */
/*
 * json5_write.c — a json5_value as canonical JSON (RFC 8259): members in
 * document order (duplicates kept), two-space indentation, one element per
 * line, empty containers as {} and [], strings escaped only where JSON
 * requires it (", \ and control characters; \b \f \n \r \t short forms,
 * \u00XX otherwise), numbers spelled as the reader's front-end spells them.
 * Equal trees always give byte-identical output.
 */
#include "json5.h"
#include "json5_lex.h"

static void write_string(FILE *out, const char *s, size_t len)
{
	fputc('"', out);
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		switch (c) {
		case '"':
			fputs("\\\"", out);
			break;
		case '\\':
			fputs("\\\\", out);
			break;
		case '\b':
			fputs("\\b", out);
			break;
		case '\f':
			fputs("\\f", out);
			break;
		case '\n':
			fputs("\\n", out);
			break;
		case '\r':
			fputs("\\r", out);
			break;
		case '\t':
			fputs("\\t", out);
			break;
		default:
			if (c < 0x20u) {
				fprintf(out, "\\u%04x", c);
			} else {
				fputc(c, out);
			}
			break;
		}
	}
	fputc('"', out);
}

static void indent(FILE *out, int depth)
{
	for (int i = 0; i < depth; i++) {
		fputs("  ", out);
	}
}

static void write_value(FILE *out, const struct json5_value *v, int depth)
{
	char buf[JSON5_NUMBER_SPELL_MAX];

	switch (v->kind) {
	case JSON5_NULL:
		fputs("null", out);
		break;
	case JSON5_BOOL:
		fputs(v->boolean ? "true" : "false", out);
		break;
	case JSON5_NUMBER:
		json5_number_spell(v->number, v->is_integer, v->is_unsigned, v->integer,
				   v->uinteger, buf);
		fputs(buf, out);
		break;
	case JSON5_STRING:
		write_string(out, v->string, v->string_len);
		break;
	case JSON5_ARRAY:
		if (v->item_count == 0) {
			fputs("[]", out);
			break;
		}
		fputs("[\n", out);
		for (size_t i = 0; i < v->item_count; i++) {
			indent(out, depth + 1);
			write_value(out, &v->items[i], depth + 1);
			fputs(i + 1 < v->item_count ? ",\n" : "\n", out);
		}
		indent(out, depth);
		fputc(']', out);
		break;
	case JSON5_OBJECT:
		if (v->member_count == 0) {
			fputs("{}", out);
			break;
		}
		fputs("{\n", out);
		for (size_t i = 0; i < v->member_count; i++) {
			const struct json5_member *m = &v->members[i];
			indent(out, depth + 1);
			write_string(out, m->key, m->key_len);
			fputs(": ", out);
			write_value(out, &m->value, depth + 1);
			fputs(i + 1 < v->member_count ? ",\n" : "\n", out);
		}
		indent(out, depth);
		fputc('}', out);
		break;
	}
}

void json5_write_json(FILE *out, const struct json5_value *v)
{
	write_value(out, v, 0);
}
