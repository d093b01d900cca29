// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Image sets: the (data, size, cell address) triples of one cell load.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* A kernel plus initrd can be large; anything past this is a mistake. */
#define JH_IMAGE_MAX_SIZE	((size_t)1 << 31)

struct jh_image {
	void *data;
	size_t size;
	uint64_t addr;
	char *name;	/* the file it came from, NULL for a buffer */
};

struct jh_image_set {
	struct jh_ctx *ctx;
	unsigned int count, cap;
	struct jh_image *images;
};

JH_EXPORT int jh_image_set_new(struct jh_ctx *ctx, struct jh_image_set **out)
{
	struct jh_image_set *set;

	set = calloc(1, sizeof(*set));
	if (!set)
		return jh_fail_nomem(ctx);
	set->ctx = jh_ctx_ref(ctx);
	*out = set;
	return 0;
}

JH_EXPORT void jh_image_set_free(struct jh_image_set *set)
{
	if (!set)
		return;
	jh_image_set_truncate(set, 0);
	free(set->images);
	jh_ctx_unref(set->ctx);
	free(set);
}

struct jh_ctx *jh_image_set_get_ctx(const struct jh_image_set *set)
{
	return set->ctx;
}

JH_EXPORT unsigned int jh_image_set_get_count(const struct jh_image_set *set)
{
	return set->count;
}

/* Drops the images added after the first @count. */
void jh_image_set_truncate(struct jh_image_set *set, unsigned int count)
{
	while (set->count > count) {
		set->count--;
		free(set->images[set->count].data);
		free(set->images[set->count].name);
	}
}

const char *jh_image_set_get_name(const struct jh_image_set *set,
				  unsigned int idx)
{
	return idx < set->count ? set->images[idx].name : NULL;
}

/* Takes ownership of @data, also on failure; @name may be NULL. */
int jh_image_set_add_owned(struct jh_image_set *set, void *data, size_t size,
			   uint64_t addr, const char *name)
{
	struct jh_image *img;
	char *copy = NULL;

	if (size && addr + size - 1 < addr) {
		free(data);
		return jh_fail(set->ctx, EINVAL, JH_ERR_IMAGE,
			       "image of %zu bytes at 0x%llx wraps around the address space",
			       size, (unsigned long long)addr);
	}
	if (set->count == set->cap) {
		unsigned int cap = set->cap ? set->cap * 2 : 4;
		struct jh_image *more;

		more = realloc(set->images, cap * sizeof(*more));
		if (!more) {
			free(data);
			return jh_fail_nomem(set->ctx);
		}
		set->images = more;
		set->cap = cap;
	}
	if (name && !(copy = strdup(name))) {
		free(data);
		return jh_fail_nomem(set->ctx);
	}
	img = &set->images[set->count++];
	img->data = data;
	img->size = size;
	img->addr = addr;
	img->name = copy;
	return 0;
}

JH_EXPORT int jh_image_set_add_buffer(struct jh_image_set *set,
				      const void *data, size_t size,
				      uint64_t addr)
{
	void *copy;

	/* One spare byte so that an empty image is not malloc(0). */
	copy = malloc(size + 1);
	if (!copy)
		return jh_fail_nomem(set->ctx);
	if (size)
		memcpy(copy, data, size);
	return jh_image_set_add_owned(set, copy, size, addr, NULL);
}

JH_EXPORT int jh_image_set_add_string(struct jh_image_set *set,
				      const char *str, uint64_t addr)
{
	return jh_image_set_add_buffer(set, str, strlen(str) + 1, addr);
}

JH_EXPORT int jh_image_set_add_raw_file(struct jh_image_set *set,
					const char *path, uint64_t addr)
{
	size_t size;
	void *data;
	int err;

	err = jh_read_file(set->ctx, path, JH_IMAGE_MAX_SIZE, &data, &size);
	if (err)
		return err;
	if (!size)
		jh_warn(set->ctx, "%s is empty; the driver skips it", path);
	return jh_image_set_add_owned(set, data, size, addr, path);
}

/* Fills the ioctl's image array; returns the number of entries. */
unsigned int jh_image_set_fill(const struct jh_image_set *set,
			       struct jailhouse_preload_image *img)
{
	unsigned int i;

	for (i = 0; i < set->count; i++) {
		memset(&img[i], 0, sizeof(img[i]));
		img[i].source_address = (uintptr_t)set->images[i].data;
		img[i].size = set->images[i].size;
		img[i].target_address = set->images[i].addr;
	}
	return set->count;
}
