// SPDX-License-Identifier: GPL-2.0
/*
 * ivshmem-demo: root Linux's end of an ivshmem-v2 link, on the UIO
 * device uio_ivshmem makes of it. It says READY in the state table,
 * reports the peers' state changes, answers every ping a peer sends and,
 * with -n, pings a peer itself: the protocol of the bare-metal
 * ivshmem-demo.bin (inmates/demos/ivshmem-demo.h).
 *
 *   ivshmem-demo [-d /dev/uioN] [-t PEER] [-n PINGS] [-a ANSWERS]
 *                [-w SECONDS] [-q]
 *
 * With -n it pings first, then (with -a) goes on answering until ANSWERS
 * pings in all were answered; without -n it answers until then (-a 0:
 * for ever).
 *
 * Exit status: 0 when every ping got its pong and every message was
 * intact, 1 otherwise, 2 for bad usage or a device that cannot be used.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include <jailhouse/ivshmem.h>

#include "../inmates/demos/ivshmem-demo.h"

#define MAX_MAPS	5

struct map {
	char name[32];
	volatile uint8_t *addr;
	size_t size;
};

struct link {
	int fd;
	struct map maps[MAX_MAPS];
	volatile uint32_t *regs;
	volatile uint32_t *state_table;
	volatile uint8_t *inputs;	/* every peer's output section */
	volatile uint8_t *own;		/* ours, the one we may write */
	size_t out_size;
	uint32_t id, peers;
	uint32_t seen_state[IVSHMEM_MAX_PEERS];
	uint32_t seen_ping[IVSHMEM_MAX_PEERS];
	uint32_t pong_seq[IVSHMEM_MAX_PEERS];	/* each peer's last pong */
	unsigned long answered, bad;
};

static bool quiet;

static void usage(void)
{
	fprintf(stderr,
		"usage: ivshmem-demo [-d /dev/uioN] [-t PEER] [-n PINGS] [-a ANSWERS] [-w SECONDS] [-q]\n"
		"  -d  the UIO device (default: the first uio_ivshmem device)\n"
		"  -t  the peer to ping (default: the next ID)\n"
		"  -n  send PINGS pings, each waiting for its pong, then stop\n"
		"  -a  stop after answering ANSWERS pings (also after -n)\n"
		"  -w  give up after SECONDS without progress (default 10)\n"
		"  -q  no line per state change\n");
	exit(2);
}

static int read_sysfs(const char *uio, const char *what, char *buf,
		      size_t size)
{
	char path[256];
	ssize_t len;
	int fd;

	snprintf(path, sizeof(path), "/sys/class/uio/%s/%s", uio, what);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	len = read(fd, buf, size - 1);
	close(fd);
	if (len <= 0)
		return -1;
	buf[len] = 0;
	buf[strcspn(buf, "\n")] = 0;
	return 0;
}

/* The first uioN whose driver is uio_ivshmem, or NULL */
static const char *find_uio(void)
{
	static char found[sizeof(((struct dirent *)0)->d_name)];
	struct dirent *de;
	char name[64];
	DIR *dir;

	dir = opendir("/sys/class/uio");
	if (!dir)
		return NULL;
	while ((de = readdir(dir))) {
		if (strncmp(de->d_name, "uio", 3) ||
		    read_sysfs(de->d_name, "name", name, sizeof(name)) ||
		    strncmp(name, "uio_ivshmem", 11))
			continue;
		snprintf(found, sizeof(found), "%s", de->d_name);
		closedir(dir);
		return found;
	}
	closedir(dir);
	return NULL;
}

static struct map *map_named(struct link *l, const char *name)
{
	for (unsigned int n = 0; n < MAX_MAPS; n++)
		if (!strcmp(l->maps[n].name, name))
			return &l->maps[n];
	return NULL;
}

