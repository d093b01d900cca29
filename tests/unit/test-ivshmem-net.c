// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The ivshmem-net wire rules (include/jailhouse/ivshmem-net.h) against
 * values worked out from the other implementation's rules
 * (docs/ivshmem-net-plan.md, section 3): both peers must compute the same
 * ring layout from a section size, or they cannot talk at all.
 */
#include <jailhouse/ivshmem-net.h>

#include "tap.h"

struct golden {
	__u64 section;
	__u32 qlen;
	__u64 data;
	__u32 mtu_default, mtu_max;
};

static const struct golden goldens[] = {
	/* too small for 64 entries: 32, with the rings sized for 64 */
	{ 0x1000, 32, 0x700, (0x1000 - 0x700) / 16, (0x1000 - 0x700) / 4 },
	{ 0x4000, 64, 0x700, 912, 3648 },
	{ 0x10000, 256, 0x1a80, 3672, 14688 },
	/* JAILHOUSE_SHMEM_NET_REGIONS' output sections */
	{ 0x7f000, 2048, 0xd080, 16384, 65535 },
	{ 0x100000, 4096, 0x1a080, 16384, 65535 },
};

static void test_geometry(void)
{
	struct ivshm_net_geometry g;
	unsigned int n;

	for (n = 0; n < sizeof(goldens) / sizeof(goldens[0]); n++) {
		const struct golden *w = &goldens[n];

		if (!tap_ok(!ivshm_net_geometry(w->section, &g),
			    "section 0x%llx: usable", (unsigned long long)w->section))
			continue;
		tap_eq(g.qlen, w->qlen, "section 0x%llx: queue length",
		       (unsigned long long)w->section);
		tap_eq(g.data, w->data, "section 0x%llx: data area offset",
		       (unsigned long long)w->section);
		tap_eq(g.data_size, w->section - w->data,
		       "section 0x%llx: data area size",
		       (unsigned long long)w->section);
		tap_eq(g.mtu_default, w->mtu_default,
		       "section 0x%llx: default MTU", (unsigned long long)w->section);
		tap_eq(g.mtu_max, w->mtu_max, "section 0x%llx: largest MTU",
		       (unsigned long long)w->section);
	}

	/* the standard section, field by field */
	ivshm_net_geometry(0x7f000, &g);
	tap_ok(g.desc == 0 && g.avail == 0x8000 && g.used == 0x9040,
	       "0x7f000: descriptors at 0, avail at 0x8000, used at 0x9040");
	tap_ok(ivshm_net_used_event(&g) == 0x9004 &&
	       ivshm_net_avail_event(&g) == 0xd044,
	       "0x7f000: used_event at 0x9004, avail_event at 0xd044");

	tap_ok(ivshm_net_geometry(0x600, &g) == -1,
	       "a section smaller than its rings is refused");
	/* 0x700 of rings leave 0x10f bytes, under four minimal frames */
	tap_ok(ivshm_net_geometry(0x80f, &g) == -1 &&
	       ivshm_net_geometry(0x810, &g) == 0,
	       "the data area holds at least 272 bytes");
	/* a sixteenth of 272 bytes is below any MTU */
	tap_ok(g.mtu_default == IVSHM_NET_MTU_MIN && g.mtu_max == 68,
	       "the smallest data area: default MTU %u, largest %u",
	       g.mtu_default, g.mtu_max);
}

static void test_checks(void)
{
	struct ivshm_net_geometry g;

	ivshm_net_geometry(0x7f000, &g);
	tap_eq(ivshm_net_check_avail(&g, 0xfff0, 0x07f0), IVSHM_NET_OK,
	       "avail idx wrapping by qlen is fine");
	tap_eq(ivshm_net_check_avail(&g, 0xfff0, 0x07f1), IVSHM_NET_AVAIL_JUMP,
	       "avail idx moving by qlen + 1 is not");
	tap_eq(ivshm_net_check_desc(&g, 2048, 0xd080, 60, 0), IVSHM_NET_DESC_INDEX,
	       "descriptor index qlen refused");
	tap_eq(ivshm_net_check_desc(&g, 0, 0xd080, 60, 1), IVSHM_NET_DESC_FLAGS,
	       "chained descriptor refused");
	tap_eq(ivshm_net_check_desc(&g, 0, 0xd07f, 60, 0), IVSHM_NET_DESC_RANGE,
	       "frame in the rings refused");
	tap_eq(ivshm_net_check_desc(&g, 0, 0x7efc4, 61, 0), IVSHM_NET_DESC_RANGE,
	       "frame past the section's end refused");
	tap_eq(ivshm_net_check_desc(&g, 0, 0xffffffffffffff00ULL, 60, 0),
	       IVSHM_NET_DESC_RANGE, "wrapping offset refused");
	tap_eq(ivshm_net_check_desc(&g, 0, 0x7efc4, 60, 0), IVSHM_NET_OK,
	       "frame ending at the section's end accepted");
	tap_eq(ivshm_net_check_desc(&g, 0, 0xd080, 13, 0), IVSHM_NET_FRAME_LEN,
	       "frame shorter than an Ethernet header refused");
	tap_eq(ivshm_net_check_used(10, 13, 3), IVSHM_NET_OK,
	       "all in flight returned");
	tap_eq(ivshm_net_check_used(10, 14, 3), IVSHM_NET_USED_JUMP,
	       "more returned than in flight refused");
	tap_eq(ivshm_net_check_used_elem(5, 1, 5), IVSHM_NET_OK,
	       "the due frame returned");
	tap_eq(ivshm_net_check_used_elem(6, 1, 5), IVSHM_NET_USED_ID,
	       "out of order refused");
	tap_eq(ivshm_net_check_used_elem(5, 0, 5), IVSHM_NET_USED_LENGTH,
	       "used len 0 refused");
	tap_eq(ivshm_net_check_state(3), IVSHM_NET_OK, "RUN is a state");
	tap_eq(ivshm_net_check_state(4), IVSHM_NET_STATE, "4 is none");
}

static void test_events(void)
{
	tap_ok(ivshm_net_need_event(5, 6, 5), "moving past the event rings");
	tap_ok(!ivshm_net_need_event(7, 6, 5), "not reaching it does not");
	tap_ok(ivshm_net_need_event(0xffff, 1, 0xfffe),
	       "crossing it across the wrap rings");
	tap_ok(!ivshm_net_need_event(5, 5, 5), "no movement, no ring");
	tap_eq(ivshm_net_slot(60), 128, "a 60-byte frame takes 128 bytes");
	tap_eq(ivshm_net_slot(46), 64, "a 46-byte frame takes 64 bytes");
}

int main(void)
{
	test_geometry();
	test_checks();
	test_events();
	return tap_done();
}
