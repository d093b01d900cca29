// SPDX-License-Identifier: GPL-2.0
/*
 * The cell life cycle: CELL_CREATE, SET_LOADABLE, START, DESTROY and
 * GET_STATE. Only the root cell manages cells, one command at a time.
 * Everything that can fail happens before the first visible change, so
 * a failed command leaves the cells and the page pool as they were.
 */
#include <jailhouse/cell.h>
#include <jailhouse/control.h>
#include <jailhouse/errno.h>
#include <jailhouse/pci.h>
#include <jailhouse/printk.h>
#include <jailhouse/string.h>

static int mgmt_busy;

static long mgmt_begin(void)
{
	if (this_cpu_data()->cell != &root_cell)
		return -EPERM;
	/* the driver serialises its commands; a second one is a bug */
	if (__atomic_exchange_n(&mgmt_busy, 1, __ATOMIC_ACQUIRE))
		return -EBUSY;
	return 0;
}

static long mgmt_end(long ret)
{
	__atomic_store_n(&mgmt_busy, 0, __ATOMIC_RELEASE);
	return ret;
}

static long find_target(unsigned long id, struct cell **cell)
{
	*cell = cell_find(id);
	if (!*cell)
		return -ENOENT;
	return *cell == &root_cell ? -EINVAL : 0;
}

static void cell_free(struct cell *cell)
{
	pci_cell_exit(cell);
	subpage_cell_exit(cell);
	if (cell->s2.root) {
		cell_s2_free(cell);
		arch_cell_destroy(cell);
	}
	page_free(&mem_pool, cell->comm_page, 1);
	page_free(&mem_pool, cell, cell->data_pages);
}

/* Allocates the cell and copies its config out of root's memory. */
static long cell_load_config(unsigned long ipa, struct cell **out)
{
	struct jailhouse_cell_desc hdr;
	unsigned long size, pages;
	struct cell *cell;
	long err;

	err = root_copy_from_guest(&hdr, ipa, sizeof(hdr));
	if (err)
		return err;
	err = cell_config_check_header(&hdr);
	if (err)
		return err;
	err = cell_config_size(&hdr, ipa & (PAGE_SIZE - 1));
	if (err < 0)
		return err;
	size = err;

	pages = DIV_ROUND_UP(sizeof(*cell) + size, PAGE_SIZE);
	cell = page_alloc(&mem_pool, pages, 1);
	if (!cell)
		return -ENOMEM;
	cell->data_pages = pages;
	/* checked and used from here on: root cannot change it under us */
	err = root_copy_from_guest(cell + 1, ipa, size);
	if (!err && memcmp(cell + 1, &hdr, sizeof(hdr))) {
		/* root changed the header between the two reads */
		printk("Cell config: changed while being read\n");
		err = -EINVAL;
	}
	if (err) {
		page_free(&mem_pool, cell, pages);
		return err;
	}
	cell->config = (const struct jailhouse_cell_desc *)(cell + 1);
	*out = cell;
	return 0;
}

/*
 * Linux offlined them; the firmware must agree before we own them. A
 * lost CPU (see cell_stop_cpus()) may be off, but is nobody's anymore.
 */
static long cell_cpus_off(struct cell *cell)
{
	struct per_cpu *t;
	unsigned int cpu;

	for_each_cpu_in_cell(cpu, cell) {
		t = per_cpu(cpu);
		cpu_reclaim(t);
		if (READ_ONCE(t->state) != CPU_OFF || READ_ONCE(t->lost) ||
		    !arch_cpu_is_off(t)) {
			printk("Cell config: CPU %u is not off yet\n", cpu);
			return -EBUSY;
		}
	}
	return 0;
}

static long cell_prepare(struct cell *cell)
{
	const u8 *set = jailhouse_cell_cpu_set(cell->config);
	unsigned int cpu;
	long err;

	cell->id = cell->config->id;
	for (cpu = 0; cpu < cell->config->cpu_set_size * 8; cpu++)
		if (set[cpu / 8] & (1U << (cpu % 8)))
			cell_set_cpu(cell, cpu);

	cell->comm_page = page_alloc(&mem_pool, 1, 1);
	if (!cell->comm_page)
		return -ENOMEM;
	comm_init(cell);
	comm_set_state(cell, JAILHOUSE_CELL_SHUT_DOWN);

	err = arch_cell_create(cell);
	if (err)
		return err;
	err = cell_s2_build(cell);
	if (err)
		return err;
	err = arch_cell_init_mmio(cell);
	if (!err)
		err = pci_cell_init(cell);
	if (!err)
		err = subpage_cell_init(cell);
	if (err)
		return err;

	return cell_cpus_off(cell);
}

