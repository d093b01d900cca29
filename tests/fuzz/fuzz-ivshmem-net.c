// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Fuzz target: the ivshmem-net rules a peer lives by
 * (include/jailhouse/ivshmem-net.h), with the other peer's output section
 * made of the input. The geometry of any section size must be sound
 * (rings in order and apart, room for a largest frame, MTUs in range);
 * a receiver and a sender that walk the section as ivshmem_net.ko does,
 * trusting only what the checks let through, must never read outside it
 * (the section is allocated to its exact size, for ASan) nor take more
 * than a queue's worth.
 *
 * Input: section size (le32, up to 2 MiB), the receiver's avail index
 * seen, the sender's used index seen and frames in flight (le16 each);
 * then the avail ring's flags, index and eight entries from the one due,
 * eight descriptors, the used ring's flags, index and eight entries from
 * the one due, and the rest as the start of the data area.
 */
#include <stdlib.h>
#include <string.h>

#include <jailhouse/ivshmem-net.h>

#include "fuzz.h"

#define WINDOW		8
#define HEAD		10
#define FRAME_MAX	(IVSHM_NET_MTU_MAX + IVSHM_NET_VLAN_ETH_HLEN)

static __u8 frame[FRAME_MAX];

static __u32 le(const uint8_t *p, int bytes)
{
	__u32 v = 0;

	while (bytes--)
		v = v << 8 | p[bytes];
	return v;
}

static void check(int ok)
{
	if (!ok)
		__builtin_trap();
}

static void check_geometry(const struct ivshm_net_geometry *g, __u64 size)
{
	check(g->section_size == size);
	check(g->qlen >= IVSHM_NET_QLEN_MIN && g->qlen <= IVSHM_NET_QLEN_MAX &&
	      !(g->qlen & (g->qlen - 1)));
	/* descriptors, avail ring with used_event, used ring with avail_event */
	check(g->desc == 0 && g->desc + 16ULL * g->qlen <= g->avail);
	check(ivshm_net_used_event(g) + 2 <= g->used);
	check(ivshm_net_avail_event(g) + 2 <= g->data);
	check(g->data <= size && g->data_size == size - g->data);
	check(g->data_size >= IVSHM_NET_DATA_MIN);
	check(g->mtu_max >= IVSHM_NET_MTU_MIN &&
	      g->mtu_max <= IVSHM_NET_MTU_MAX);
	check(g->mtu_default >= IVSHM_NET_MTU_MIN &&
	      g->mtu_default <= g->mtu_max);
	/* a sender can always place one frame of the largest MTU */
	check(ivshm_net_slot(g->mtu_max + IVSHM_NET_VLAN_ETH_HLEN) <=
	      g->data_size);
}

/* The peer's section: the windows of the input at their places */
static void fill(__u8 *s, const struct ivshm_net_geometry *g, __u16 rx_seen,
		 __u16 tx_seen, const uint8_t *p, size_t n)
{
	__u32 mask = g->qlen - 1, i;
	size_t take;

#define TAKE(dst, len) do {					\
		take = (len) < n ? (len) : n;			\
		memcpy((dst), p, take);				\
		p += take;					\
		n -= take;					\
	} while (0)

	TAKE(s + g->avail, IVSHM_NET_RING_ENTRIES);
	for (i = 0; i < WINDOW; i++)
		TAKE(s + g->avail + IVSHM_NET_RING_ENTRIES +
		     2 * ((rx_seen + i) & mask), 2);
	TAKE(s + g->desc, WINDOW * sizeof(struct ivshm_net_desc));
	TAKE(s + g->used, IVSHM_NET_RING_ENTRIES);
	for (i = 0; i < WINDOW; i++)
		TAKE(s + g->used + IVSHM_NET_RING_ENTRIES +
		     8 * ((tx_seen + i) & mask), 8);
	TAKE(s + g->data, g->data_size);
#undef TAKE
}

/* The receiver's walk: frames copied out only when the checks pass */
static void receive(const __u8 *s, const struct ivshm_net_geometry *g,
		    __u16 seen)
{
	const struct ivshm_net_desc *desc;
	__u16 now, d, taken = 0;

	memcpy(&now, s + g->avail + IVSHM_NET_RING_IDX, 2);
	if (ivshm_net_check_avail(g, seen, now))
		return;
	while (seen != now) {
		check(++taken <= g->qlen);
		memcpy(&d, s + g->avail + IVSHM_NET_RING_ENTRIES +
		       2 * (seen & (g->qlen - 1)), 2);
		if (d >= g->qlen)
			return;
		desc = (const struct ivshm_net_desc *)(s + g->desc) + d;
		switch (ivshm_net_check_desc(g, d, desc->addr, desc->len,
					     desc->flags)) {
		case IVSHM_NET_OK:
			check(desc->len <= FRAME_MAX);
			memcpy(frame, s + desc->addr, desc->len);
			break;
		case IVSHM_NET_FRAME_LEN:
			break;		/* dropped alone */
		default:
			return;
		}
		seen++;
	}
}

/* The sender's walk over what the peer returned */
static void reclaim(const __u8 *s, const struct ivshm_net_geometry *g,
		    __u16 seen, __u16 in_flight)
{
	const struct ivshm_net_used_elem *e;
	__u16 now, taken = 0;

	if (in_flight > g->qlen)
		return;		/* the sender never has more */
	memcpy(&now, s + g->used + IVSHM_NET_RING_IDX, 2);
	if (ivshm_net_check_used(seen, now, in_flight))
		return;
	while (seen != now) {
		check(++taken <= in_flight);
		e = (const struct ivshm_net_used_elem *)
			(s + g->used + IVSHM_NET_RING_ENTRIES) +
			(seen & (g->qlen - 1));
		if (ivshm_net_check_used_elem(e->id, e->len,
					      seen & (g->qlen - 1)))
			return;
		seen++;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ivshm_net_geometry g;
	__u64 section;
	__u8 *s;

	if (size < HEAD)
		return 0;
	section = le(data, 4) & 0x1fffff;
	if (ivshm_net_geometry(section, &g))
		return 0;
	check_geometry(&g, section);

	s = calloc(1, section);
	if (!s)
		abort();
	fill(s, &g, le(data + 4, 2), le(data + 6, 2), data + HEAD,
	     size - HEAD);
	receive(s, &g, le(data + 4, 2));
	reclaim(s, &g, le(data + 6, 2), le(data + 8, 2));
	free(s);
	return 0;
}
