// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Helper of tests/bench/loader-bench.sh, built by the script for the host
 * (cc) and for the guest (a static aarch64 binary); needs only libc.
 *
 *   loadbench gen IMAGE INITRD
 *	writes a synthetic arm64 Image and an initrd, the same bytes on
 *	every run (fixed seed); see gen_image() for what is in them
 *   loadbench run RESULTS CMD [ARG...]
 *	runs CMD (stdio inherited) and appends "WALL_US MAXRSS_KIB RC" to
 *	RESULTS: wall time from fork to reaping, the child's peak RSS
 *	from wait4()
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MIB		(1024 * 1024)
#define CODE_SIZE	(20 * MIB)	/* "text": instruction-like words */
#define RODATA_SIZE	(8 * MIB)	/* strings */
#define DATA_SIZE	(4 * MIB)	/* mostly zeros, some pointers */
#define IMAGE_FILE	(CODE_SIZE + RODATA_SIZE + DATA_SIZE)
#define IMAGE_BSS	(2 * MIB)
#define INITRD_SIZE	(8 * MIB)

static uint64_t rng_state = 0x6a09e667f3bcc909ULL;

static uint64_t rnd(void)
{
	/* xorshift64* */
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545f4914f6cdd1dULL;
}

static void put_le(uint8_t *p, uint64_t val, int bytes)
{
	while (bytes--) {
		*p++ = (uint8_t)val;
		val >>= 8;
	}
}

/*
 * Code: 32-bit words whose top byte comes from a few opcode groups and
 * whose operand bits are partly skewed, with one word in 64 starting a
 * repeat of an earlier sequence, as prologues and idioms repeat in a
 * real kernel: deflate codes it as literals and some matches, to about
 * 80 %.
 */
static void gen_code(uint8_t *p, size_t size)
{
	static const uint8_t ops[] = {
		0x91, 0xf9, 0xaa, 0x94, 0x52, 0xb9, 0x35, 0x34,
		0xd1, 0xa9, 0xf8, 0x97, 0x2a, 0x12, 0x54, 0xeb,
	};
	size_t i = 0, len, back;
	uint64_t r;

	while (i + 4 <= size) {
		r = rnd();
		if ((r & 63) == 0 && i >= 8192) {
			len = 8 + ((r >> 6) & 7) * 4;
			back = 4 * (2 + ((r >> 8) & 2047));
			if (len > size - i)
				len = (size - i) & ~(size_t)3;
			memmove(p + i, p + i - back, len);
			i += len;
			continue;
		}
		put_le(p + i, (r >> 16 & 0xffff) | (r >> 32 & r >> 40 & 0xff) << 16 |
			      (uint64_t)ops[(r >> 6) & 15] << 24, 4);
		i += 4;
	}
}

/* Read-only data: NUL-terminated messages made of common words. */
static void gen_rodata(uint8_t *p, size_t size)
{
	static const char *const words[] = {
		"failed", "to", "allocate", "device", "driver", "memory",
		"interrupt", "%s", "%d", "0x%llx", "invalid", "register",
		"cpu", "node", "clock", "reset", "queue", "buffer", "timeout",
		"error", "not", "supported", "firmware", "mapping", "page",
		"table", "region", "cannot", "request", "irq", "dma", "bus",
	};
	size_t i = 0, len;
	const char *w;
	uint64_t r;

	while (i < size) {
		r = rnd();
		w = words[r & 31];
		len = strlen(w);
		if (len + 1 > size - i)
			len = size - i - 1;
		memcpy(p + i, w, len);
		i += len;
		if (i < size)
			p[i++] = (r >> 5) % 6 ? ' ' : '\0';
	}
}

/* Data: zeros with a kernel pointer in every fourth 8-byte slot or so. */
static void gen_data(uint8_t *p, size_t size)
{
	size_t i;
	uint64_t r;

	memset(p, 0, size);
	for (i = 0; i + 8 <= size; i += 8) {
		r = rnd();
		if ((r & 3) == 0)
			put_le(p + i, 0xffff800008000000ULL +
				      ((r >> 8) & 0x1fffff8), 8);
	}
}

/*
 * An arm64 Image (Documentation/arm64/booting.rst): text_offset 0,
 * image_size = file + BSS, flags LE, 4 KiB pages, anywhere in RAM. Its
 * first two instructions are "wfi; b ." so a started cell only idles.
 */
static uint8_t *gen_image(void)
{
	uint8_t *img = malloc(IMAGE_FILE);

	if (!img)
		return NULL;
	gen_code(img, CODE_SIZE);
	gen_rodata(img + CODE_SIZE, RODATA_SIZE);
	gen_data(img + CODE_SIZE + RODATA_SIZE, DATA_SIZE);
	memset(img, 0, 64);
	put_le(img, 0xd503207f, 4);			/* wfi */
	put_le(img + 4, 0x17ffffff, 4);			/* b .-4 */
	put_le(img + 8, 0, 8);				/* text_offset */
	put_le(img + 16, IMAGE_FILE + IMAGE_BSS, 8);	/* image_size */
	put_le(img + 24, 0xa, 8);
	put_le(img + 56, 0x644d5241, 4);		/* "ARM\x64" */
	return img;
}

/* An initrd: a cpio "newc" magic, then bytes that do not compress. */
static uint8_t *gen_initrd(void)
{
	uint8_t *buf = malloc(INITRD_SIZE);
	size_t i;

	if (!buf)
		return NULL;
	for (i = 0; i < INITRD_SIZE; i += 8)
		put_le(buf + i, rnd(), 8);
	memcpy(buf, "070701", 6);
	return buf;
}

static int write_file(const char *path, const uint8_t *buf, size_t len)
{
	FILE *f = fopen(path, "wb");
	int err;

	if (!f) {
		perror(path);
		return 1;
	}
	err = fwrite(buf, 1, len, f) != len;
	err |= fclose(f) != 0;
	if (err)
		perror(path);
	return err;
}

static int cmd_gen(const char *image, const char *initrd)
{
	uint8_t *img = gen_image(), *rd = gen_initrd();
	int err = 1;

	if (img && rd)
		err = write_file(image, img, IMAGE_FILE) ||
		      write_file(initrd, rd, INITRD_SIZE);
	free(img);
	free(rd);
	return err;
}

static int cmd_run(const char *results, char **argv)
{
	struct timespec t0, t1;
	struct rusage ru;
	int status, rc;
	FILE *out;
	pid_t pid;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid = fork();
	if (pid < 0) {
		perror("fork");
		return 1;
	}
	if (!pid) {
		execvp(argv[0], argv);
		perror(argv[0]);
		_exit(127);
	}
	while (wait4(pid, &status, 0, &ru) < 0)
		if (errno != EINTR) {
			perror("wait4");
			return 1;
		}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	rc = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
	out = fopen(results, "a");
	if (!out) {
		perror(results);
		return 1;
	}
	fprintf(out, "%lld %ld %d\n",
		(long long)(t1.tv_sec - t0.tv_sec) * 1000000 +
		(t1.tv_nsec - t0.tv_nsec) / 1000,
		ru.ru_maxrss, rc);
	fclose(out);
	return rc;
}

int main(int argc, char **argv)
{
	if (argc == 4 && !strcmp(argv[1], "gen"))
		return cmd_gen(argv[2], argv[3]);
	if (argc >= 4 && !strcmp(argv[1], "run"))
		return cmd_run(argv[2], argv + 3);
	fprintf(stderr, "usage: %s gen IMAGE INITRD | run RESULTS CMD [ARG...]\n",
		argv[0]);
	return 2;
}
