/* SPDX-License-Identifier: GPL-2.0 */
/*
 * An ivshmem-v2 device of the cell (include/jailhouse/ivshmem.h has the
 * device): its register page placed at an address the cell does not
 * map, its shared memory mapped cached, and its interrupt on the GIC.
 */
#ifndef _INMATE_IVSHMEM_H
#define _INMATE_IVSHMEM_H

#include <inmate/types.h>
#include <jailhouse/ivshmem.h>

struct ivshmem {
	u16 bdf;
	unsigned long regs;		/* the register page (BAR0) */
	u32 id, peers;
	unsigned int intid;		/* INTx on the GIC */
	volatile u32 *state_table;	/* one entry per peer, read-only */
	volatile u8 *rw;		/* the section all peers write */
	u64 rw_size;
	volatile u8 *out;		/* peer 0's output section */
	u64 out_size;
};

/*
 * Opens the device at bdf with its BAR0 at bar (a page of the cell's
 * guest addresses that nothing maps) and its memory mapped normal.
 * Returns 0, or -1 with a line saying why.
 */
int ivshmem_open(struct ivshmem *dev, u16 bdf, unsigned long bar);
/* The output section of a peer (writable only for dev->id) */
static inline volatile u8 *ivshmem_output(const struct ivshmem *dev,
					  unsigned int peer)
{
	return dev->out + peer * dev->out_size;
}
void ivshmem_set_state(struct ivshmem *dev, u32 state);
/* Interrupts to this peer: on, or off */
void ivshmem_enable_irq(struct ivshmem *dev, bool on);
/* Rings vector 0 of a peer */
void ivshmem_ring(struct ivshmem *dev, unsigned int peer);

#endif /* !_INMATE_IVSHMEM_H */
