// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * ELF images: each PT_LOAD segment becomes one image at its physical
 * address, so a linked inmate needs no -a. Only the file header and the
 * program headers are read, field by field in little-endian order, so
 * the library needs no ELF library (loading one cost every command's
 * start-up about 90 µs on the test bed) and reads the same on any host.
 */
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"

#define JH_ELF_MAX_SIZE	((size_t)1 << 31)

/* What add_segment() needs of a program header. */
struct elf_segment {
	uint32_t type;
	uint64_t offset, paddr, filesz, memsz;
};

static uint64_t le(const uint8_t *p, unsigned int bytes)
{
	uint64_t v = 0;

	while (bytes--)
		v = v << 8 | p[bytes];
	return v;
}
JH_EXPORT int jh_image_is_elf_file(struct jh_ctx *ctx, const char *path)
{
	unsigned char magic[SELFMAG];
	ssize_t n;
	int fd, err;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		err = errno;
		return jh_fail(ctx, err, err == EACCES ? JH_ERR_PERMISSION :
			       JH_ERR_SYSTEM, "opening %s: %s", path,
			       strerror(err));
	}
	n = read(fd, magic, sizeof(magic));
	err = errno;
	close(fd);
	if (n < 0)
		return jh_fail(ctx, err, JH_ERR_SYSTEM, "reading %s: %s", path,
			       strerror(err));
	return n == SELFMAG && !memcmp(magic, ELFMAG, SELFMAG);
}

static int elf_fail(struct jh_ctx *ctx, const char *path, const char *what)
{
	return jh_fail(ctx, EINVAL, JH_ERR_IMAGE, "%s: %s", path, what);
}

/* Copies one PT_LOAD segment, zero-filling up to p_memsz. */
static int add_segment(struct jh_image_set *set, const char *path,
		       const uint8_t *file, size_t size,
		       const struct elf_segment *ph, unsigned int idx)
{
	struct jh_ctx *ctx = jh_image_set_get_ctx(set);
	uint8_t *seg;

	if (ph->filesz > ph->memsz || ph->offset > size ||
	    ph->filesz > size - ph->offset)
		return jh_fail(ctx, EINVAL, JH_ERR_IMAGE,
			       "%s: program header %u (offset 0x%llx, %llu bytes) lies outside the file",
			       path, idx, (unsigned long long)ph->offset,
			       (unsigned long long)ph->filesz);
	if (ph->memsz > JH_ELF_MAX_SIZE)
		return jh_fail(ctx, EFBIG, JH_ERR_IMAGE,
			       "%s: program header %u needs %llu bytes", path,
			       idx, (unsigned long long)ph->memsz);

	seg = calloc(1, (size_t)ph->memsz + 1);
	if (!seg)
		return jh_fail_nomem(ctx);
	memcpy(seg, file + ph->offset, (size_t)ph->filesz);
	jh_dbg(ctx, "%s: segment %u: %llu bytes at 0x%llx", path, idx,
	       (unsigned long long)ph->memsz,
	       (unsigned long long)ph->paddr);
	return jh_image_set_add_owned(set, seg, (size_t)ph->memsz,
				      ph->paddr, path);
}

/* Offsets of the ELF64 header and program header fields read here. */
#define EH_MACHINE	18
#define EH_PHOFF	32
#define EH_PHENTSIZE	54
#define EH_PHNUM	56
#define PH_TYPE		0
#define PH_OFFSET	8
#define PH_PADDR	24
#define PH_FILESZ	32
#define PH_MEMSZ	40

static int add_segments(struct jh_image_set *set, const char *path,
			const uint8_t *file, size_t size)
{
	struct jh_ctx *ctx = jh_image_set_get_ctx(set);
	unsigned int added = 0, i, num;
	struct elf_segment seg;
	const uint8_t *ph;
	uint64_t phoff;
	int err;

	if (size < sizeof(Elf64_Ehdr) || memcmp(file, ELFMAG, SELFMAG) ||
	    file[EI_VERSION] != EV_CURRENT)
		return elf_fail(ctx, path, "not a valid ELF file");
	if (file[EI_CLASS] != ELFCLASS64 || file[EI_DATA] != ELFDATA2LSB ||
	    le(file + EH_MACHINE, 2) != EM_AARCH64)
		return elf_fail(ctx, path, "not a 64-bit AArch64 ELF file");
	phoff = le(file + EH_PHOFF, 8);
	num = (unsigned int)le(file + EH_PHNUM, 2);
	/* PN_XNUM would put the count in section 0: no inmate has that many. */
	if (num == PN_XNUM ||
	    (num && le(file + EH_PHENTSIZE, 2) != sizeof(Elf64_Phdr)) ||
	    phoff > size || num > (size - phoff) / sizeof(Elf64_Phdr))
		return elf_fail(ctx, path, "unreadable program headers");

	for (i = 0; i < num; i++) {
		ph = file + phoff + (size_t)i * sizeof(Elf64_Phdr);
		seg.type = (uint32_t)le(ph + PH_TYPE, 4);
		seg.offset = le(ph + PH_OFFSET, 8);
		seg.paddr = le(ph + PH_PADDR, 8);
		seg.filesz = le(ph + PH_FILESZ, 8);
		seg.memsz = le(ph + PH_MEMSZ, 8);
		if (seg.type != PT_LOAD || !seg.memsz)
			continue;
		err = add_segment(set, path, file, size, &seg, i);
		if (err)
			return err;
		added++;
	}
	if (!added)
		return elf_fail(ctx, path, "no loadable (PT_LOAD) segments");
	return 0;
}

JH_EXPORT int jh_image_set_add_elf_file(struct jh_image_set *set,
					const char *path)
{
	struct jh_ctx *ctx = jh_image_set_get_ctx(set);
	unsigned int count;
	size_t size;
	void *data;
	int err;

	err = jh_read_file(ctx, path, JH_ELF_MAX_SIZE, &data, &size);
	if (err)
		return err;
	count = jh_image_set_get_count(set);
	err = add_segments(set, path, data, size);
	/* All segments of the file or none. */
	if (err)
		jh_image_set_truncate(set, count);
	free(data);
	return err;
}
