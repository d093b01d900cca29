/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * libjailhouse - drive the Jailhouse partitioning hypervisor from C.
 *
 * Objects are opaque. Every object belongs to one context (struct jh_ctx)
 * and must not be used after the context was released; a context and its
 * objects are used from one thread at a time. Several contexts may coexist.
 *
 * Error convention (for the whole API):
 *   - Functions returning int return 0 (or a documented non-negative value)
 *     on success and a negative errno value on failure. Objects come back
 *     through out-parameters, which are left untouched on failure.
 *   - After a failure, jh_ctx_last_error() returns a message naming the
 *     cause ("reading x.cell: revision 13, expected 14") and
 *     jh_ctx_last_error_code() the cause as an enum jh_error. Both stay
 *     valid until the next failing call on the same context; success does
 *     not clear them. errno is not part of the contract.
 *   - Getters of snapshot objects cannot fail. Passing NULL where an object
 *     is required is a programming error.
 *
 * Ownership: the _free() and _unref() functions release what _new() and
 * the lookups returned.
 * Strings returned by getters belong to the object they came from.
 */
#ifndef _LIBJAILHOUSE_H
#define _LIBJAILHOUSE_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

#ifdef __cplusplus
extern "C" {
#endif

struct jh_ctx;
struct jh_config;
struct jh_check;
struct jh_finding;
struct jh_cell;
struct jh_cell_list;
struct jh_cpuset;
struct jh_stats;
struct jh_console;
struct jh_image_set;
struct jh_linux;
struct jh_linux_plan;

/** Version string of the library, e.g. "0.1.0". */
const char *jh_version(void);

/* ------------------------------------------------------------------ */
/* Errors                                                              */

/** Causes of failure, reported by jh_ctx_last_error_code(). */
enum jh_error {
	JH_ERR_NONE = 0,
	/** A system call failed; the message names it and the path. */
	JH_ERR_SYSTEM,
	JH_ERR_NO_MEMORY,
	/** A caller-supplied argument is invalid. */
	JH_ERR_INVALID_ARGUMENT,
	/** Config: the signature is neither JHSYS nor JHCLL. */
	JH_ERR_SIGNATURE,
	/** Config: revision other than 14. */
	JH_ERR_REVISION,
	/** Config: architecture byte is not arm64. */
	JH_ERR_ARCH,
	/** Config: file shorter than its fixed header. */
	JH_ERR_TRUNCATED,
	/** Config: the array counts need more bytes than the file has. */
	JH_ERR_COUNTS,
	/** Config: structurally broken (e.g. unterminated name). */
	JH_ERR_MALFORMED,
	/** Config: a system config where a cell config is needed or back. */
	JH_ERR_CONFIG_KIND,
	/** Config: the checker found errors (see struct jh_check). */
	JH_ERR_CONFIG_INVALID,
	/** The jailhouse driver is not loaded and could not be loaded. */
	JH_ERR_NO_MODULE,
	/** Not permitted (usually: needs root). */
	JH_ERR_PERMISSION,
	JH_ERR_NOT_ENABLED,
	JH_ERR_ALREADY_ENABLED,
	/** The hypervisor firmware (jailhouse.bin) is missing. */
	JH_ERR_FIRMWARE,
	JH_ERR_CELL_NOT_FOUND,
	JH_ERR_NAME_TAKEN,
	/** CPUs or resources of the request are in use. */
	JH_ERR_BUSY,
	/** The cell refused the request (shutdown/destroy denied). */
	JH_ERR_REFUSED,
	/** The operation is not possible on the root cell. */
	JH_ERR_ROOT_CELL,
	/** An image does not fit a loadable region, or is malformed. */
	JH_ERR_IMAGE,
	/** The hypervisor console is not available. */
	JH_ERR_NO_CONSOLE,
	JH_ERR_TIMEOUT,
	/** A cell went to a failed state while waiting for another one. */
	JH_ERR_CELL_FAILED,
	/** The driver or hypervisor reported an error without known cause. */
	JH_ERR_HYPERVISOR,
	JH_ERR_NOT_SUPPORTED,
	/** The hypervisor memory is not reserved, too small or taken. */
	JH_ERR_MEMORY,
	/** EL2 is not available (VHE kernel, or KVM holds it). */
	JH_ERR_NO_EL2,
	/** The CPUs online do not match the root cell's CPU set. */
	JH_ERR_CPU_MISMATCH,
	/** The hypervisor is in an inconsistent state; reboot. */
	JH_ERR_UNRECOVERABLE,
	/** The caller asked to stop (see jh_linux_plan_set_cancel()). */
	JH_ERR_CANCELED,
};

/** Stable short identifier of a cause, e.g. "revision"; never NULL. */
const char *jh_error_name(enum jh_error code);

/* ------------------------------------------------------------------ */
/* Context                                                             */

/**
 * jh_ctx_new() - create a library context.
 * @root: directory that stands for "/"; NULL or "/" for the live system.
 *        Every path is built below it ("<root>/sys/devices/jailhouse/...",
 *        "<root>/dev/jailhouse"), which lets tests use a fake tree.
 * @ctx:  out: the new context, reference count 1.
 *
 * The log priority starts at LOG_ERR, or what the environment variable
 * JAILHOUSE_LOG says ("err", "warning", "info", "debug" or a number).
 * Having no context yet, it fails with -EINVAL (relative @root) or
 * -ENOMEM only, and records no message.
 */
int jh_ctx_new(const char *root, struct jh_ctx **ctx);
struct jh_ctx *jh_ctx_ref(struct jh_ctx *ctx);
/** Drops a reference; returns NULL once the context is freed. */
struct jh_ctx *jh_ctx_unref(struct jh_ctx *ctx);
/** The root directory given to jh_ctx_new(), "/" for the live system. */
const char *jh_ctx_get_root(const struct jh_ctx *ctx);

/**
 * typedef jh_log_fn - receives log messages.
 * @data: as passed to jh_ctx_set_log_fn()
 * @priority: syslog priority (LOG_ERR ... LOG_DEBUG)
 * @msg: the message, without trailing newline
 */
typedef void (*jh_log_fn)(void *data, int priority, const char *msg);
/** Sets the log function; NULL restores the default (stderr). */
void jh_ctx_set_log_fn(struct jh_ctx *ctx, jh_log_fn fn, void *data);
void jh_ctx_set_log_priority(struct jh_ctx *ctx, int priority);
int jh_ctx_get_log_priority(const struct jh_ctx *ctx);

/**
 * jh_ctx_set_module_autoload() - load jailhouse.ko when /dev/jailhouse is
 * missing. On by default for the live system, off (and not allowed) for
 * any other root directory.
 */
int jh_ctx_set_module_autoload(struct jh_ctx *ctx, bool enable);

/** Message about the last failure; "" if nothing failed yet. */
const char *jh_ctx_last_error(const struct jh_ctx *ctx);
enum jh_error jh_ctx_last_error_code(const struct jh_ctx *ctx);

/* ------------------------------------------------------------------ */
/* Configurations (.cell files, revision 14, arm64)                    */

enum jh_config_kind {
	JH_CONFIG_SYSTEM = 1,	/* JHSYS: system config with the root cell */
	JH_CONFIG_CELL = 2,	/* JHCLL: non-root cell config */
};

/* Memory region flags, values as in the .cell format. */
#define JH_MEM_READ		0x0001
#define JH_MEM_WRITE		0x0002
#define JH_MEM_EXECUTE		0x0004
#define JH_MEM_DMA		0x0008
#define JH_MEM_IO		0x0010
#define JH_MEM_COMM_REGION	0x0020
#define JH_MEM_LOADABLE		0x0040
#define JH_MEM_ROOTSHARED	0x0080
#define JH_MEM_NO_HUGEPAGES	0x0100
#define JH_MEM_IO_UNALIGNED	0x8000
#define JH_MEM_IO_8		0x10000
#define JH_MEM_IO_16		0x20000
#define JH_MEM_IO_32		0x40000
#define JH_MEM_IO_64		0x80000

/* Cell flags */
#define JH_CELL_PASSIVE_COMMREG			0x00000001
#define JH_CELL_TEST_DEVICE			0x00000002
#define JH_CELL_AARCH32				0x00000004
#define JH_CELL_VIRTUAL_CONSOLE_PERMITTED	0x40000000
#define JH_CELL_VIRTUAL_CONSOLE_ACTIVE		0x80000000

/* System flags */
#define JH_SYS_VIRTUAL_DEBUG_CONSOLE		0x0001

/** A memory region, copied out of a config. */
struct jh_mem_region {
	uint64_t phys_start;
	uint64_t virt_start;
	uint64_t size;
	uint64_t flags;		/* JH_MEM_* */
	uint64_t reserved[4];
};

/** An interrupt chip entry: bit k of pin_bitmap[w] is INTID pin_base+32w+k. */
struct jh_irqchip {
	uint64_t address;
	uint32_t id;
	uint32_t pin_base;
	uint32_t pin_bitmap[4];
	uint32_t reserved[4];
};

/** A console description (hypervisor debug console or a cell's console). */
struct jh_console_desc {
	uint64_t address;
	uint32_t size;
	uint16_t type;
	uint16_t flags;
	uint32_t divider;
	uint32_t gate_nr;
	uint64_t clock_reg;
	uint64_t reserved[2];
};

/**
 * A PCI device entry (the fields a reader usually wants; for an ivshmem
 * device, jh_config_get_ivshmem() adds its BAR masks, INTx and sections).
 */
struct jh_pci_device {
	uint8_t type;		/* JH_PCI_TYPE_* */
	uint8_t iommu;
	uint16_t domain;
	uint16_t bdf;
	uint16_t caps_start;
	uint16_t num_caps;
	uint16_t shmem_protocol;
	uint32_t shmem_regions_start;
	uint8_t shmem_dev_id;
	uint8_t shmem_peers;
	uint8_t num_msi_vectors;
	uint8_t reserved0;
	uint16_t num_msix_vectors;
	uint16_t reserved1;
	uint32_t reserved[4];
};

/** Interrupt controller and hypervisor placement of a system config. */
struct jh_platform {
	uint64_t hv_phys_start;
	uint64_t hv_size;
	uint8_t gic_version;
	uint8_t maintenance_irq;
	uint16_t pci_domain;
	uint8_t pci_mmconfig_end_bus;
	uint8_t pci_is_virtual;
	uint16_t reserved0;
	uint64_t gicd_base;
	uint64_t gicc_base;
	uint64_t gich_base;
	uint64_t gicv_base;
	uint64_t gicr_base;
	uint64_t pci_mmconfig_base;
	uint64_t reserved[4];
};

/**
 * jh_config_new_from_file() - read and validate a .cell file.
 *
 * Validation covers the signature (JHSYS/JHCLL), revision 14, the arm64
 * architecture byte, the fixed header size and that the array counts fit
 * the file. Semantic checks are jh_check's job.
 */
int jh_config_new_from_file(struct jh_ctx *ctx, const char *path,
			    struct jh_config **cfg);
/**
 * jh_config_new_from_buffer() - the same for bytes in memory (copied).
 * @label: names the config in messages and findings (e.g. a file name).
 *
 * A config is immutable and reference-counted (count 1 when made): a
 * Linux boot request and its plan take references instead of copies; a
 * check borrows the configs given to it.
 */
int jh_config_new_from_buffer(struct jh_ctx *ctx, const void *buf,
			      size_t size, const char *label,
			      struct jh_config **cfg);
struct jh_config *jh_config_ref(struct jh_config *cfg);
/** Drops a reference; returns NULL once the config is freed. */
struct jh_config *jh_config_unref(struct jh_config *cfg);

enum jh_config_kind jh_config_get_kind(const struct jh_config *cfg);
/** The file name or label the config was loaded from. */
const char *jh_config_get_source(const struct jh_config *cfg);
/** The cell name (for a system config: the root cell's name). */
const char *jh_config_get_name(const struct jh_config *cfg);
/** Bytes the counts describe; the file may be longer. */
size_t jh_config_get_size(const struct jh_config *cfg);
/** Bytes beyond jh_config_get_size() in the file. */
size_t jh_config_get_trailing_bytes(const struct jh_config *cfg);
uint32_t jh_config_get_flags(const struct jh_config *cfg);
uint64_t jh_config_get_cpu_reset_address(const struct jh_config *cfg);
uint64_t jh_config_get_msg_reply_timeout(const struct jh_config *cfg);
uint32_t jh_config_get_vpci_irq_base(const struct jh_config *cfg);
/** The CPU bitmap as a new set; free with jh_cpuset_free(). */
int jh_config_get_cpus(const struct jh_config *cfg, struct jh_cpuset **cpus);
void jh_config_get_console(const struct jh_config *cfg,
			   struct jh_console_desc *con);

unsigned int jh_config_get_num_mem_regions(const struct jh_config *cfg);
/** Returns -ERANGE if @idx is out of range. */
int jh_config_get_mem_region(const struct jh_config *cfg, unsigned int idx,
			     struct jh_mem_region *region);
unsigned int jh_config_get_num_irqchips(const struct jh_config *cfg);
int jh_config_get_irqchip(const struct jh_config *cfg, unsigned int idx,
			  struct jh_irqchip *chip);
unsigned int jh_config_get_num_pci_devices(const struct jh_config *cfg);
int jh_config_get_pci_device(const struct jh_config *cfg, unsigned int idx,
			     struct jh_pci_device *dev);
unsigned int jh_config_get_num_pci_caps(const struct jh_config *cfg);
unsigned int jh_config_get_num_stream_ids(const struct jh_config *cfg);
unsigned int jh_config_get_num_cache_regions(const struct jh_config *cfg);
unsigned int jh_config_get_num_pio_regions(const struct jh_config *cfg);

/* System configs only; -EINVAL (JH_ERR_CONFIG_KIND) for cell configs. */
int jh_config_get_system_flags(const struct jh_config *cfg, uint32_t *flags);
int jh_config_get_platform(const struct jh_config *cfg,
			   struct jh_platform *platform);
int jh_config_get_debug_console(const struct jh_config *cfg,
				struct jh_console_desc *con);

/** Name of a console type ("pl011", "8250", ...); "unknown" otherwise. */
const char *jh_console_type_name(uint16_t type);

/* ------------------------------------------------------------------ */
/* ivshmem-v2 links (LIBJAILHOUSE_0.3)                                 */

/*
 * A PCI device of type JH_PCI_TYPE_IVSHMEM is one end of a shared-memory
 * link: the devices at the same BDF in the cells of one system form the
 * link, each with its own peer ID. Its memory is consecutive regions of
 * the config from shmem_regions_start on: the state table (read-only),
 * the read/write section and one output section per peer, each writable
 * only by its owner. A doorbell rings the peer's INTx, a GIC SPI that
 * follows from the cell's vpci_irq_base and the device's slot.
 */

/* PCI device types (struct jh_pci_device.type) */
#define JH_PCI_TYPE_DEVICE	1
#define JH_PCI_TYPE_BRIDGE	2
#define JH_PCI_TYPE_IVSHMEM	3

/* Peers of one link at most */
#define JH_IVSHMEM_MAX_PEERS	12

/* Protocols (shmem_protocol), as the PCI class interface announces them */
#define JH_IVSHMEM_PROTO_UNDEFINED	0x0000
#define JH_IVSHMEM_PROTO_VETH		0x0001	/* ivshmem-net */
#define JH_IVSHMEM_PROTO_CUSTOM		0x4000	/* 0x4000..0x7fff */
#define JH_IVSHMEM_PROTO_VIRTIO_FRONT	0x8000	/* + virtio device ID */
#define JH_IVSHMEM_PROTO_VIRTIO_BACK	0xc000	/* + virtio device ID */

/* Sections of a link, in the order of its memory regions */
#define JH_IVSHMEM_SECTION_STATE_TABLE	0
#define JH_IVSHMEM_SECTION_RW		1
#define JH_IVSHMEM_SECTION_OUTPUT(peer)	(2U + (peer))

/** One end of a link as a config describes it. */
struct jh_ivshmem {
	uint16_t bdf;
	uint16_t protocol;	/* JH_IVSHMEM_PROTO_* */
	uint8_t id;		/* this end's peer ID (shmem_dev_id) */
	uint8_t peers;		/* ends the link has (shmem_peers) */
	uint16_t reserved0;
	uint32_t regions_start;	/* memory region of the state table */
	uint32_t intid;		/* GIC INTID of the INTx */
	uint32_t bar_mask[6];	/* BAR0: the register page */
	uint64_t address;	/* guest address of the state table */
	uint64_t state_table_size;
	uint64_t rw_size;
	uint64_t output_size;	/* of each peer's output section */
	uint64_t reserved[4];
};

/** One section of a link: where this config maps it. */
struct jh_ivshmem_section {
	uint64_t phys_start;
	uint64_t virt_start;
	uint64_t size;		/* 0: the link has no such section */
	uint64_t flags;		/* JH_MEM_*: writable only for the owner */
	uint32_t region;	/* index into the config's memory regions */
	uint32_t reserved0;
	uint64_t reserved[2];
};

/**
 * jh_config_get_ivshmem() - the link end of PCI device @idx.
 *
 * Returns -ERANGE if there is no device @idx, -EINVAL with
 * JH_ERR_INVALID_ARGUMENT if it is not an ivshmem device, and -EINVAL with
 * JH_ERR_CONFIG_INVALID if its peer count or regions cannot describe a
 * link (the message says which field). Other faults of the device do not
 * stop it: jh_check reports them.
 */
int jh_config_get_ivshmem(const struct jh_config *cfg, unsigned int idx,
			  struct jh_ivshmem *ivshmem);
/**
 * jh_config_get_ivshmem_section() - section @section of the link of PCI
 * device @idx (JH_IVSHMEM_SECTION_*); fails as jh_config_get_ivshmem()
 * does, and with -ERANGE for a section beyond the link's peers.
 */
int jh_config_get_ivshmem_section(const struct jh_config *cfg,
				  unsigned int idx, unsigned int section,
				  struct jh_ivshmem_section *sec);
/**
 * jh_ivshmem_protocol_name() - "undefined", "veth", "custom",
 * "virtio-front", "virtio-back", or "reserved" (0x0002..0x3fff); never
 * NULL.
 */
const char *jh_ivshmem_protocol_name(uint16_t protocol);

/* ------------------------------------------------------------------ */
/* Offline config checker                                              */

enum jh_severity {
	JH_SEVERITY_ERROR = 1,
	JH_SEVERITY_WARNING = 2,
	/** Something the live checks found in order (never from offline rules). */
	JH_SEVERITY_NOTE = 3,
};

/**
 * jh_check_new() - a checker for one system config and its cells.
 *
 * Add the configs, run, then read the findings. The configs are borrowed
 * and must outlive the checker.
 */
int jh_check_new(struct jh_ctx *ctx, struct jh_check **chk);
void jh_check_free(struct jh_check *chk);
/** At most one system config; -EINVAL (JH_ERR_CONFIG_KIND) if not JHSYS. */
int jh_check_set_system(struct jh_check *chk, const struct jh_config *sys);
/** Any number of cell configs; -EINVAL (JH_ERR_CONFIG_KIND) if not JHCLL. */
int jh_check_add_cell(struct jh_check *chk, const struct jh_config *cell);
/**
 * jh_check_add_live_system() - also compare the configs with the running
 * system below the context's root: the driver, jailhouse.bin and its
 * entry protocol and size, KVM holding EL2, the hypervisor and cell
 * memory against System RAM in /proc/iomem, the root cell's CPUs against
 * the online ones, and kernel options from /proc/config.gz or
 * /boot/config-<release>. These findings carry a hint on how to fix them,
 * and notes for what is in order.
 */
int jh_check_add_live_system(struct jh_check *chk);

/**
 * jh_check_run() - check everything added so far.
 *
 * Returns 0 when no errors were found (warnings allowed), -EINVAL with
 * JH_ERR_CONFIG_INVALID and the first error as message when there are
 * errors; the findings are available either way. Running again starts over.
 */
int jh_check_run(struct jh_check *chk);
unsigned int jh_check_get_num_findings(const struct jh_check *chk);
unsigned int jh_check_get_num_errors(const struct jh_check *chk);
unsigned int jh_check_get_num_warnings(const struct jh_check *chk);
/** Borrowed; valid until the checker runs again or is freed. */
const struct jh_finding *jh_check_get_finding(const struct jh_check *chk,
					      unsigned int idx);

enum jh_severity jh_finding_get_severity(const struct jh_finding *f);
/** Stable identifier of the rule, e.g. "mem-overlap". */
const char *jh_finding_get_rule(const struct jh_finding *f);
/** Config source (file name) the finding is about. */
const char *jh_finding_get_source(const struct jh_finding *f);
/** Memory region (or irqchip or PCI device, per rule) index, -1 if none. */
int jh_finding_get_index(const struct jh_finding *f);
/** The other config of a pair finding, or NULL. */
const char *jh_finding_get_other_source(const struct jh_finding *f);
int jh_finding_get_other_index(const struct jh_finding *f);
/** Full text: "<file>: memory region 2 (0x...-0x...) overlaps ...". */
const char *jh_finding_get_message(const struct jh_finding *f);
/** How to fix it, or NULL. */
const char *jh_finding_get_hint(const struct jh_finding *f);

/* ------------------------------------------------------------------ */
/* Hypervisor                                                          */

/** Checks @sys (jh_check) and enables the hypervisor with it. */
int jh_enable(struct jh_ctx *ctx, const struct jh_config *sys);
/** Destroys all non-root cells and disables the hypervisor. */
int jh_disable(struct jh_ctx *ctx);
/** 1 if enabled, 0 if not (also if the driver is not loaded), <0 error. */
int jh_is_enabled(struct jh_ctx *ctx);
/** 1 if the driver is loaded (its sysfs directory exists), else 0. */
int jh_is_driver_loaded(struct jh_ctx *ctx);

/** Hypervisor memory pools, in pages; zero when not enabled. */
struct jh_pool_info {
	uint64_t mem_pool_size;
	uint64_t mem_pool_used;
	uint64_t remap_pool_size;
	uint64_t remap_pool_used;
	uint64_t reserved[4];
};
int jh_get_pool_info(struct jh_ctx *ctx, struct jh_pool_info *info);

/* ------------------------------------------------------------------ */
/* CPU sets                                                            */

void jh_cpuset_free(struct jh_cpuset *set);
unsigned int jh_cpuset_get_count(const struct jh_cpuset *set);
bool jh_cpuset_contains(const struct jh_cpuset *set, unsigned int cpu);
/** The next CPU after @prev (start with -1), or -1 at the end. */
int jh_cpuset_next(const struct jh_cpuset *set, int prev);
/** List form, e.g. "1,4-5"; "" when empty. */
const char *jh_cpuset_to_string(const struct jh_cpuset *set);

/* ------------------------------------------------------------------ */
/* Cells                                                               */

enum jh_cell_state {
	JH_CELL_RUNNING = 0,
	JH_CELL_RUNNING_LOCKED = 1,
	JH_CELL_SHUT_DOWN = 2,
	JH_CELL_FAILED = 3,
	JH_CELL_FAILED_COMM_REV = 4,
	JH_CELL_INVALID = 5,
};

/** The state as the driver shows it, e.g. "shut down". */
const char *jh_cell_state_name(enum jh_cell_state state);

/** Looks a cell up; -ENOENT with JH_ERR_CELL_NOT_FOUND if none. */
int jh_cell_lookup_by_id(struct jh_ctx *ctx, int id, struct jh_cell **cell);
int jh_cell_lookup_by_name(struct jh_ctx *ctx, const char *name,
			   struct jh_cell **cell);
/**
 * jh_cell_lookup() - by the CLI's rule: a string that is a whole
 * non-negative number (decimal, 0x hex or 0 octal) is an ID, anything else
 * a name.
 */
int jh_cell_lookup(struct jh_ctx *ctx, const char *id_or_name,
		   struct jh_cell **cell);
struct jh_cell *jh_cell_ref(struct jh_cell *cell);
struct jh_cell *jh_cell_unref(struct jh_cell *cell);

int jh_cell_get_id(const struct jh_cell *cell);
const char *jh_cell_get_name(const struct jh_cell *cell);
/** Reads the current state from the driver. */
int jh_cell_get_state(struct jh_cell *cell, enum jh_cell_state *state);
int jh_cell_get_cpus_assigned(struct jh_cell *cell, struct jh_cpuset **cpus);
int jh_cell_get_cpus_failed(struct jh_cell *cell, struct jh_cpuset **cpus);
/**
 * jh_cell_get_config() - the config the cell was made from, as the driver
 * keeps it (sysfs cells/<id>/config): the cell's .cell, or the system
 * config for the root cell. ENOENT from a driver without it (upstream's).
 */
int jh_cell_get_config(struct jh_cell *cell, struct jh_config **cfg);

/**
 * jh_cell_wait_state() - poll until the cell reaches @state.
 * @timeout_ms: give up after this long (-ETIMEDOUT, JH_ERR_TIMEOUT);
 *              negative waits forever.
 *
 * Fails early with JH_ERR_CELL_FAILED if the cell enters a failed state
 * that is not @state, and with JH_ERR_CELL_NOT_FOUND if it disappears.
 */
int jh_cell_wait_state(struct jh_cell *cell, enum jh_cell_state state,
		       int timeout_ms);

/** All cells, ordered by ID (a snapshot). */
int jh_cell_list_new(struct jh_ctx *ctx, struct jh_cell_list **list);
void jh_cell_list_free(struct jh_cell_list *list);
unsigned int jh_cell_list_get_count(const struct jh_cell_list *list);
/** Borrowed: take a reference with jh_cell_ref() to keep it. */
struct jh_cell *jh_cell_list_get(const struct jh_cell_list *list,
				 unsigned int idx);

/**
 * jh_cell_create() - create a cell from a cell config.
 * @cell: out, optional: the new cell.
 *
 * The config is checked on its own first (jh_check). The name must be free
 * and the CPUs must still belong to the root cell.
 */
int jh_cell_create(struct jh_ctx *ctx, const struct jh_config *cfg,
		   struct jh_cell **cell);
/** Stops the cell if needed and loads the images into it, in order. */
int jh_cell_load(struct jh_cell *cell, const struct jh_image_set *images);
int jh_cell_start(struct jh_cell *cell);
/** Stops the cell and keeps it (set-loadable, i.e. a load of no images). */
int jh_cell_shutdown(struct jh_cell *cell);
/** Destroys the cell; the object stays valid but refers to no cell. */
int jh_cell_destroy(struct jh_cell *cell);
/**
 * jh_cell_boot() - create a cell, load @images into it and start it, or
 * leave no cell behind.
 * @cell: out, optional: the running cell.
 *
 * When the load or the start fails, the cell is destroyed again; the
 * error (return value, message, code) stays the one that stopped the
 * boot, its message saying whether the undo worked.
 */
int jh_cell_boot(struct jh_ctx *ctx, const struct jh_config *cfg,
		 const struct jh_image_set *images, struct jh_cell **cell);

/* ------------------------------------------------------------------ */
/* Statistics                                                          */

/**
 * jh_cell_get_stats() - read the cell's counters (a snapshot).
 *
 * Counter names are the driver's file names, e.g. "vmexits_total",
 * sorted by name with "vmexits_total" first.
 */
int jh_cell_get_stats(struct jh_cell *cell, struct jh_stats **stats);
void jh_stats_free(struct jh_stats *stats);
unsigned int jh_stats_get_num_counters(const struct jh_stats *stats);
const char *jh_stats_get_counter_name(const struct jh_stats *stats,
				      unsigned int counter);
/** Sum over the cell's CPUs. */
uint64_t jh_stats_get_total(const struct jh_stats *stats, unsigned int counter);
unsigned int jh_stats_get_num_cpus(const struct jh_stats *stats);
/** The CPU number of per-CPU column @idx. */
unsigned int jh_stats_get_cpu(const struct jh_stats *stats, unsigned int idx);
uint64_t jh_stats_get_cpu_value(const struct jh_stats *stats, unsigned int idx,
				unsigned int counter);

/* ------------------------------------------------------------------ */
/* Hypervisor console                                                  */

/** Don't wait for new output in jh_console_read(). */
#define JH_CONSOLE_NONBLOCK	0x1

/**
 * jh_console_open() - open a reader of the hypervisor console.
 *
 * Each reader has its own position and starts at the oldest byte the
 * hypervisor still holds. The fd of jh_console_get_fd() suits poll() when
 * the driver supports it; otherwise it always looks readable and
 * jh_console_read() returns 0.
 */
int jh_console_open(struct jh_ctx *ctx, unsigned int flags,
		    struct jh_console **con);
void jh_console_close(struct jh_console *con);
int jh_console_get_fd(const struct jh_console *con);
/**
 * jh_console_read() - read console text.
 *
 * Returns the number of bytes, 0 when nothing is new (non-blocking),
 * -EAGAIN (JH_ERR_NO_CONSOLE) when there is no log at all, -EPERM
 * (JH_ERR_NO_CONSOLE) when the system config does not permit reading it.
 */
ssize_t jh_console_read(struct jh_console *con, void *buf, size_t size);
/**
 * jh_console_get_log() - the whole current console ring as one string.
 * @text: out, NUL-terminated, free() it.
 */
int jh_console_get_log(struct jh_ctx *ctx, char **text);

/* ------------------------------------------------------------------ */
/* Images for jh_cell_load()                                           */

int jh_image_set_new(struct jh_ctx *ctx, struct jh_image_set **set);
void jh_image_set_free(struct jh_image_set *set);
/** Adds a copy of @size bytes at cell address @addr. */
int jh_image_set_add_buffer(struct jh_image_set *set, const void *data,
			    size_t size, uint64_t addr);
/** Adds the string including its terminating NUL at @addr. */
int jh_image_set_add_string(struct jh_image_set *set, const char *str,
			    uint64_t addr);
/** Adds a whole file, raw, at @addr. */
int jh_image_set_add_raw_file(struct jh_image_set *set, const char *path,
			      uint64_t addr);
/**
 * jh_image_set_add_elf_file() - adds each PT_LOAD segment of an ELF file
 * at its physical address (zero-filling p_memsz beyond p_filesz).
 */
int jh_image_set_add_elf_file(struct jh_image_set *set, const char *path);
/** 1 if the file starts with the ELF magic, 0 if not, <0 on error. */
int jh_image_is_elf_file(struct jh_ctx *ctx, const char *path);
unsigned int jh_image_set_get_count(const struct jh_image_set *set);

/* ------------------------------------------------------------------ */
/* Booting Linux in a cell (LIBJAILHOUSE_0.2)                          */

/*
 * A request (struct jh_linux) names a cell config, an arm64 kernel and
 * optionally an initrd, a DTB (else one is generated from the configs) and
 * a command line. jh_linux_plan() checks every input and computes where
 * each image goes without touching the driver; jh_linux_plan_boot()
 * executes such a plan. Libraries built without the Linux loader (zlib
 * and libfdt) fail both with -ENOTSUP (JH_ERR_NOT_SUPPORTED).
 */

/** The inputs of a request, and what each load of a plan carries. */
enum jh_linux_image {
	JH_LINUX_KERNEL = 0,	/* arm64 Image or Image.gz; required */
	JH_LINUX_INITRD = 1,
	JH_LINUX_DTB = 2,	/* none: generated from the configs */
	JH_LINUX_LOADER = 3,	/* linux-loader.bin; default: see below */
	JH_LINUX_PARAMS = 4,	/* the loader's parameters; plans only */
};

/** "kernel", "initrd", "dtb", "loader" or "params"; never NULL. */
const char *jh_linux_image_name(enum jh_linux_image image);

/**
 * jh_linux_new() - a request to boot Linux in the cell of @cell.
 * @cell: a cell config (JH_CONFIG_CELL); the request takes a reference.
 *
 * linux-loader.bin comes from JH_LINUX_LOADER if set, else from the file
 * the environment variable JAILHOUSE_LINUX_LOADER names (ignored in
 * setuid programs), else from the installed one below the context's root.
 */
int jh_linux_new(struct jh_ctx *ctx, struct jh_config *cell,
		 struct jh_linux **req);
void jh_linux_free(struct jh_linux *req);
/** Reads @image from @path when planning; NULL forgets the input. */
int jh_linux_set_file(struct jh_linux *req, enum jh_linux_image image,
		      const char *path);
/** Takes a copy of @size bytes as @image; @label names it in messages. */
int jh_linux_set_buffer(struct jh_linux *req, enum jh_linux_image image,
			const void *data, size_t size, const char *label);
/** The kernel command line (/chosen/bootargs); NULL keeps the DTB's. */
int jh_linux_set_cmdline(struct jh_linux *req, const char *cmdline);
/** Creates (or reuses) the cell under @name instead of the config's. */
int jh_linux_set_name(struct jh_linux *req, const char *name);
/** The cell name the request creates or reuses. */
const char *jh_linux_get_name(const struct jh_linux *req);
/**
 * jh_linux_set_system_config() - the system config (referenced; NULL
 * drops it), for the GIC addresses and the virtual PCI host of a
 * generated DTB and the DTB check. Without one, the running system's
 * (the root cell's config the driver keeps) while the hypervisor is
 * enabled, else QEMU virt's addresses.
 */
int jh_linux_set_system_config(struct jh_linux *req,
			       struct jh_config *sys);
/** Gap between kernel and initrd in kernel sizes (upstream -k); 0: default. */
int jh_linux_set_decomp_factor(struct jh_linux *req, unsigned int factor);
/** GICD and GICR base for the generated DTB and the check; 0: config's. */
int jh_linux_set_gic(struct jh_linux *req, uint64_t gicd_base,
		     uint64_t gicr_base);
/** INTID of the generated DTB's UART; 0: the lowest SPI of the cell. */
int jh_linux_set_uart_irq(struct jh_linux *req, unsigned int intid);
/** Turns mismatches between a given DTB and the cell into errors. */
int jh_linux_set_strict(struct jh_linux *req, bool strict);
/**
 * jh_linux_set_reboot() - whether booting may stop a running cell of the
 * same name (LIBJAILHOUSE_0.4). Without it (the default) such a cell is
 * left alone and the boot fails with -EBUSY (JH_ERR_NAME_TAKEN); a shut-down or
 * failed cell of the name is reused either way.
 */
int jh_linux_set_reboot(struct jh_linux *req, bool reboot);

/**
 * jh_linux_plan() - read and check every input and place the images.
 *
 * Touches neither the driver nor the cell. The plan keeps what it needs:
 * the request may change or go away afterwards. An Image.gz is read only
 * as far as its Image header and its gzip trailer (the size): the rest is
 * inflated while it is loaded, in pieces, and checked (CRC-32, length)
 * then, or by jh_linux_plan_verify().
 */
int jh_linux_plan(struct jh_linux *req, struct jh_linux_plan **plan);
void jh_linux_plan_free(struct jh_linux_plan *plan);
/**
 * jh_linux_plan_verify() - read what planning left unread, keeping
 * nothing: inflates an Image.gz to its end and checks CRC-32, length and
 * that nothing follows (for dry runs; booting checks the same as it
 * loads). No driver needed. Fails like a boot would (JH_ERR_IMAGE).
 */
int jh_linux_plan_verify(struct jh_linux_plan *plan);

/** One load of a plan: @size bytes of @image from byte @offset on. */
struct jh_linux_segment {
	enum jh_linux_image image;
	unsigned int region;	/* index into the cell config's regions */
	uint64_t guest_addr;
	uint64_t size;
	uint64_t reserved;	/* guest memory kept for it (kernel: BSS) */
	uint64_t offset;	/* > 0: continues into the next region */
	uint64_t reserved_fields[4];
};

/** Where a plan puts things; addresses are the cell's guest addresses. */
struct jh_linux_info {
	uint64_t reset_addr;	/* linux-loader.bin (cpu_reset_address) */
	uint64_t params_addr;
	uint64_t kernel_addr;
	uint64_t kernel_size;	/* of the decompressed Image */
	uint64_t kernel_reserved;
	uint64_t dtb_addr;
	uint64_t dtb_size;
	uint64_t initrd_addr;	/* 0 without an initrd */
	uint64_t initrd_size;
	bool kernel_gzip;
	bool dtb_generated;
	bool upstream_layout;	/* same addresses as upstream's tool */
	uint64_t reserved[4];
};

/** Loads in the order jh_linux_plan_boot() issues them. */
unsigned int jh_linux_plan_get_num_segments(const struct jh_linux_plan *plan);
/** Returns -ERANGE if @idx is out of range. */
int jh_linux_plan_get_segment(const struct jh_linux_plan *plan,
			      unsigned int idx, struct jh_linux_segment *seg);
void jh_linux_plan_get_info(const struct jh_linux_plan *plan,
			    struct jh_linux_info *info);
/** The cell name the plan boots. */
const char *jh_linux_plan_get_name(const struct jh_linux_plan *plan);
/** "kernel=0x... dtb=0x...", what linux-loader.bin reads. */
const char *jh_linux_plan_get_params(const struct jh_linux_plan *plan);
/** The DTB as it will be loaded (patched or generated). */
const void *jh_linux_plan_get_dtb(const struct jh_linux_plan *plan,
				  size_t *size);
/** Warnings of the planning (e.g. DTB against cell), also logged (info). */
unsigned int jh_linux_plan_get_num_warnings(const struct jh_linux_plan *plan);
const char *jh_linux_plan_get_warning(const struct jh_linux_plan *plan,
				      unsigned int idx);

/** jh_linux_plan_print() as JSON instead of text. */
#define JH_LINUX_PRINT_JSON	0x1
/** Prints every load, its address, size and region, and the warnings. */
int jh_linux_plan_print(const struct jh_linux_plan *plan, FILE *out,
			unsigned int flags);
/** Writes the DTB to @path (upstream's -w). */
int jh_linux_plan_write_dtb(const struct jh_linux_plan *plan,
			    const char *path);
/**
 * jh_linux_plan_print_commands() - the "jailhouse cell create/load/start"
 * commands that boot the plan with the DTB written to @dtb_path.
 */
int jh_linux_plan_print_commands(const struct jh_linux_plan *plan, FILE *out,
				 const char *cell_path, const char *dtb_path);

/**
 * jh_linux_plan_boot() - execute a plan.
 * @cell: out, optional: the running cell.
 *
 * Creates the cell from the config unless a cell of that name exists
 * (with the same CPUs; a running one only with jh_linux_set_reboot()),
 * stops it, loads every segment in order (files in
 * chunks) and starts it. On failure the message names the step; a cell
 * created here is destroyed again, an existing one is left stopped.
 * While it runs, a second thread of the library's loads the chunks read
 * so far; it uses neither the context nor the log function, and blocks
 * every signal, so handlers run in the caller's threads.
 */
int jh_linux_plan_boot(struct jh_linux_plan *plan, struct jh_cell **cell);
/**
 * jh_linux_plan_set_cancel() - a flag jh_linux_plan_boot() looks at before
 * every step (each piece it loads, the start), e.g. one a signal handler
 * sets: once it is non-zero the boot stops, undoes what it did as on any
 * failure, and fails with JH_ERR_CANCELED. NULL: none (the default).
 */
void jh_linux_plan_set_cancel(struct jh_linux_plan *plan,
			      const volatile sig_atomic_t *flag);
/** jh_linux_plan() and jh_linux_plan_boot() in one. */
int jh_linux_boot(struct jh_linux *req, struct jh_cell **cell);

/* ------------------------------------------------------------------ */
/* Generating a system config from a board (LIBJAILHOUSE_0.6)          */

/*
 * What "jailhouse config create" does: the facts of the board from its
 * device tree (CPUs, RAM and reservations, the GIC, the console of
 * /chosen/stdout-path, every enabled memory-mapped device with its SPIs),
 * the RAM Linux runs in from /proc/iomem, and from them a system config:
 * the hypervisor's memory (as given, a reserved-memory node named
 * "jailhouse...", or guessed: the top of the RAM Linux leaves free), the
 * root cell's RAM and page-rounded MMIO regions, its CPUs and SPIs, and
 * optionally a virtual PCI host. Built only with the Linux loader
 * (libfdt); without it jh_sysgen_run() fails with JH_ERR_NOT_SUPPORTED.
 */
struct jh_sysgen;

/** Any place the generator finds, for jh_sysgen_set_hypervisor_memory(). */
#define JH_SYSGEN_ANY	(~(uint64_t)0)

enum jh_sysgen_format {
	JH_SYSGEN_C,		/**< C source as in configs/arm64/ */
	JH_SYSGEN_CELL,		/**< a .cell file */
	JH_SYSGEN_JSON,		/**< what was found, from where, and made */
};

int jh_sysgen_new(struct jh_ctx *ctx, struct jh_sysgen **gen);
void jh_sysgen_free(struct jh_sysgen *gen);
/** A DTB file instead of the running system's /sys/firmware/fdt. */
int jh_sysgen_set_dtb_file(struct jh_sysgen *gen, const char *path);
/**
 * A copy of /proc/iomem instead of the running system's; "" for none
 * (then the hypervisor's memory must be given or reserved in the tree).
 */
int jh_sysgen_set_iomem_file(struct jh_sysgen *gen, const char *path);
/**
 * Linux's RAM as "mem=@bytes" leaves it (the first @bytes of RAM, lowest
 * address first), instead of reading /proc/iomem; 0: read it.
 */
int jh_sysgen_set_linux_mem(struct jh_sysgen *gen, uint64_t bytes);
/** The root cell's name; default: from the tree's model. */
int jh_sysgen_set_name(struct jh_sysgen *gen, const char *name);
/** @start JH_SYSGEN_ANY: find a place; @size 0: the default, 4 MiB. */
int jh_sysgen_set_hypervisor_memory(struct jh_sysgen *gen, uint64_t start,
				    uint64_t size);
int jh_sysgen_set_vpci(struct jh_sysgen *gen, bool on);
/**
 * An ivshmem link on the virtual PCI host (which it implies): the k-th
 * added is at BDF 00:k.0 and in the k-th MiB below the hypervisor's
 * memory, root its peer 0. @net: ivshmem-net (virtual Ethernet, 2 peers),
 * else an undefined protocol with @peers peers (2-8).
 */
int jh_sysgen_add_ivshmem_link(struct jh_sysgen *gen, unsigned int peers,
			       bool net);
/** Reads the inputs and makes the config; the message names any cause. */
int jh_sysgen_run(struct jh_sysgen *gen);
int jh_sysgen_write(struct jh_sysgen *gen, enum jh_sysgen_format format,
		    FILE *out);
/** The system config made, e.g. for jh_check_set_system(). */
int jh_sysgen_get_config(struct jh_sysgen *gen, struct jh_config **cfg);

enum jh_sysgen_cell_kind {
	JH_SYSGEN_INMATE,	/**< RAM at 0, where a bare-metal inmate starts */
	JH_SYSGEN_LINUX,	/**< linux-loader.bin's 64 KiB at 0, RAM 1:1 */
};

/**
 * jh_sysgen_set_cell() - make a cell config too, carved out of the system
 * config: the CPUs of @cpus ("2-3"; not CPU 0), @mem_size bytes of RAM
 * Linux does not use at @mem_start (JH_SYSGEN_ANY: the highest free;
 * for JH_SYSGEN_LINUX 64 KiB more for the loader), the communication
 * region at 0x80000000 and the devices added. jh_sysgen_write() then
 * writes the cell; jh_sysgen_get_cell_config() gives it.
 */
int jh_sysgen_set_cell(struct jh_sysgen *gen, const char *name,
		       enum jh_sysgen_cell_kind kind, const char *cpus,
		       uint64_t mem_size, uint64_t mem_start);
/**
 * A device of the tree for the cell, by node path: its windows and SPIs;
 * the system console's UART is shared with root, others are taken.
 */
int jh_sysgen_add_cell_device(struct jh_sysgen *gen, const char *node);
/** Makes the cell peer @peer (1 or more; root is 0) of link @link. */
int jh_sysgen_add_cell_peer(struct jh_sysgen *gen, unsigned int link,
			    unsigned int peer);
int jh_sysgen_get_cell_config(struct jh_sysgen *gen, struct jh_config **cfg);

#ifdef __cplusplus
}
#endif

#endif /* !_LIBJAILHOUSE_H */
