/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * The ivshmem-net protocol (JAILHOUSE_SHMEM_PROTO_VETH) as it is on the
 * wire, so that our driver talks to other implementations of it: the
 * link states, where the rings lie in a peer's output section, how big
 * they are, frame and MTU limits, and the checks a receiver makes on what
 * the other peer wrote. Facts and sources: docs/ivshmem-net-plan.md.
 * Plain memory arithmetic, shared by the driver, unit tests and fuzzing.
 *
 * Each peer writes only its own output section, which holds its transmit
 * queue (descriptors, "avail" ring, frame data) and the "used" ring by
 * which it returns the other peer's frames: a split virtqueue laid out
 * as virtio's vring_init() with 64-byte alignment, used entries always
 * returned in the order the frames were made available. Descriptor
 * addresses are byte offsets into the sender's section.
 */
#ifndef _JAILHOUSE_IVSHMEM_NET_H
#define _JAILHOUSE_IVSHMEM_NET_H

#include <jailhouse/types.h>

/* A peer's state, in its STATE register and the state table */
#define IVSHM_NET_STATE_RESET		0
#define IVSHM_NET_STATE_INIT		1
#define IVSHM_NET_STATE_READY		2
#define IVSHM_NET_STATE_RUN		3

/* Peers of a link: IDs 0 and 1, each the other's peer */
#define IVSHM_NET_PEERS			2

/* The INTx doorbell vector; with MSI-X data would use vector 1 */
#define IVSHM_NET_VECTOR_INTX		0

#define IVSHM_NET_VRING_ALIGN		64
#define IVSHM_NET_QLEN_MAX		4096
#define IVSHM_NET_QLEN_MIN		32

/* Frames: bare Ethernet, no virtio-net header, no FCS */
#define IVSHM_NET_ETH_HLEN		14
#define IVSHM_NET_VLAN_ETH_HLEN		18
#define IVSHM_NET_MTU_MIN		68
#define IVSHM_NET_MTU_MAX		65535
#define IVSHM_NET_MTU_DEFAULT_MAX	16384
/* A data area holds at least four minimal frames */
#define IVSHM_NET_DATA_MIN		(4 * IVSHM_NET_MTU_MIN)
/* Sender-local: a frame's slot in the data area is cache-line aligned */
#define IVSHM_NET_SLOT_ALIGN		64

/* The ring fields, as virtio's split virtqueue has them */
struct ivshm_net_desc {
	__u64 addr;	/* offset into the sender's output section */
	__u32 len;	/* frame bytes */
	__u16 flags;	/* always 0: one descriptor per frame */
	__u16 next;	/* the sender's own business */
} __attribute__((packed));

struct ivshm_net_used_elem {
	__u32 id;	/* the descriptor returned */
	__u32 len;	/* always 1 */
} __attribute__((packed));

#define IVSHM_NET_USED_LEN		1

static inline __u64 ivshm_net_align(__u64 val, __u64 align)
{
	return (val + align - 1) & ~(align - 1);
}

/* virtio's vring_size() for @qlen entries at 64-byte alignment */
static inline __u64 ivshm_net_vring_size(__u32 qlen)
{
	return ivshm_net_align(16ULL * qlen + 2ULL * (3 + qlen),
			       IVSHM_NET_VRING_ALIGN) +
		2ULL * 3 + 8ULL * qlen;
}

/* Where everything of one output section is, in bytes from its start */
struct ivshm_net_geometry {
	__u64 section_size;
	__u32 qlen;		/* entries per ring, a power of two */
	__u64 desc;		/* descriptor table */
	__u64 avail;		/* flags, idx, ring[qlen], used_event */
	__u64 used;		/* flags, idx, ring[qlen], avail_event */
	__u64 data;		/* frame data up to section_size */
	__u64 data_size;
	__u32 mtu_max, mtu_default;
};

/* The avail and used rings' fields, relative to their ring's start */
#define IVSHM_NET_RING_FLAGS		0
#define IVSHM_NET_RING_IDX		2
#define IVSHM_NET_RING_ENTRIES		4

static inline __u64 ivshm_net_used_event(const struct ivshm_net_geometry *g)
{
	return g->avail + IVSHM_NET_RING_ENTRIES + 2ULL * g->qlen;
}

static inline __u64 ivshm_net_avail_event(const struct ivshm_net_geometry *g)
{
	return g->used + IVSHM_NET_RING_ENTRIES + 8ULL * g->qlen;
}

/*
 * Both peers derive the same geometry from the section size: the longest
 * queue (4096 down to 64, halving) whose rings take under an eighth of
 * the section. When none fits, the queue has 32 entries but the rings'
 * size stays the one computed for 64, as in the other implementation;
 * peers must agree on it, so it is kept. 0, or -1 when the section
 * leaves no room for frames.
 */
static inline int ivshm_net_geometry(__u64 section_size,
				     struct ivshm_net_geometry *g)
{
	__u32 qlen = IVSHM_NET_QLEN_MAX;
	__u64 rings = 0, max;

