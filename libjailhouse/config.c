// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Configuration objects: a validated private copy of a .cell file, the
 * one parser of configs in userspace (the checker, cell create and the
 * Linux loader all read a jh_config).
 *
 * Loading proves the bytes are a revision 14 arm64 config whose arrays
 * fit the buffer, so every accessor below may trust the counts. A config
 * never changes once made: holders share it by reference.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"

struct jh_config {
	int refcount;
	struct jh_ctx *ctx;
	enum jh_config_kind kind;
	char *source;
	uint8_t *data;
	size_t size;		/* as the counts say */
	size_t file_size;
	char name[JAILHOUSE_CELL_NAME_MAXLEN + 1];
};

/* Common head of both descriptors: signature, architecture, revision. */
struct config_head {
	char signature[JAILHOUSE_SIGNATURE_SIZE];
	__u8 architecture;
	__u16 revision;
} __attribute__((packed));

static const char *arch_name(unsigned int arch)
{
	switch (arch) {
	case JAILHOUSE_X86:
		return "x86";
	case JAILHOUSE_ARM:
		return "arm";
	case JAILHOUSE_ARM64:
		return "arm64";
	default:
		return "unknown";
	}
}

/* Prints the first bytes of a bad signature readably. */
static void format_signature(const uint8_t *sig, size_t len, char *out)
{
	size_t i;

	for (i = 0; i < len; i++)
		out += sprintf(out, (sig[i] >= 0x20 && sig[i] < 0x7f) ?
			       "%c" : "\\x%02x", sig[i]);
	*out = '\0';
}

static int check_signature(struct jh_ctx *ctx, const char *src,
			   const uint8_t *data, size_t size,
			   enum jh_config_kind *kind)
{
	char shown[4 * JAILHOUSE_SIGNATURE_SIZE + 1];

	if (size >= 6 && jailhouse_config_is_old(data))
		return jh_fail(ctx, EINVAL, JH_ERR_REVISION,
			       "%s: signature %.6s of revision 13 or older, expected revision %d",
			       src, (const char *)data,
			       JAILHOUSE_CONFIG_REVISION);
	if (jailhouse_signature_is((const char *)data,
				   JAILHOUSE_SYSTEM_SIGNATURE)) {
		*kind = JH_CONFIG_SYSTEM;
		return 0;
	}
	if (jailhouse_signature_is((const char *)data,
				   JAILHOUSE_CELL_DESC_SIGNATURE)) {
		*kind = JH_CONFIG_CELL;
		return 0;
	}
	format_signature(data, JAILHOUSE_SIGNATURE_SIZE, shown);
	return jh_fail(ctx, EINVAL, JH_ERR_SIGNATURE,
		       "%s: wrong signature \"%s\", expected \"%s\" or \"%s\"",
		       src, shown, JAILHOUSE_SYSTEM_SIGNATURE,
		       JAILHOUSE_CELL_DESC_SIGNATURE);
}

static int check_head(struct jh_ctx *ctx, const char *src, const uint8_t *data,
		      size_t size, enum jh_config_kind *kind)
{
	const struct config_head *head = (const void *)data;
	int err;

	if (size < JAILHOUSE_SIGNATURE_SIZE)
		return jh_fail(ctx, EINVAL, JH_ERR_TRUNCATED,
			       "%s: truncated: %zu bytes, not even a signature",
			       src, size);
	err = check_signature(ctx, src, data, size, kind);
	if (err)
		return err;
	if (size < sizeof(*head))
		return jh_fail(ctx, EINVAL, JH_ERR_TRUNCATED,
			       "%s: truncated: %zu bytes, the header needs %zu",
			       src, size, *kind == JH_CONFIG_SYSTEM ?
			       sizeof(struct jailhouse_system) :
			       sizeof(struct jailhouse_cell_desc));
	switch (jailhouse_header_fault(head->signature,
				       *kind == JH_CONFIG_SYSTEM ?
				       JAILHOUSE_SYSTEM_SIGNATURE :
				       JAILHOUSE_CELL_DESC_SIGNATURE,
				       head->revision, head->architecture)) {
	case JAILHOUSE_HEADER_REVISION:
		return jh_fail(ctx, EINVAL, JH_ERR_REVISION,
			       "%s: revision %u, expected %d", src,
			       head->revision, JAILHOUSE_CONFIG_REVISION);
	case JAILHOUSE_HEADER_ARCH:
		return jh_fail(ctx, EINVAL, JH_ERR_ARCH,
			       "%s: architecture %s (%u), expected arm64 (%u)",
			       src, arch_name(head->architecture),
			       head->architecture, JAILHOUSE_ARM64);
	default:	/* the signature chose the kind */
		return 0;
	}
}

static int check_sizes(struct jh_ctx *ctx, const char *src,
		       const uint8_t *data, size_t size,
		       enum jh_config_kind kind, size_t *need_out)
{
	const struct jailhouse_cell_desc *cell;
	size_t head_size, limit;
	uint64_t need;

	head_size = kind == JH_CONFIG_SYSTEM ? sizeof(struct jailhouse_system) :
		    sizeof(struct jailhouse_cell_desc);
	if (size < head_size)
		return jh_fail(ctx, EINVAL, JH_ERR_TRUNCATED,
			       "%s: truncated: %zu bytes, the %s header needs %zu",
			       src, size, kind == JH_CONFIG_SYSTEM ?
			       "system" : "cell", head_size);

