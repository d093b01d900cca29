// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * ELF images: each PT_LOAD segment becomes one image at its physical
 * address, so a linked inmate needs no -a. Parsing goes through libelf.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <gelf.h>
#include <libelf.h>

#include "internal.h"

#define JH_ELF_MAX_SIZE	((size_t)1 << 31)

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
		       const uint8_t *file, size_t size, const GElf_Phdr *ph,
		       unsigned int idx)
{
	struct jh_ctx *ctx = jh_image_set_get_ctx(set);
	uint8_t *seg;

	if (ph->p_filesz > ph->p_memsz || ph->p_offset > size ||
	    ph->p_filesz > size - ph->p_offset)
		return jh_fail(ctx, EINVAL, JH_ERR_IMAGE,
			       "%s: program header %u (offset 0x%llx, %llu bytes) lies outside the file",
			       path, idx, (unsigned long long)ph->p_offset,
			       (unsigned long long)ph->p_filesz);
	if (ph->p_memsz > JH_ELF_MAX_SIZE)
		return jh_fail(ctx, EFBIG, JH_ERR_IMAGE,
			       "%s: program header %u needs %llu bytes", path,
			       idx, (unsigned long long)ph->p_memsz);

	seg = calloc(1, (size_t)ph->p_memsz + 1);
	if (!seg)
		return jh_fail_nomem(ctx);
	memcpy(seg, file + ph->p_offset, (size_t)ph->p_filesz);
	jh_dbg(ctx, "%s: segment %u: %llu bytes at 0x%llx", path, idx,
	       (unsigned long long)ph->p_memsz,
	       (unsigned long long)ph->p_paddr);
	return jh_image_set_add_owned(set, seg, (size_t)ph->p_memsz,
				      ph->p_paddr, path);
}

static int add_segments(struct jh_image_set *set, const char *path,
			Elf *elf, const uint8_t *file, size_t size)
{
	struct jh_ctx *ctx = jh_image_set_get_ctx(set);
	unsigned int added = 0;
	GElf_Ehdr eh;
	GElf_Phdr ph;
	size_t n, i;
	int err;

	if (elf_kind(elf) != ELF_K_ELF || !gelf_getehdr(elf, &eh))
		return elf_fail(ctx, path, "not a valid ELF file");
	if (gelf_getclass(elf) != ELFCLASS64 || eh.e_machine != EM_AARCH64)
		return elf_fail(ctx, path, "not a 64-bit AArch64 ELF file");
	if (elf_getphdrnum(elf, &n) < 0)
		return elf_fail(ctx, path, "unreadable program headers");

	for (i = 0; i < n; i++) {
		if (!gelf_getphdr(elf, (int)i, &ph))
			return elf_fail(ctx, path, "unreadable program header");
		if (ph.p_type != PT_LOAD || !ph.p_memsz)
			continue;
		err = add_segment(set, path, file, size, &ph, (unsigned int)i);
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
	Elf *elf;
	int err;

	if (elf_version(EV_CURRENT) == EV_NONE)
		return jh_fail(ctx, ENOSYS, JH_ERR_NOT_SUPPORTED,
			       "libelf is too old for this library");
	err = jh_read_file(ctx, path, JH_ELF_MAX_SIZE, &data, &size);
	if (err)
		return err;
	elf = elf_memory(data, size);
	if (!elf) {
		err = elf_fail(ctx, path, elf_errmsg(-1));
		goto err_free;
	}
	count = jh_image_set_get_count(set);
	err = add_segments(set, path, elf, data, size);
	/* All segments of the file or none. */
	if (err)
		jh_image_set_truncate(set, count);
	elf_end(elf);
err_free:
	free(data);
	return err;
}
