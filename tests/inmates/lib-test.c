// SPDX-License-Identifier: GPL-2.0
/*
 * lib-test: checks the library's parsers and formatter on the target,
 * one "ok"/"not ok" line per check. Runs bare (run-bare.sh), with the
 * parameter string given there. Its own command line buffer, larger than
 * the default, also checks that the override lands at offset 0x1000.
 */
#include <inmate/inmate.h>

#define NAME	"lib-test"

CMDLINE_BUFFER(512);

static unsigned int checks, failed;

static void check(bool ok, const char *what)
{
	checks++;
	if (!ok)
		failed++;
	printk("%s - %s\n", ok ? "ok" : "not ok", what);
}

static void check_int(const char *key, long long def, long long want)
{
	long long got = cmdline_parse_int(key, def);
	char what[64];

	snprintf(what, sizeof(what), "int %s = %lld (got %lld)", key, want,
		 got);
	check(got == want, what);
}

static void check_get(const char *key, int want, long long want_val)
{
	long long got = 0x5a5a;
	int res = cmdline_get_int(key, &got);
	char what[80];

	snprintf(what, sizeof(what), "get %s: result %d (got %d), %lld (got %lld)",
		 key, want, res, want_val, got);
	check(res == want && (want != CMDLINE_OK || got == want_val), what);
}

static void check_bool(const char *key, bool def, bool want)
{
	char what[64];

	snprintf(what, sizeof(what), "bool %s = %d", key, want);
	check(cmdline_parse_bool(key, def) == want, what);
}

static void check_str(const char *key, size_t size, const char *want)
{
	char buf[32], what[64];
	const char *got = cmdline_parse_str(key, buf, size, NULL);

	snprintf(what, sizeof(what), "str %s = \"%s\" (got \"%s\")", key,
		 want ? want : "(default)", got ? got : "(default)");
	check(want ? got && !strncmp(got, want, sizeof(buf)) : !got, what);
}

static void check_fmt(const char *got, const char *want)
{
	char what[128];

	snprintf(what, sizeof(what), "format \"%s\" (got \"%s\")", want, got);
	check(!strncmp(got, want, 64), what);
}

static void test_cmdline(void)
{
	check_int("dec", 0, 1234);
	check_int("hex", 0, 0x1f);
	check_int("neg", 0, -42);
	check_int("plus", 0, 7);
	check_int("bad", 99, 99);
	check_int("empty", 5, 5);
	check_int("missing", -3, -3);
	check_int("key", -1, -1);	/* only "keyx=5" is there */
	check_int("dup", 0, 2);		/* the last one wins */
	check_int("far", 0, 77);	/* beyond the default 256 bytes */
	check_get("hex", CMDLINE_OK, 0x1f);
	check_get("zero", CMDLINE_OK, 0);
	check_get("missing", CMDLINE_ABSENT, 0);
	check_get("bad", CMDLINE_BAD, 0);
	check_get("empty", CMDLINE_BAD, 0);
	check_get("addr", CMDLINE_OK, (long long)0xffffffffffff0000ULL);
	check_get("big", CMDLINE_BAD, 0);	/* 65 bits */
	check_get("huge", CMDLINE_BAD, 0);	/* 2^63 as decimal */
	check_get("min", CMDLINE_OK, -9223372036854775807LL - 1);
	check_bool("flag", false, true);
	check_bool("yes", false, true);
	check_bool("off", true, false);
	check_bool("zero", true, false);
	check_bool("maybe", true, true);
	check_bool("missing", false, false);
	check_str("s", 32, "hello");
	check_str("s", 3, "he");
	check_str("missing", 32, NULL);
}

static void test_format(void)
{
	char buf[64];
	int len;

	snprintf(buf, sizeof(buf), "[%5d|%-5d|%05d|%d]", 42, 42, -42,
		 -2147483647 - 1);
	check_fmt(buf, "[   42|42   |-0042|-2147483648]");
	snprintf(buf, sizeof(buf), "%x %X %08lx %llu %zu", 0xbeefU, 0xbeefU,
		 0x1234UL, 18446744073709551615ULL, (size_t)7);
	check_fmt(buf, "beef BEEF 00001234 18446744073709551615 7");
	snprintf(buf, sizeof(buf), "%s|%6s|%-3s|%c|%%|%p", "ab", "ab", "ab",
		 'z', (void *)0x80000000UL);
	check_fmt(buf, "ab|    ab|ab |z|%|0x80000000");
	len = snprintf(buf, 4, "abcdef");
	check(len == 6 && !strncmp(buf, "abc", 4), "snprintf truncates");
}

void inmate_main(void)
{
	printk(NAME ": start cpu %u mpidr 0x%lx console %s\n", cpu_id(),
	       cpu_mpidr(), console_describe());
	test_cmdline();
	test_format();
	printk(NAME ": done, %u checks, %u failed\n", checks, failed);
}