static int open_link(struct link *l, const char *dev)
{
	const char *uio = strrchr(dev, '/') ? strrchr(dev, '/') + 1 : dev;
	struct map *regs, *table, *inputs, *own;
	char what[64], val[64];
	unsigned int n;

	l->fd = open(dev, O_RDWR);
	if (l->fd < 0) {
		fprintf(stderr, "ivshmem-demo: %s: %s\n", dev, strerror(errno));
		return -1;
	}
	for (n = 0; n < MAX_MAPS; n++) {
		struct map *m = &l->maps[n];
		bool rw;

		snprintf(what, sizeof(what), "maps/map%u/name", n);
		if (read_sysfs(uio, what, m->name, sizeof(m->name)))
			break;
		snprintf(what, sizeof(what), "maps/map%u/size", n);
		if (read_sysfs(uio, what, val, sizeof(val)))
			break;
		m->size = strtoul(val, NULL, 0);
		rw = strcmp(m->name, "state_table") &&
		     strcmp(m->name, "input_sections");
		m->addr = mmap(NULL, m->size, PROT_READ | (rw ? PROT_WRITE : 0),
			       MAP_SHARED, l->fd, n * getpagesize());
		if (m->addr == MAP_FAILED) {
			fprintf(stderr, "ivshmem-demo: map %u (%s): %s\n", n,
				m->name, strerror(errno));
			return -1;
		}
	}
	regs = map_named(l, "registers");
	table = map_named(l, "state_table");
	inputs = map_named(l, "input_sections");
	own = map_named(l, "output_section");
	if (!regs || !table || !inputs || !own) {
		fprintf(stderr, "ivshmem-demo: %s lacks the registers, the state table or the sections\n",
			dev);
		return -1;
	}
	l->own = own->addr;
	l->regs = (volatile uint32_t *)regs->addr;
	l->state_table = (volatile uint32_t *)table->addr;
	l->inputs = inputs->addr;
	l->id = l->regs[IVSHMEM_REG_ID / 4];
	l->peers = l->regs[IVSHMEM_REG_MAX_PEERS / 4];
	if (!l->peers || l->peers > IVSHMEM_MAX_PEERS || l->id >= l->peers) {
		fprintf(stderr, "ivshmem-demo: ID %u of %u peers?\n", l->id,
			l->peers);
		return -1;
	}
	l->out_size = inputs->size / l->peers;
	if (l->out_size < 2 * sizeof(struct demo_msg)) {
		fprintf(stderr, "ivshmem-demo: output sections of %zu bytes, %zu needed\n",
			l->out_size, 2 * sizeof(struct demo_msg));
		return -1;
	}
	return 0;
}

static volatile uint8_t *output(struct link *l, unsigned int peer)
{
	return l->inputs + peer * l->out_size;
}

static void ring(struct link *l, unsigned int peer)
{
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	l->regs[IVSHMEM_REG_DOORBELL / 4] = IVSHMEM_DOORBELL(peer, 0);
}

/* True if a peer's state changed since the last look */
static bool check_states(struct link *l)
{
	bool changed = false;

	for (unsigned int peer = 0; peer < l->peers; peer++) {
		uint32_t state = l->state_table[peer];

		if (peer == l->id || state == l->seen_state[peer])
			continue;
		l->seen_state[peer] = state;
		/* a new life: its seq starts over */
		l->seen_ping[peer] = 0;
		changed = true;
		if (!quiet)
			printf("ivshmem-demo: peer %u state %u\n", peer, state);
	}
	return changed;
}

static void check_peer(struct link *l, unsigned int peer)
{
	volatile struct demo_msg *ping = DEMO_SLOT(output(l, peer), DEMO_SLOT_PING);
	volatile struct demo_msg *pong = DEMO_SLOT(output(l, peer), DEMO_SLOT_PONG);
	volatile struct demo_msg *answer = DEMO_SLOT(l->own, DEMO_SLOT_PONG);
	uint32_t seq;

	/* only from a peer in this life (ivshmem-demo.h) */
	if (l->seen_state[peer] != DEMO_STATE_READY)
		return;
	seq = ping->seq;
	if (seq &&
	    seq != l->seen_ping[peer] && ping->to == l->id) {
		__atomic_thread_fence(__ATOMIC_ACQUIRE);
		l->seen_ping[peer] = seq;
		if (!demo_valid(ping, seq, peer)) {
			l->bad++;
			printf("ivshmem-demo: BAD ping %u from peer %u\n", seq, peer);
		}
		demo_fill(answer, seq, l->id, peer);
		__atomic_thread_fence(__ATOMIC_RELEASE);
		answer->seq = seq;
		ring(l, peer);
		l->answered++;
	}
	seq = pong->seq;
	if (seq && seq != l->pong_seq[peer] && pong->to == l->id) {
		__atomic_thread_fence(__ATOMIC_ACQUIRE);
		if (!demo_valid(pong, seq, peer)) {
			l->bad++;
			printf("ivshmem-demo: BAD pong %u from peer %u\n", seq, peer);
		}
		l->pong_seq[peer] = seq;
	}
}

static void check_peers(struct link *l)
{
	for (unsigned int peer = 0; peer < l->peers; peer++)
		if (peer != l->id)
			check_peer(l, peer);
}

/*
 * Interrupts on again (one-shot), then whatever came in: the slots in
 * the lives we know first, then the states (ivshmem-demo.h).
 */
static void scan(struct link *l)
{
	l->regs[IVSHMEM_REG_INT_CTRL / 4] = IVSHMEM_INT_ENABLE;
	check_peers(l);
	if (check_states(l))
		check_peers(l);
}

