// SPDX-License-Identifier: GPL-2.0
/*
 * The communication region of a non-root cell (revision 2): a page of
 * the hypervisor mapped into the cell, with its state and a one-slot
 * message exchange. The hypervisor clears the reply, then posts the
 * message; the cell clears the message, then posts its reply.
 */
#include <jailhouse/cell.h>
#include <jailhouse/control.h>
#include <jailhouse/printk.h>
#include <jailhouse/string.h>

void comm_init(struct cell *cell)
{
	struct jailhouse_comm_region *comm = cell->comm_page;
	u32 flags = cell->config->flags;

	memset(comm, 0, PAGE_SIZE);
	memcpy(comm->signature, JAILHOUSE_COMM_SIGNATURE,
	       JAILHOUSE_COMM_SIGNATURE_SIZE);
	comm->revision = JAILHOUSE_COMM_REGION_ABI_REVISION;
	if (flags & (JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED |
		     JAILHOUSE_CELL_VIRTUAL_CONSOLE_ACTIVE))
		comm->flags |= JAILHOUSE_COMM_FLAG_DBG_PUTC_PERMITTED;
	if (flags & JAILHOUSE_CELL_VIRTUAL_CONSOLE_ACTIVE)
		comm->flags |= JAILHOUSE_COMM_FLAG_DBG_PUTC_ACTIVE;
	comm->console = cell->config->console;
	comm->pci_mmconfig_base = system_config->platform_info.pci_mmconfig_base;
	comm->vpci_irq_base = cell->config->vpci_irq_base;
	arch_comm_init(cell);
	comm->cell_state = JAILHOUSE_CELL_RUNNING;
	/*
	 * The cell starts with its caches off and sees the whole page: all
	 * of it must be in memory, or it reads what the pool page held.
	 */
	arch_dcache_flush(comm, PAGE_SIZE);
}

void comm_set_state(struct cell *cell, u32 state)
{
	WRITE_ONCE(cell->comm_page->cell_state, state);
}

u32 comm_get_state(const struct cell *cell)
{
	return READ_ONCE(cell->comm_page->cell_state);
}

static bool has_comm_region(const struct cell *cell)
{
	const struct jailhouse_memory *mem;
	unsigned int n;

	for_each_mem_region(mem, cell->config, n)
		if (mem->flags & JAILHOUSE_MEM_COMM_REGION)
			return true;
	return false;
}

static bool state_is_final(u32 state)
{
	return state == JAILHOUSE_CELL_SHUT_DOWN ||
	       state == JAILHOUSE_CELL_FAILED ||
	       state == JAILHOUSE_CELL_FAILED_COMM_REV;
}

/* Nobody can answer when no CPU of the cell runs. */
static bool cell_runs(const struct cell *cell)
{
	unsigned int cpu;
	enum cpu_state state;

	for_each_cpu_in_cell(cpu, cell) {
		state = READ_ONCE(per_cpu(cpu)->state);
		if (state == CPU_RUNNING || state == CPU_ON_PENDING)
			return true;
	}
	return false;
}

/*
 * The longest a cell may take to answer, whatever its msg_reply_timeout
 * says (0 there used to mean "for ever"): the root CPU that asks waits in
 * the hypervisor meanwhile, and Linux must not see it stall.
 */
#define COMM_REPLY_TIMEOUT_MS	2000

/*
 * Posts msg and waits for the reply; true if it is want. A cell that
 * stopped counts as agreeing. One that does not answer within its
 * msg_reply_timeout (polls) or COMM_REPLY_TIMEOUT_MS, whichever ends
 * first, is marked failed and counts as agreeing too: a cell that cannot
 * answer cannot hold root up, and root takes it down.
 */
static bool comm_send(struct cell *cell, u32 msg, u32 want)
{
	struct jailhouse_comm_region *comm = cell->comm_page;
	u64 polls = cell->config->msg_reply_timeout;
	u64 deadline = deadline_after_ms(COMM_REPLY_TIMEOUT_MS);
	u32 reply;

	WRITE_ONCE(comm->reply_from_cell, JAILHOUSE_MSG_NONE);
	dmb(ishst);
	WRITE_ONCE(comm->msg_to_cell, msg);

	for (;;) {
		reply = READ_ONCE(comm->reply_from_cell);
		if (reply != JAILHOUSE_MSG_NONE)
			return reply == want;
		if (state_is_final(comm_get_state(cell)) || !cell_runs(cell))
			return true;
		if ((polls && --polls == 0) || deadline_passed(deadline)) {
			printk("Cell \"%s\" did not answer message %u, marking it failed\n",
			       cell->config->name, msg);
			comm_set_state(cell, JAILHOUSE_CELL_FAILED);
			return true;
		}
		cpu_relax();
	}
}

/* Whether the cell lets itself be stopped (only non-passive ones are asked). */
bool comm_shutdown_ok(struct cell *cell)
{
	if ((cell->config->flags & JAILHOUSE_CELL_PASSIVE_COMMREG) ||
	    !has_comm_region(cell) || state_is_final(comm_get_state(cell)))
		return true;
	if (comm_send(cell, JAILHOUSE_MSG_SHUTDOWN_REQUEST,
		      JAILHOUSE_MSG_REQUEST_APPROVED))
		return true;
	printk("Cell \"%s\" refused to shut down\n", cell->config->name);
	return false;
}

/* Tells the running cells that the set of cells changed. */
void comm_notify_reconfig(const struct cell *except)
{
	struct cell *cell;

	for_each_non_root_cell(cell) {
		if (cell == except ||
		    (cell->config->flags & JAILHOUSE_CELL_PASSIVE_COMMREG) ||
		    !has_comm_region(cell) ||
		    state_is_final(comm_get_state(cell)))
			continue;
		comm_send(cell, JAILHOUSE_MSG_RECONFIG_COMPLETED,
			  JAILHOUSE_MSG_RECEIVED);
	}
}

bool comm_cell_locked(const struct cell *except)
{
	struct cell *cell;

	for_each_non_root_cell(cell)
		if (cell != except &&
		    comm_get_state(cell) == JAILHOUSE_CELL_RUNNING_LOCKED)
			return true;
	return false;
}
