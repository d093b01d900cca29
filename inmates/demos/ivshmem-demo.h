/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * The message protocol of the ivshmem demos: the bare-metal inmate
 * (ivshmem-demo.bin) and root's tool on the UIO device (ivshmem-demo)
 * speak it on a link of protocol 0 (undefined).
 *
 * Each peer's output section holds two slots: pings it sends and pongs
 * it answers with. A sender fills a slot, publishes it by writing seq
 * last, then rings the peer named in "to". The receiver answers a ping
 * with a pong of the same seq and payload rule; so each direction of a
 * ping-pong carries one doorbell per message. The payload is a pattern
 * of seq and sender, so the receiver checks every byte.
 *
 * A peer clears its slots before it says READY, and messages are taken
 * only from a peer seen READY: what a peer left there in an earlier life
 * is nobody's message, even if its seq is the one awaited. So a reader
 * looks at the slots first, in the lives it knows (the last answer of a
 * peer that leaves right after still counts), then at the states, and
 * at the slots again if a state changed (a ping sent right after READY).
 * A peer whose state changed starts its seq over. Pongs are tracked per
 * peer: only the pinged peer's answers a ping.
 */
#ifndef _IVSHMEM_DEMO_H
#define _IVSHMEM_DEMO_H

#define DEMO_SLOT_PING		0
#define DEMO_SLOT_PONG		1
#define DEMO_PAYLOAD		240
/* State a peer running the demo publishes */
#define DEMO_STATE_READY	1

struct demo_msg {
	unsigned int seq;	/* 0: nothing sent yet; written last */
	unsigned int to;	/* the peer it is for */
	unsigned int from;
	unsigned int sum;	/* of the payload bytes */
	unsigned char payload[DEMO_PAYLOAD];
};

/* Slot of a peer's output section (at least 2 slots in size) */
#define DEMO_SLOT(out, slot) \
	((volatile struct demo_msg *)((volatile unsigned char *)(out) + \
				      (slot) * sizeof(struct demo_msg)))

static inline unsigned char demo_byte(unsigned int seq, unsigned int from,
				      unsigned int n)
{
	return (unsigned char)(seq * 7 + from * 31 + n);
}

/* Fills a slot but seq: the caller publishes with a barrier, then seq */
static inline void demo_fill(volatile struct demo_msg *msg, unsigned int seq,
			     unsigned int from, unsigned int to)
{
	unsigned int n, sum = 0;

	for (n = 0; n < DEMO_PAYLOAD; n++) {
		msg->payload[n] = demo_byte(seq, from, n);
		sum += msg->payload[n];
	}
	msg->sum = sum;
	msg->from = from;
	msg->to = to;
}

/* The payload and sum are what seq and from give */
static inline int demo_valid(const volatile struct demo_msg *msg,
			     unsigned int seq, unsigned int from)
{
	unsigned int n, sum = 0;

	if (msg->from != from)
		return 0;
	for (n = 0; n < DEMO_PAYLOAD; n++) {
		if (msg->payload[n] != demo_byte(seq, from, n))
			return 0;
		sum += msg->payload[n];
	}
	return sum == msg->sum;
}

#endif /* !_IVSHMEM_DEMO_H */
