/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The communication region shared with the hypervisor (revision 2) and
 * the message protocol on it.
 */
#ifndef _INMATE_COMM_H
#define _INMATE_COMM_H

#include <inmate/types.h>
#include <jailhouse/hypercall.h>

/* Fixed guest address, as every Jailhouse inmate expects it. */
#define COMM_REGION_BASE	0x80000000UL

static inline struct jailhouse_comm_region *comm_region(void)
{
	return (struct jailhouse_comm_region *)COMM_REGION_BASE;
}

/* Signature and ABI revision match what this library was built for. */
bool comm_region_valid(void);

void comm_set_state(u32 state);
/* State "failed", if there is a comm region this library understands. */
void comm_mark_failed(void);

/* The pending message (JAILHOUSE_MSG_*), or JAILHOUSE_MSG_NONE. */
u32 comm_get_message(void);

/* Clears the message, then posts @reply (JAILHOUSE_MSG_REQUEST_* ...). */
void comm_send_reply(u32 reply);

/*
 * Answers a pending message: a shutdown request is approved when
 * @allow_shutdown is set, else denied, with a line "<who>: shutdown
 * request approved|denied"; reconfiguration notices are acknowledged.
 * Returns true if a shutdown was approved, after which the hypervisor
 * may stop this cell at any moment.
 */
bool comm_handle_messages(const char *who, bool allow_shutdown);

#endif /* !_INMATE_COMM_H */