static void cell_link(struct cell *cell)
{
	struct cell *last = &root_cell;

	while (last->next)
		last = last->next;
	last->next = cell;
	num_cells++;
}

/* Returns the cell before it, for cell_relink(). */
static struct cell *cell_unlink(struct cell *cell)
{
	struct cell *prev = &root_cell;

	while (prev->next != cell)
		prev = prev->next;
	prev->next = cell->next;
	num_cells--;
	return prev;
}

static void cell_relink(struct cell *prev, struct cell *cell)
{
	cell->next = prev->next;
	prev->next = cell;
	num_cells++;
}

static void move_cpus(struct cell *from, struct cell *to)
{
	struct per_cpu *cpu_data;
	unsigned int cpu;

	for_each_cpu_in_cell(cpu, from) {
		if (from == &root_cell && !cell_has_cpu(to, cpu))
			continue;
		cpu_data = per_cpu(cpu);
		arch_cpu_new_owner(cpu_data);
		cell_clear_cpu(from, cpu);
		cell_set_cpu(to, cpu);
		cpu_data->cell = to;
		/* one given up on stays failed, whoever owns it */
		cpu_data->failed = READ_ONCE(cpu_data->lost);
		cpu_reset_stats(cpu_data);
	}
}

/*
 * Undoing a change to root's stage 2 rebuilds the tables it had, into the
 * pages the failed attempt gave back: it fits. Should it not, root has
 * lost memory it owns and the machine cannot be trusted any more.
 */
static void root_s2_restore(void)
{
	if (root_s2_rebuild())
		printk("FATAL: root cell's stage 2 could not be restored, reboot\n");
}

long cell_create(unsigned long config_ipa)
{
	struct cell *cell = NULL;
	long err;

	err = mgmt_begin();
	if (err)
		return err;
	if (comm_cell_locked(NULL)) {
		printk("Cell create refused: a cell is running/locked\n");
		return mgmt_end(-EPERM);
	}

	err = cell_load_config(config_ipa, &cell);
	if (err)
		return mgmt_end(err);
	err = cell_config_check(cell->config);
	if (!err)
		err = cell_prepare(cell);
	if (err) {
		cell_free(cell);
		return mgmt_end(err);
	}

	err = suspend_root_cpus();
	if (err) {
		cell_free(cell);
		return mgmt_end(err);
	}
	/* root Linux may have brought one back since cell_prepare() */
	err = cell_cpus_off(cell);
	if (err) {
		resume_root_cpus();
		cell_free(cell);
		return mgmt_end(err);
	}
	cell_link(cell);
	err = root_s2_rebuild();
	if (err) {
		cell_unlink(cell);
		root_s2_restore();
		resume_root_cpus();
		cell_free(cell);
		return mgmt_end(err);
	}
	/* the CPUs take their cell at their next power-on */
	move_cpus(&root_cell, cell);
	arch_cell_irqs_take(cell);
	resume_root_cpus();
	pci_cell_link(cell);

	printk("Created cell \"%s\" (id %u)\n", cell->config->name, cell->id);
	comm_notify_reconfig(cell);
	return mgmt_end(0);
}

/* The common start of SET_LOADABLE, START and DESTROY: stop the cell. */
static long cell_stop(unsigned long id, struct cell **cell, bool destroy)
{
	long err;

	err = mgmt_begin();
	if (err)
		return err;
	err = find_target(id, cell);
	if (!err && destroy && comm_cell_locked(*cell)) {
		printk("Cell destroy refused: a cell is running/locked\n");
		err = -EPERM;
	}
	if (!err && !comm_shutdown_ok(*cell))
		err = -EPERM;
	if (err)
		return mgmt_end(err);

	cell_stop_cpus(*cell);
	arch_cell_irqs_reset(*cell);
	/* its devices start over; their peers see the state go to 0 */
	pci_cell_reset(*cell);
	return 0;
}

/* Maps the loadable regions into root, or takes them away again. */
static long set_loadable(struct cell *cell, bool loadable)
{
	long err;

	if (cell->loadable == loadable)
		return 0;
	err = suspend_root_cpus();
	if (err)
		return err;
	cell->loadable = loadable;
	err = root_s2_update_loadable(cell);
	if (err) {
		cell->loadable = !loadable;
		root_s2_restore();
	}
	resume_root_cpus();
	return err;
}