	if (kind == JH_CONFIG_SYSTEM) {
		need = jailhouse_system_config_size((const void *)data);
		cell = &((const struct jailhouse_system *)data)->root_cell;
		limit = JAILHOUSE_SYSTEM_CONFIG_MAX_SIZE;
	} else {
		cell = (const void *)data;
		need = jailhouse_cell_config_size(cell);
		limit = JAILHOUSE_CELL_CONFIG_MAX_SIZE;
	}
	if (need > limit)
		return jh_fail(ctx, EINVAL, JH_ERR_COUNTS,
			       "%s: the counts give %llu bytes, more than the %zu a %s config may have",
			       src, (unsigned long long)need, limit,
			       kind == JH_CONFIG_SYSTEM ? "system" : "cell");
	if (need > size)
		return jh_fail(ctx, EINVAL, JH_ERR_COUNTS,
			       "%s: the counts need %llu bytes but the file has %zu (cpu_set_size %u, %u memory regions, %u irqchips, %u PCI devices, %u PCI caps, %u stream IDs, %u cache, %u PIO)",
			       src, (unsigned long long)need, size,
			       cell->cpu_set_size, cell->num_memory_regions,
			       cell->num_irqchips, cell->num_pci_devices,
			       cell->num_pci_caps, cell->num_stream_ids,
			       cell->num_cache_regions, cell->num_pio_regions);
	if (!memchr(cell->name, '\0', sizeof(cell->name)))
		return jh_fail(ctx, EINVAL, JH_ERR_MALFORMED,
			       "%s: the cell name is not NUL-terminated within %zu bytes",
			       src, sizeof(cell->name));
	*need_out = (size_t)need;
	return 0;
}

JH_EXPORT int jh_config_new_from_buffer(struct jh_ctx *ctx, const void *buf,
					size_t size, const char *label,
					struct jh_config **out)
{
	const struct jailhouse_cell_desc *desc;
	enum jh_config_kind kind = JH_CONFIG_CELL;
	struct jh_config *cfg;
	size_t need = 0;
	int err;

	if (!label)
		label = "<buffer>";
	if (!buf && size)
		return jh_fail(ctx, EINVAL, JH_ERR_INVALID_ARGUMENT,
			       "%s: no data", label);

	err = check_head(ctx, label, buf, size, &kind);
	if (err)
		return err;
	err = check_sizes(ctx, label, buf, size, kind, &need);
	if (err)
		return err;

	cfg = calloc(1, sizeof(*cfg));
	if (!cfg)
		return jh_fail_nomem(ctx);
	cfg->source = strdup(label);
	cfg->data = malloc(size);
	if (!cfg->source || !cfg->data) {
		err = jh_fail_nomem(ctx);
		goto err_free;
	}
	memcpy(cfg->data, buf, size);
	cfg->refcount = 1;
	cfg->kind = kind;
	cfg->size = need;
	cfg->file_size = size;
	cfg->ctx = jh_ctx_ref(ctx);
	desc = jh_config_desc(cfg);
	memcpy(cfg->name, desc->name, sizeof(cfg->name));

	*out = cfg;
	return 0;

err_free:
	free(cfg->data);
	free(cfg->source);
	free(cfg);
	return err;
}

/*
 * A file too large for a config: if it does not even start like one (a
 * kernel image given where the config goes), say that instead.
 */
static int blame_signature(struct jh_ctx *ctx, const char *path, int err)
{
	uint8_t head[JAILHOUSE_SIGNATURE_SIZE];
	enum jh_config_kind kind;
	ssize_t len = -1;
	int fd;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd >= 0) {
		len = read(fd, head, sizeof(head));
		close(fd);
	}
	if (len == (ssize_t)sizeof(head) &&
	    check_signature(ctx, path, head, sizeof(head), &kind))
		return -EINVAL;
	return err;
}

JH_EXPORT int jh_config_new_from_file(struct jh_ctx *ctx, const char *path,
				      struct jh_config **out)
{
	size_t size;
	void *data;
	int err;

	err = jh_read_file(ctx, path, JAILHOUSE_SYSTEM_CONFIG_MAX_SIZE, &data,
			   &size);
	if (err == -EFBIG)
		err = blame_signature(ctx, path, err);
	if (err)
		return err;
	err = jh_config_new_from_buffer(ctx, data, size, path, out);
	free(data);
	return err;
}

JH_EXPORT struct jh_config *jh_config_ref(struct jh_config *cfg)
{
	if (cfg)
		cfg->refcount++;
	return cfg;
}

JH_EXPORT struct jh_config *jh_config_unref(struct jh_config *cfg)
{
	if (!cfg || --cfg->refcount > 0)
		return cfg;
	jh_ctx_unref(cfg->ctx);
	free(cfg->data);
	free(cfg->source);
	free(cfg);
	return NULL;
}

struct jh_ctx *jh_config_get_ctx(const struct jh_config *cfg)
{
	return cfg->ctx;
}

const void *jh_config_data(const struct jh_config *cfg)
{
	return cfg->data;
}

const struct jailhouse_system *jh_config_system(const struct jh_config *cfg)
{
	return cfg->kind == JH_CONFIG_SYSTEM ? (const void *)cfg->data : NULL;
}

const struct jailhouse_cell_desc *jh_config_desc(const struct jh_config *cfg)
{
	if (cfg->kind == JH_CONFIG_SYSTEM)
		return &((const struct jailhouse_system *)cfg->data)->root_cell;
	return (const void *)cfg->data;
}

JH_EXPORT enum jh_config_kind jh_config_get_kind(const struct jh_config *cfg)
{
	return cfg->kind;
}

JH_EXPORT const char *jh_config_get_source(const struct jh_config *cfg)
{
	return cfg->source;
}

JH_EXPORT const char *jh_config_get_name(const struct jh_config *cfg)
{
	return cfg->name;
}

JH_EXPORT size_t jh_config_get_size(const struct jh_config *cfg)
{
	return cfg->size;
}

JH_EXPORT size_t jh_config_get_trailing_bytes(const struct jh_config *cfg)
{
	return cfg->file_size - cfg->size;
}
