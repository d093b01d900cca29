// SPDX-License-Identifier: GPL-2.0
/*
 * Enabling: every online CPU arrives here from entry.S with the MMU on.
 * The first one sets up what all share; then each CPU takes over its own
 * EL2 state; finally all meet and either all stay or all leave with the
 * same error, so no CPU keeps the hypervisor alone.
 */
#include <jailhouse/cell.h>
#include <jailhouse/control.h>
#include <jailhouse/errno.h>
#include <jailhouse/header.h>
#include <jailhouse/paging.h>
#include <jailhouse/printk.h>
#include <jailhouse/uart.h>

extern struct jailhouse_header hypervisor_header;

const struct jailhouse_system *system_config;
unsigned int max_cpus;
volatile int hypervisor_active_cpus;

static unsigned int entered_cpus;
static unsigned int ready_cpus;
static volatile bool init_done;
static int init_error;

struct per_cpu *per_cpu(unsigned int cpu)
{
	return (struct per_cpu *)(JAILHOUSE_BASE +
				  hypervisor_header.core_size) + cpu;
}

static void set_error(int err)
{
	int none = 0;

	if (err)
		__atomic_compare_exchange_n(&init_error, &none, err, false,
					    __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
}

/*
 * The UART models the debug console can be (JAILHOUSE_CON_TYPE_DRIVEN, which
 * the checker warns by); others stay silent.
 */
static const struct uart_chip *const uart_chips[] = {
	&uart_pl011,
	&uart_xuartps,
};

static void init_debug_console(void)
{
	const struct jailhouse_console *con = &system_config->debug_console;
	const struct uart_chip *chip = NULL;
	unsigned int n;
	void *base;

	for (n = 0; n < ARRAY_SIZE(uart_chips); n++)
		if (uart_chips[n]->type == con->type)
			chip = uart_chips[n];
	if (!chip || !con->address || !CON_IS_MMIO(con->flags))
		return;
	base = paging_map_device(con->address, PAGE_SIZE);
	if (!base)
		return;
	chip->init(base, con);
	console_init(chip, base);
	hypervisor_header.debug_console_base = (unsigned long)base;
}

static int check_config(void)
{
	const struct jailhouse_system *sys = system_config;

	if (jailhouse_system_header_fault(sys) != JAILHOUSE_HEADER_OK) {
		printk("ERROR: not an arm64 system config of revision %d\n",
		       JAILHOUSE_CONFIG_REVISION);
		return -EINVAL;
	}
	return 0;
}

/* Master CPU only: console, page pool, EL2 tables, root cell. */
static int init_early(void)
{
	struct jailhouse_header *hdr = &hypervisor_header;
	unsigned long cfg_offset, pool_offset;
	unsigned int cpu, root_cpus = 0;
	int err;

	max_cpus = hdr->max_cpus;
	cfg_offset = hdr->core_size + max_cpus * hdr->percpu_size;
	system_config = (const struct jailhouse_system *)
		(JAILHOUSE_BASE + cfg_offset);
	pool_offset = ALIGN_UP(cfg_offset +
			       jailhouse_system_config_size(system_config),
			       PAGE_SIZE);

	err = paging_init(system_config->hypervisor_memory.phys_start,
			  system_config->hypervisor_memory.size, pool_offset);
	if (err)
		return err;

	err = arch_init_early();
	if (err)
		return err;
	init_debug_console();
	err = temp_window_init();
	if (err)
		return err;

	printk("\njailhouse-arm64 hypervisor %s starting (setup on CPU %d)\n",
	       JH_VERSION, this_cpu_data()->cpu_id);
	err = check_config();
	if (err)
		return err;
	if (max_cpus > HV_MAX_CPUS) {
		printk("ERROR: CPU ids up to %u, at most %u supported\n",
		       max_cpus - 1, HV_MAX_CPUS - 1);
		return -ERANGE;
	}
	printk("image at 0x%016lx, %lu pool pages at 0x%016lx\n",
	       (unsigned long)JAILHOUSE_BASE, mem_pool.pages,
	       (unsigned long)mem_pool.base);
	err = arch_irqchip_init();
	if (err)
		return err;

	err = root_cell_init();
	if (err)
		return err;

	for_each_cpu_in_cell(cpu, &root_cell)
		root_cpus++;
	if (hdr->online_cpus != root_cpus) {
		printk("ERROR: %d CPUs online, the root cell has %d\n",
		       hdr->online_cpus, root_cpus);
		return -EINVAL;
	}
	return 0;
}

static int cpu_init(struct per_cpu *cpu_data)
{
	if (cpu_data->cpu_id >= max_cpus ||
	    !cell_has_cpu(&root_cell, cpu_data->cpu_id)) {
		printk("ERROR: CPU %d is not in the root cell\n",
		       cpu_data->cpu_id);
		return -EINVAL;
	}
	cpu_data->cell = &root_cell;
	return arch_cpu_init(cpu_data);
}

int entry(unsigned int cpu_id, struct per_cpu *cpu_data)
{
	bool master;
	int err;

	cpu_data->cpu_id = cpu_id;
	arch_cpu_save_linux(cpu_data);

	master = __atomic_fetch_add(&entered_cpus, 1, __ATOMIC_SEQ_CST) == 0;
	if (master) {
		set_error(init_early());
		__atomic_store_n(&init_done, true, __ATOMIC_RELEASE);
	} else {
		while (!__atomic_load_n(&init_done, __ATOMIC_ACQUIRE))
			cpu_relax();
	}

	if (!READ_ONCE(init_error))
		set_error(cpu_init(cpu_data));
	/* others may send this CPU SGIs as soon as they are back in Linux */
	cpu_data->state = CPU_RUNNING;

	__atomic_fetch_add(&ready_cpus, 1, __ATOMIC_SEQ_CST);
	while (__atomic_load_n(&ready_cpus, __ATOMIC_ACQUIRE) !=
	       hypervisor_header.online_cpus)
		cpu_relax();

	err = READ_ONCE(init_error);
	if (err) {
		cpu_data->state = CPU_OFF;
		if (master)
			printk("enable failed (%d), EL2 handed back\n", err);
		arch_cpu_restore(cpu_data);
		arch_shutdown_return(cpu_data, err);
	}

	__atomic_fetch_add(&hypervisor_active_cpus, 1, __ATOMIC_SEQ_CST);
	if (master)
		printk("hypervisor active, root Linux continues\n");

	cpu_frame(cpu_data)->usr[0] = 0;
	arch_vmreturn(cpu_frame(cpu_data));
}