/* A new run: only a CPU that was given up on stays failed. */
static void clear_failed(struct cell *cell)
{
	unsigned int cpu;

	for_each_cpu_in_cell(cpu, cell)
		per_cpu(cpu)->failed = READ_ONCE(per_cpu(cpu)->lost);
}

long cell_set_loadable(unsigned long id)
{
	struct cell *cell;
	long err;

	err = cell_stop(id, &cell, false);
	if (err)
		return err;
	clear_failed(cell);
	comm_set_state(cell, JAILHOUSE_CELL_SHUT_DOWN);
	return mgmt_end(set_loadable(cell, true));
}

long cell_start(unsigned long id)
{
	struct cell *cell;
	unsigned int cpu;
	long err;

	err = cell_stop(id, &cell, false);
	if (err)
		return err;
	/* its CPUs are off now, whatever comes next */
	comm_set_state(cell, JAILHOUSE_CELL_SHUT_DOWN);
	if (cell->s2_incomplete) {
		printk("Cell \"%s\" lost its memory map in a failed destroy; destroy it\n",
		       cell->config->name);
		return mgmt_end(-ENOMEM);
	}
	cpu = cell_first_cpu(cell);
	if (READ_ONCE(per_cpu(cpu)->lost)) {
		printk("Cell \"%s\": its first CPU %u was given up on; destroy the cell\n",
		       cell->config->name, cpu);
		return mgmt_end(-EIO);
	}
	err = set_loadable(cell, false);
	if (err)
		return mgmt_end(err);

	comm_init(cell);
	clear_failed(cell);
	err = arch_cpu_power_on(NULL, per_cpu(cpu),
				cell->config->cpu_reset_address,
				0);
	if (err) {
		printk("Cell \"%s\": CPU %u did not power on (PSCI %ld)\n",
		       cell->config->name, cpu, err);
		comm_set_state(cell, JAILHOUSE_CELL_FAILED);
		return mgmt_end(-EIO);
	}
	printk("Started cell \"%s\" on CPU %u at %lx\n", cell->config->name,
	       cpu, (unsigned long)cell->config->cpu_reset_address);
	return mgmt_end(0);
}

/*
 * Everything that can fail comes before the point of no return: root's
 * new stage 2 is built while the cell still exists (its own tables freed
 * first, for room), and a failure puts both back as they were. Once the
 * cell is gone the command succeeds.
 */
long cell_destroy(unsigned long id)
{
	struct cell *cell, *prev;
	unsigned int cpu;
	long err;

	err = cell_stop(id, &cell, true);
	if (err)
		return err;
	comm_set_state(cell, JAILHOUSE_CELL_SHUT_DOWN);
	/*
	 * A CPU given up on may still run the cell with its stage 2: the
	 * cell keeps its memory and tables, quarantined, until that CPU is
	 * reclaimed (cell_stop_cpus() tries on every attempt) or reboot.
	 */
	for_each_cpu_in_cell(cpu, cell) {
		if (!READ_ONCE(per_cpu(cpu)->lost))
			continue;
		printk("Cell \"%s\": CPU %u was given up on and may still run; the cell keeps its memory until reboot\n",
		       cell->config->name, cpu);
		return mgmt_end(-EIO);
	}
	/* its CPUs are off: nothing of the cell writes there any more */
	cell_scrub_memory(cell);

	err = suspend_root_cpus();
	if (err)
		return mgmt_end(err);
	prev = cell_unlink(cell);
	arch_cell_flush_tlb(cell);
	cell_s2_free(cell);
	err = root_s2_rebuild();
	if (err) {
		/* the same tables as before: they fit in what was freed */
		cell_relink(prev, cell);
		root_s2_restore();
		/* a cell without its tables must not run: destroy again */
		cell->s2_incomplete = cell_s2_build(cell) != 0;
		resume_root_cpus();
		return mgmt_end(err);
	}

	/* point of no return: nothing below can fail */
	move_cpus(cell, &root_cell);
	arch_cell_irqs_return(cell);
	resume_root_cpus();

	printk("Destroyed cell \"%s\"\n", cell->config->name);
	cell_free(cell);
	comm_notify_reconfig(NULL);
	return mgmt_end(0);
}

long cell_get_state(unsigned long id)
{
	struct cell *cell;
	u32 state;

	if (this_cpu_data()->cell != &root_cell)
		return -EPERM;
	cell = cell_find(id);
	if (!cell)
		return -ENOENT;
	if (cell == &root_cell)
		return JAILHOUSE_CELL_RUNNING;
	state = comm_get_state(cell);
	return state <= JAILHOUSE_CELL_FAILED_COMM_REV ? (long)state : -EINVAL;
}