	while (qlen > IVSHM_NET_QLEN_MIN) {
		rings = ivshm_net_align(ivshm_net_vring_size(qlen),
					IVSHM_NET_VRING_ALIGN);
		if (rings < section_size / 8)
			break;
		qlen /= 2;
	}
	if (rings > section_size ||
	    section_size - rings < IVSHM_NET_DATA_MIN)
		return -1;

	g->section_size = section_size;
	g->qlen = qlen;
	g->desc = 0;
	g->avail = 16ULL * qlen;
	g->used = ivshm_net_align(g->avail + 2ULL * (3 + qlen),
				  IVSHM_NET_VRING_ALIGN);
	g->data = rings;
	g->data_size = section_size - rings;
	max = g->data_size / 4;
	g->mtu_max = max < IVSHM_NET_MTU_MAX ? (__u32)max : IVSHM_NET_MTU_MAX;
	/* a sixteenth of the data area, within what an MTU may be */
	max = g->data_size / 16;
	if (max < IVSHM_NET_MTU_MIN)
		max = IVSHM_NET_MTU_MIN;
	g->mtu_default = max < IVSHM_NET_MTU_DEFAULT_MAX ?
		(__u32)max : IVSHM_NET_MTU_DEFAULT_MAX;
	return 0;
}

/* Bytes a frame of @len bytes takes in the sender's data area */
static inline __u64 ivshm_net_slot(__u32 len)
{
	return ivshm_net_align((__u64)len + IVSHM_NET_VLAN_ETH_HLEN,
			       IVSHM_NET_SLOT_ALIGN);
}

/* virtio's vring_need_event(): whether moving @old to @now passes @event */
static inline int ivshm_net_need_event(__u16 event, __u16 now, __u16 old)
{
	return (__u16)(now - event - 1) < (__u16)(now - old);
}

/* What a peer finds wrong with the other peer's rings or conduct */
enum ivshm_net_fault {
	IVSHM_NET_OK,
	IVSHM_NET_AVAIL_JUMP,	/* avail idx moved by more than qlen */
	IVSHM_NET_DESC_INDEX,	/* an avail entry names no descriptor */
	IVSHM_NET_DESC_FLAGS,	/* chained, indirect or writable */
	IVSHM_NET_DESC_RANGE,	/* frame outside the sender's data area */
	IVSHM_NET_FRAME_LEN,	/* shorter than a header, longer than any MTU */
	IVSHM_NET_USED_JUMP,	/* more returned than was in flight */
	IVSHM_NET_USED_ID,	/* not the next frame sent */
	IVSHM_NET_USED_LENGTH,	/* used entry's len is not 1 */
	IVSHM_NET_STATE,	/* a state no peer may have */
	IVSHM_NET_TX_STALL,	/* in RUN, but returns none of a full queue */
};

/* The other peer's avail idx moved from @seen to @now */
static inline enum ivshm_net_fault
ivshm_net_check_avail(const struct ivshm_net_geometry *g, __u16 seen,
		      __u16 now)
{
	return (__u16)(now - seen) > g->qlen ? IVSHM_NET_AVAIL_JUMP :
					       IVSHM_NET_OK;
}

/* An avail entry @index and the descriptor it names, as read once */
static inline enum ivshm_net_fault
ivshm_net_check_desc(const struct ivshm_net_geometry *g, __u16 index,
		     __u64 addr, __u32 len, __u16 flags)
{
	if (index >= g->qlen)
		return IVSHM_NET_DESC_INDEX;
	if (flags)
		return IVSHM_NET_DESC_FLAGS;
	if (addr < g->data || addr >= g->section_size ||
	    len > g->section_size - addr)
		return IVSHM_NET_DESC_RANGE;
	if (len < IVSHM_NET_ETH_HLEN ||
	    len > IVSHM_NET_MTU_MAX + IVSHM_NET_VLAN_ETH_HLEN)
		return IVSHM_NET_FRAME_LEN;
	return IVSHM_NET_OK;
}

/* The other peer's used idx moved from @seen to @now, @in_flight sent */
static inline enum ivshm_net_fault
ivshm_net_check_used(__u16 seen, __u16 now, __u16 in_flight)
{
	return (__u16)(now - seen) > in_flight ? IVSHM_NET_USED_JUMP :
						 IVSHM_NET_OK;
}

/* A used entry, as read once, against the descriptor due back */
static inline enum ivshm_net_fault
ivshm_net_check_used_elem(__u32 id, __u32 len, __u32 expected_id)
{
	if (id != expected_id)
		return IVSHM_NET_USED_ID;
	if (len != IVSHM_NET_USED_LEN)
		return IVSHM_NET_USED_LENGTH;
	return IVSHM_NET_OK;
}

static inline enum ivshm_net_fault ivshm_net_check_state(__u32 state)
{
	return state > IVSHM_NET_STATE_RUN ? IVSHM_NET_STATE : IVSHM_NET_OK;
}

#endif /* !_JAILHOUSE_IVSHMEM_NET_H */
