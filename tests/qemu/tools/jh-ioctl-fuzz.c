// SPDX-License-Identifier: GPL-2.0
/*
 * jh-ioctl-fuzz: a careless root's random ioctls on /dev/jailhouse.
 *
 *   jh-ioctl-fuzz CALLS SEED SYSTEM.cell CELL.cell...
 *
 * Each call is one of the six commands or an unknown number, with
 * arguments drawn from good ones and bad ones: the system config or junk
 * for ENABLE; for CELL_CREATE the cell configs with random bytes changed
 * after their header, junk, wrong sizes; for CELL_LOAD random image
 * counts, sizes and target addresses; cell IDs and names that exist or
 * not; and as pointers NULL, 1, an unreadable page, a kernel address or a
 * buffer that ends at an unreadable page. The system config is never
 * changed: a wrong root config is a different mistake (Linux would lose
 * memory it runs on).
 *
 * Every call must return 0 or an errno that driver/ERRORS.md lists for
 * its command, within 30 s. Prints a summary and each surprise; exits 1
 * if there was one, 2 if a call hung.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <jailhouse/cell-config.h>
#include <jailhouse/ioctl.h>

#include "ioctl-errnos.h"

#define MAX_CELLS	8
#define CALL_TIMEOUT_S	30

struct blob {
	unsigned char *data;
	size_t size;
};

static struct blob sys_cfg, cells[MAX_CELLS];
static unsigned int num_cells;
static unsigned char *guard;	/* a readable page, then an unreadable one */
static long page;

/*
 * What a command may answer: the driver's errno contract (the rows of
 * libjailhouse/ioctl-errnos.c, which test-errors-doc checks against
 * driver/ERRORS.md), and for enable and disable the codes ERRORS.md's
 * "hypervisor's code" rows name for the hypervisor itself.
 */
static const int hypervisor_codes[] = {
	EIO, ENOMEM, EBUSY, ENODEV, EINVAL, ERANGE, EPERM, 0
};
static const int unknown_errnos[] = { EINVAL, ENOTTY, EINTR, 0 };

static const char *const names[] = {
	"enable", "disable", "create", "load", "start", "destroy", "unknown"
};

static unsigned long calls, ok, surprises, by_errno[256];

static unsigned long rnd(unsigned long n)
{
	return n ? (unsigned long)random() % n : 0;
}

static void on_alarm(int sig)
{
	(void)sig;
	fprintf(stderr, "jh-ioctl-fuzz: a call did not return within %d s\n",
		CALL_TIMEOUT_S);
	_exit(2);
}

static int read_blob(const char *path, struct blob *b)
{
	FILE *f = fopen(path, "rb");
	long size;

	if (!f || fseek(f, 0, SEEK_END) || (size = ftell(f)) <= 0 ||
	    fseek(f, 0, SEEK_SET))
		goto fail;
	b->size = (size_t)size;
	b->data = malloc(b->size);
	if (!b->data || fread(b->data, 1, b->size, f) != b->size)
		goto fail;
	fclose(f);
	return 0;
fail:
	fprintf(stderr, "jh-ioctl-fuzz: cannot read %s\n", path);
	if (f)
		fclose(f);
	return -1;
}

/* A pointer a careless caller might pass instead of a good one. */
static void *bad_pointer(void)
{
	switch (rnd(5)) {
	case 0: return NULL;
	case 1: return (void *)1;
	case 2: return guard + page;			/* unreadable */
	case 3: return (void *)0xffffff8000000000UL;	/* the kernel's */
	default: return guard + page - 8;		/* runs into it */
	}
}

/* A cell config with 1 to 8 random bytes changed after the header. */
static void *mutated_cell(unsigned char *buf, size_t *size)
{
	const struct blob *c = &cells[rnd(num_cells)];
	unsigned int n = 1 + rnd(8);
	size_t hdr = sizeof(struct jailhouse_cell_desc);

	memcpy(buf, c->data, c->size);
	*size = c->size;
	while (n--)
		buf[hdr + rnd(c->size - hdr)] = (unsigned char)random();
	/* sometimes a wrong size too */
	if (!rnd(8))
		*size = rnd(c->size + 64);
	return buf;
}

static void cell_id(struct jailhouse_cell_id *id)
{
	const struct jailhouse_cell_desc *c =
		(const void *)cells[rnd(num_cells)].data;

	memset(id, 0, sizeof(*id));
	switch (rnd(4)) {
	case 0:
		id->id = (int)rnd(4);
		break;
	case 1:
		id->id = (int)random();
		break;
	case 2:
		id->id = JAILHOUSE_CELL_ID_UNUSED;
		snprintf(id->name, sizeof(id->name), "%s", c->name);
		break;
	default:
		id->id = JAILHOUSE_CELL_ID_UNUSED;
		snprintf(id->name, sizeof(id->name), "nobody-%lu", rnd(10));
	}
}

static bool listed(const int *list, int err)
{
	for (; *list; list++)
		if (*list == err)
			return true;
	return false;
}