/* Waits for the next interrupt; false after timeout_ms without one */
static bool wait_irq(struct link *l, int timeout_ms)
{
	struct pollfd pfd = { .fd = l->fd, .events = POLLIN };
	uint32_t count;

	if (poll(&pfd, 1, timeout_ms) <= 0)
		return false;
	return read(l->fd, &count, sizeof(count)) == sizeof(count);
}

static double now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static int ping(struct link *l, unsigned int target, unsigned long count,
		int timeout_ms)
{
	volatile struct demo_msg *msg = DEMO_SLOT(l->own, DEMO_SLOT_PING);
	unsigned long seq, pongs = 0;
	double start;

	while (l->state_table[target] != DEMO_STATE_READY) {
		if (!wait_irq(l, timeout_ms)) {
			fprintf(stderr, "ivshmem-demo: peer %u is not READY (state %u)\n",
				target, l->state_table[target]);
			return 1;
		}
		scan(l);
	}
	start = now_us();
	for (seq = 1; seq <= count; seq++) {
		demo_fill(msg, seq, l->id, target);
		__atomic_thread_fence(__ATOMIC_RELEASE);
		msg->seq = seq;
		ring(l, target);
		while (l->pong_seq[target] != seq) {
			if (!wait_irq(l, timeout_ms))
				break;
			scan(l);
		}
		if (l->pong_seq[target] != seq) {
			fprintf(stderr, "ivshmem-demo: pong %lu lost\n", seq);
			break;
		}
		pongs++;
	}
	/* a lost pong ends it: its ping was sent, the rest not */
	printf("ivshmem-demo: sent %lu pings to peer %u, %lu pongs, %lu bad, %.1f us per round trip\n",
	       seq > count ? count : seq, target, pongs, l->bad,
	       pongs ? (now_us() - start) / pongs : 0.0);
	return pongs == count && !l->bad ? 0 : 1;
}

static int answer(struct link *l, unsigned long count, int timeout_ms)
{
	while (!count || l->answered < count) {
		if (!wait_irq(l, timeout_ms)) {
			if (count)
				break;
			continue;
		}
		scan(l);
	}
	printf("ivshmem-demo: %lu pings answered, %lu bad\n", l->answered,
	       l->bad);
	return (!count || l->answered == count) && !l->bad ? 0 : 1;
}

int main(int argc, char **argv)
{
	unsigned long pings = 0, answers = 0;
	const char *dev = NULL;
	static struct link l;
	int opt, target = -1, wait_s = 10, ret;
	char path[300];

	while ((opt = getopt(argc, argv, "d:t:n:a:w:q")) != -1) {
		switch (opt) {
		case 'd':
			dev = optarg;
			break;
		case 't':
			target = atoi(optarg);
			break;
		case 'n':
			pings = strtoul(optarg, NULL, 0);
			break;
		case 'a':
			answers = strtoul(optarg, NULL, 0);
			break;
		case 'w':
			wait_s = atoi(optarg);
			break;
		case 'q':
			quiet = true;
			break;
		default:
			usage();
		}
	}
	if (optind != argc || wait_s <= 0)
		usage();
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (!dev) {
		const char *uio = find_uio();

		if (!uio) {
			fprintf(stderr, "ivshmem-demo: no uio_ivshmem device (is the module loaded and the hypervisor enabled?)\n");
			return 2;
		}
		snprintf(path, sizeof(path), "/dev/%s", uio);
		dev = path;
	}
	if (open_link(&l, dev))
		return 2;
	if (target < 0)
		target = (l.id + 1) % l.peers;
	if ((unsigned int)target >= l.peers || (unsigned int)target == l.id) {
		fprintf(stderr, "ivshmem-demo: target %d is not another of the %u peers\n",
			target, l.peers);
		return 2;
	}
	printf("ivshmem-demo: %s: peer %u of %u, output sections of %zu bytes\n",
	       dev, l.id, l.peers, l.out_size);

	/* nothing of an earlier life in our slots, then READY */
	DEMO_SLOT(l.own, DEMO_SLOT_PING)->seq = 0;
	DEMO_SLOT(l.own, DEMO_SLOT_PONG)->seq = 0;
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	l.regs[IVSHMEM_REG_STATE / 4] = DEMO_STATE_READY;
	scan(&l);
	/* pings first (answering the peer's meanwhile), then the rest */
	ret = pings ? ping(&l, target, pings, wait_s * 1000) : 0;
	if (!pings || answers)
		ret |= answer(&l, answers, wait_s * 1000);
	l.regs[IVSHMEM_REG_STATE / 4] = 0;
	return ret;
}
