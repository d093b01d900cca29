/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Internal interfaces of the jailhouse.ko driver. The ABI structs come from
 * the <jailhouse/...> headers; only driver-private state is declared here.
 */
#ifndef _JH_DRIVER_H
#define _JH_DRIVER_H

#include <linux/cpumask.h>
#include <linux/firmware.h>
#include <linux/kobject.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/types.h>

#include <jailhouse/cell-config.h>
#include <jailhouse/config-rules.h>
#include <jailhouse/console.h>
#include <jailhouse/header.h>

struct device;
struct file;
struct inode;

/* The loaded hypervisor; every field is protected by jh_lock. */
struct jh_hypervisor {
	bool enabled;
	/* CPUs disagreed or the hypervisor broke the protocol: hands off. */
	bool broken;
	phys_addr_t phys;
	size_t size;
	void *mem;			/* write-back mapping of the region */
	struct resource *res;
	struct jailhouse_header header;	/* copy taken before entry */
	cpumask_t cpus;			/* CPUs that entered the hypervisor */
};

struct jh_cell_sysfs;

struct jh_cell {
	struct list_head entry;
	unsigned int id;
	char name[JAILHOUSE_CELL_NAME_MAXLEN + 1];
	cpumask_t cpus_assigned;
	/* non-root: CPUs this driver took offline for the cell */
	cpumask_t cpus_offlined;
	/* non-root: the config as the hypervisor got it (checked) */
	struct jailhouse_cell_desc *config;
	struct jh_cell_sysfs *sysfs;	/* NULL while not visible */
};

extern struct mutex jh_lock;
extern struct jh_hypervisor jh_hv;
extern struct device *jh_root_dev;
extern struct jh_cell *jh_root_cell;

/* enable.c / disable.c: ioctl bodies, called with jh_lock held */
int jh_cmd_enable(const void __user *arg);
int jh_cmd_disable(void);
int jh_disable_locked(void);
int jh_check_failed(const char *cmd, const struct cpumask *cpus,
		    bool online_only);

/* firmware.c */
int jh_firmware_get(const struct firmware **fw);

/* hvmem.c */
int jh_hvmem_check(const struct jailhouse_system *cfg);
int jh_hvmem_claim(const struct jailhouse_system *cfg);
void jh_hvmem_release(void);
void jh_hvmem_load(const struct firmware *fw, unsigned int max_cpus,
		   const struct jailhouse_system *cfg, size_t cfg_size);
int jh_hvmem_check_fit(const struct jailhouse_header *hdr,
		       unsigned int max_cpus, size_t cfg_size, size_t region);
void jh_dcache_clean_inval_poc(const void *addr, size_t size);

/* entry.c: run on every online CPU; callers hold cpus_read_lock() */
int jh_entry_probe_stub(void);
int jh_entry_enter(void);
int jh_entry_disable(void);

/* stub.S */
long jh_stub_probe(void);
long jh_stub_soft_restart(unsigned long entry, unsigned long cpu,
			  unsigned long base);

/* cell.c: the list of cells, under jh_lock */
struct jh_cell *jh_cell_create_root(const struct jailhouse_system *cfg);
void jh_cell_add(struct jh_cell *cell);
void jh_cell_delete(struct jh_cell *cell);
struct jh_cell *jh_cell_by_name(const char *name);
struct jh_cell *jh_cell_first_non_root(void);
int jh_cell_free_id(void);
int jh_cell_lookup(const void __user *arg, struct jh_cell **cell);

/* cell-claim.c: what Linux gives up for a cell, under jh_lock */
int jh_cell_claim(struct jh_cell *cell);
void jh_cell_unclaim(const struct jh_cell *cell);

/* cell-sysfs.c */
int jh_cells_init(void);
void jh_cells_exit(void);
int jh_cell_register(struct jh_cell *cell);
void jh_cell_unregister(struct jh_cell *cell);
void jh_cell_sysfs_cpu_del(struct jh_cell *cell, unsigned int cpu);
int jh_cell_sysfs_cpu_add(struct jh_cell *cell, unsigned int cpu);

/* cell-create.c, cell-load.c, cell-ctl.c: the cell ioctls */
int jh_cmd_cell_create(const void __user *arg);
int jh_cmd_cell_load(const void __user *arg);
int jh_cmd_cell_start(const void __user *arg);
int jh_cmd_cell_destroy(const void __user *arg);
int jh_cell_destroy(struct jh_cell *cell);
int jh_cells_destroy_all(void);
/* CPUs back to Linux after a cell had them (create failed, destroy) */
void jh_cell_return_cpus(struct jh_cell *cell);

/* sysfs.c */
int jh_sysfs_init(void);
void jh_sysfs_exit(void);

/* console.c */
int jh_console_init(void);
void jh_console_exit(void);
void jh_console_new_ring(void);
void jh_console_start(bool permitted);
void jh_console_stop(void);
void jh_console_snapshot(void);
ssize_t jh_console_show_all(char *buf);
int jh_console_open(struct inode *inode, struct file *file);
int jh_console_release(struct inode *inode, struct file *file);
ssize_t jh_console_read(struct file *file, char __user *out, size_t count,
			loff_t *ppos);
__poll_t jh_console_poll(struct file *file, struct poll_table_struct *wait);

#endif /* !_JH_DRIVER_H */
