/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Internal interfaces of the jailhouse.ko driver. The ABI structs come from
 * the <jailhouse/...> headers; only driver-private state is declared here.
 */
#ifndef _JHD_DRIVER_H
#define _JHD_DRIVER_H

#include <linux/cpumask.h>
#include <linux/firmware.h>
#include <linux/kobject.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/types.h>

#include <jailhouse/cell-config.h>
#include <jailhouse/config-rules.h>
#include <jailhouse/console.h>
#include <jailhouse/header.h>
#include <jailhouse/ioctl.h>

struct device;
struct file;
struct inode;

/* The loaded hypervisor; every field is protected by jhd_lock. */
struct jhd_hypervisor {
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

struct jhd_cell_sysfs;

struct jhd_cell {
	struct list_head entry;
	unsigned int id;
	char name[JAILHOUSE_CELL_NAME_MAXLEN + 1];
	cpumask_t cpus_assigned;
	/* non-root: CPUs this driver took offline for the cell */
	cpumask_t cpus_offlined;
	/* non-root: the config as the hypervisor got it (checked) */
	struct jailhouse_cell_desc *config;
	/* root: the system config enable got (sysfs "config") */
	struct jailhouse_system *system;
	struct jhd_cell_sysfs *sysfs;	/* NULL while not visible */
	/*
	 * non-root: loaded since the cell last stopped or started. A boot
	 * loads in many pieces: the first logs, START sums them up.
	 */
	unsigned int loaded_images;
	u64 loaded_bytes;
};

/* What one open /dev/jailhouse keeps (file->private_data). */
struct jhd_file {
	/* console.c: the read cursor; one read() at a time moves it */
	struct mutex lock;
	unsigned int gen;	/* ring the cursor belongs to, 0: none yet */
	u32 pos;		/* free-running, like the ring's tail */
	/* main.c: why its last command failed (JAILHOUSE_GET_REASON) */
	spinlock_t reason_lock;
	char reason[JAILHOUSE_REASON_SIZE];
};

/*
 * A command's refusal: its kernel log line ("jailhouse: CMD: ..."), and,
 * the first one of a command, the reason JAILHOUSE_GET_REASON gives the
 * caller (later lines are consequences).
 */
#define jhd_refuse(cmd, fmt, ...) do {				\
	pr_err("%s: " fmt, cmd, ##__VA_ARGS__);			\
	jhd_reason_set(fmt, ##__VA_ARGS__);			\
} while (0)
__printf(1, 2) void jhd_reason_set(const char *fmt, ...);
/* ... refused by the hypervisor: with the last line it wrote since */
#define jhd_refuse_hv(cmd, fmt, ...) do {				\
	char __said[JAILHOUSE_REASON_SIZE];				\
	jhd_refuse(cmd, fmt ": %s\n", ##__VA_ARGS__,			\
		   jhd_console_said(__said, sizeof(__said)));		\
} while (0)

extern struct mutex jhd_lock;
extern struct jhd_hypervisor jhd_hv;
extern struct device *jhd_root_dev;
extern struct jhd_cell *jhd_root_cell;

/* enable.c / disable.c: ioctl bodies, called with jhd_lock held */
int jhd_cmd_enable(const void __user *arg);
int jhd_cmd_disable(void);
int jhd_disable_locked(void);
int jhd_check_failed(const char *cmd, const struct cpumask *cpus,
		    bool online_only);

/* firmware.c */
int jhd_firmware_get(const struct firmware **fw);

/* hvmem.c */
int jhd_hvmem_check(const struct jailhouse_system *cfg);
int jhd_hvmem_claim(const struct jailhouse_system *cfg);
void jhd_hvmem_release(void);
void jhd_hvmem_load(const struct firmware *fw, unsigned int max_cpus,
		   const struct jailhouse_system *cfg, size_t cfg_size);
int jhd_hvmem_check_fit(const struct jailhouse_header *hdr,
		       unsigned int max_cpus, size_t cfg_size, size_t region);
void jhd_dcache_clean_inval_poc(const void *addr, size_t size);

/* entry.c: run on every online CPU; callers hold cpus_read_lock() */
int jhd_entry_probe_stub(void);
int jhd_entry_enter(void);
int jhd_entry_disable(void);

/* stub.S */
long jhd_stub_probe(void);
long jhd_stub_soft_restart(unsigned long entry, unsigned long cpu,
			  unsigned long base);

/* cell.c: the list of cells, under jhd_lock */
struct jhd_cell *jhd_cell_create_root(const struct jailhouse_system *cfg);
void jhd_cell_add(struct jhd_cell *cell);
void jhd_cell_delete(struct jhd_cell *cell);
struct jhd_cell *jhd_cell_by_name(const char *name);
struct jhd_cell *jhd_cell_by_cpu(unsigned int cpu);
struct jhd_cell *jhd_cell_first_non_root(void);
int jhd_cell_free_id(void);
int jhd_cell_lookup(const void __user *arg, struct jhd_cell **cell);

/* cell-claim.c: what Linux gives up for a cell, under jhd_lock */
int jhd_cell_claim(struct jhd_cell *cell);
void jhd_cell_unclaim(const struct jhd_cell *cell);

/* cell-sysfs.c */
int jhd_cells_init(void);
void jhd_cells_exit(void);
int jhd_cell_register(struct jhd_cell *cell);
void jhd_cell_unregister(struct jhd_cell *cell);
void jhd_cell_sysfs_cpu_del(struct jhd_cell *cell, unsigned int cpu);
int jhd_cell_sysfs_cpu_add(struct jhd_cell *cell, unsigned int cpu);

/* cell-create.c, cell-load.c, cell-ctl.c: the cell ioctls */
int jhd_cmd_cell_create(const void __user *arg);
int jhd_cmd_cell_load(const void __user *arg);
int jhd_cmd_cell_start(const void __user *arg);
int jhd_cmd_cell_destroy(const void __user *arg);
int jhd_cell_destroy(struct jhd_cell *cell);
int jhd_cells_destroy_all(void);
/* CPUs back to Linux after a cell had them (create failed, destroy) */
void jhd_cell_return_cpus(struct jhd_cell *cell);

/*
 * vpci.c: the virtual PCI host in Linux, under jhd_lock. add after
 * enable (a failure is a warning); remove before disable, restore if
 * disable then fails, forget once it succeeded.
 */
void jhd_vpci_add(const struct jailhouse_system *cfg);
int jhd_vpci_remove(void);
void jhd_vpci_restore(void);
void jhd_vpci_forget(void);

/* sysfs.c */
int jhd_sysfs_init(void);
void jhd_sysfs_exit(void);

/* console.c */
int jhd_console_init(void);
void jhd_console_exit(void);
void jhd_console_new_ring(void);
void jhd_console_start(bool permitted);
void jhd_console_stop(void);
void jhd_console_snapshot(void);
ssize_t jhd_console_show_all(char *buf);
void jhd_console_mark(void);
const char *jhd_console_said(char *out, size_t size);
ssize_t jhd_console_read(struct file *file, char __user *out, size_t count,
			loff_t *ppos);
__poll_t jhd_console_poll(struct file *file, struct poll_table_struct *wait);

#endif /* !_JHD_DRIVER_H */