/* op: an enum jh_ioctl_req, or JH_REQ_COUNT for an unknown number */
static bool documented(unsigned int op, int err)
{
	const struct jh_ioctl_errno *row;

	if (op >= JH_REQ_COUNT)
		return listed(unknown_errnos, err);
	row = jh_ioctl_errno_find(op, err);
	if (row)
		return !row->upstream_only;
	return (op == JH_REQ_ENABLE || op == JH_REQ_DISABLE) &&
	       listed(hypervisor_codes, err);
}

static void one_call(int fd, unsigned char *buf, size_t buf_size)
{
	struct {
		struct jailhouse_cell_load load;
		struct jailhouse_preload_image image[4];
	} load;
	struct jailhouse_cell_create create;
	struct jailhouse_cell_id id;
	unsigned int op = rnd(7), n;
	unsigned long cmd;
	size_t size;
	void *arg;
	int ret;

	switch (op) {
	case 0:
		cmd = JAILHOUSE_ENABLE;
		if (rnd(2)) {
			memcpy(buf, sys_cfg.data, sys_cfg.size);
			arg = buf;
		} else if (rnd(2)) {
			for (n = 0; n < 512; n++)
				buf[n] = (unsigned char)random();
			arg = buf;
		} else {
			arg = bad_pointer();
		}
		break;
	case 1:
		cmd = JAILHOUSE_DISABLE;
		arg = NULL;
		break;
	case 2:
		cmd = JAILHOUSE_CELL_CREATE;
		memset(&create, 0, sizeof(create));
		if (rnd(4)) {
			create.config_address =
				(unsigned long)mutated_cell(buf, &size);
			create.config_size = (__u32)size;
		} else {
			create.config_address = (unsigned long)bad_pointer();
			create.config_size = (__u32)rnd(buf_size);
		}
		arg = rnd(16) ? (void *)&create : bad_pointer();
		break;
	case 3:
		cmd = JAILHOUSE_CELL_LOAD;
		memset(&load, 0, sizeof(load));
		cell_id(&load.load.cell_id);
		load.load.num_preload_images = (__u32)rnd(5);
		for (n = 0; n < 4; n++) {
			load.image[n].source_address = rnd(2) ?
				(unsigned long)buf : (unsigned long)bad_pointer();
			load.image[n].size = rnd(2) ? rnd(0x2000) :
				(unsigned long)random();
			load.image[n].target_address = rnd(2) ?
				rnd(0x20000) : (unsigned long)random() << 12;
		}
		if (!rnd(16))
			load.load.num_preload_images = (__u32)random();
		arg = rnd(16) ? (void *)&load : bad_pointer();
		break;
	case 4:
	case 5:
		cmd = op == 4 ? JAILHOUSE_CELL_START : JAILHOUSE_CELL_DESTROY;
		cell_id(&id);
		arg = rnd(16) ? (void *)&id : bad_pointer();
		break;
	default:
		cmd = _IOC(rnd(4), rnd(2) ? 0 : rnd(256), 6 + rnd(250),
			   rnd(64));
		arg = rnd(2) ? (void *)buf : bad_pointer();
	}

	alarm(CALL_TIMEOUT_S);
	ret = ioctl(fd, cmd, arg);
	alarm(0);
	calls++;
	if (ret == 0) {
		ok++;
		return;
	}
	by_errno[errno & 255]++;
	if (ret == -1 && documented(op, errno))
		return;
	surprises++;
	printf("surprise: %s (cmd %#lx) returned %d, errno %d (%s)\n",
	       names[op], cmd, ret, errno, strerror(errno));
}

int main(int argc, char **argv)
{
	unsigned long count, i;
	unsigned char *buf;
	size_t buf_size = 1 << 17;
	int fd, e;

	if (argc < 5) {
		fprintf(stderr, "usage: jh-ioctl-fuzz CALLS SEED SYSTEM.cell CELL.cell...\n");
		return 2;
	}
	count = strtoul(argv[1], NULL, 0);
	srandom((unsigned int)strtoul(argv[2], NULL, 0));
	if (read_blob(argv[3], &sys_cfg))
		return 2;
	for (i = 4; i < (unsigned long)argc && num_cells < MAX_CELLS; i++)
		if (read_blob(argv[i], &cells[num_cells++]))
			return 2;

	page = sysconf(_SC_PAGESIZE);
	guard = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE,
		     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	buf = malloc(buf_size);
	if (guard == MAP_FAILED || !buf ||
	    mprotect(guard + page, page, PROT_NONE)) {
		perror("jh-ioctl-fuzz: memory");
		return 2;
	}
	memset(guard, 0xa5, page);
	fd = open("/dev/jailhouse", O_RDWR);
	if (fd < 0) {
		perror("jh-ioctl-fuzz: /dev/jailhouse");
		return 2;
	}
	signal(SIGALRM, on_alarm);

	for (i = 0; i < count; i++)
		one_call(fd, buf, buf_size);

	printf("calls %lu, ok %lu, surprises %lu; errnos:", calls, ok,
	       surprises);
	for (e = 1; e < 256; e++)
		if (by_errno[e])
			printf(" %s %lu", strerrorname_np(e) ? strerrorname_np(e) : "?",
			       by_errno[e]);
	printf("\n");
	close(fd);
	return surprises ? 1 : 0;
}
