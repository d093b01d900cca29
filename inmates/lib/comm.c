// SPDX-License-Identifier: GPL-2.0
/*
 * Comm region checks, cell state and the message protocol.
 *
 * The volatile fields are accessed with single 32-bit loads and stores,
 * which the packed ABI struct would not guarantee: the hypervisor reads
 * them concurrently.
 */
#include <inmate/inmate.h>

#define COMM_FIELD(field)						\
	(COMM_REGION_BASE +						\
	 __builtin_offsetof(struct jailhouse_comm_region, field))

bool comm_region_valid(void)
{
	struct jailhouse_comm_region *comm = comm_region();

	return !memcmp(comm->signature, JAILHOUSE_COMM_SIGNATURE,
		       JAILHOUSE_COMM_SIGNATURE_SIZE) &&
	       comm->revision == JAILHOUSE_COMM_REGION_ABI_REVISION;
}

void comm_set_state(u32 state)
{
	mmio_write32(COMM_FIELD(cell_state), state);
}

void comm_mark_failed(void)
{
	if (comm_region_valid())
		comm_set_state(JAILHOUSE_CELL_FAILED);
}

u32 comm_get_message(void)
{
	return mmio_read32(COMM_FIELD(msg_to_cell));
}

void comm_send_reply(u32 reply)
{
	/* The hypervisor must never see our reply next to the old message. */
	mmio_write32(COMM_FIELD(msg_to_cell), JAILHOUSE_MSG_NONE);
	dmb(ishst);
	mmio_write32(COMM_FIELD(reply_from_cell), reply);
}

bool comm_handle_messages(const char *who, bool allow_shutdown)
{
	switch (comm_get_message()) {
	case JAILHOUSE_MSG_NONE:
		return false;
	case JAILHOUSE_MSG_SHUTDOWN_REQUEST:
		/* Say so first: after an approval the CPU may stop anytime. */
		printk("%s: shutdown request %s\n", who,
		       allow_shutdown ? "approved" : "denied");
		comm_send_reply(allow_shutdown ?
				JAILHOUSE_MSG_REQUEST_APPROVED :
				JAILHOUSE_MSG_REQUEST_DENIED);
		return allow_shutdown;
	case JAILHOUSE_MSG_RECONFIG_COMPLETED:
		comm_send_reply(JAILHOUSE_MSG_RECEIVED);
		return false;
	default:
		comm_send_reply(JAILHOUSE_MSG_UNKNOWN);
		return false;
	}
}
