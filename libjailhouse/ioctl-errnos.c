// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * The rows of the errno contract (see ioctl-errnos.h). For one request
 * and errno the first matching row counts, so rows for one request come
 * before rows shared by several.
 */
#include <errno.h>
#include <string.h>

#include "ioctl-errnos.h"

#define ENABLE		(1u << JH_REQ_ENABLE)
#define DISABLE		(1u << JH_REQ_DISABLE)
#define CREATE		(1u << JH_REQ_CREATE)
#define LOAD		(1u << JH_REQ_LOAD)
#define START		(1u << JH_REQ_START)
#define DESTROY		(1u << JH_REQ_DESTROY)
#define CELL_CMDS	(CREATE | LOAD | START | DESTROY)
#define ALL		(ENABLE | DISABLE | CELL_CMDS)

#define ROW(reqs, e, code, text)	{ reqs, e, #e, code, false, text }
#define UPSTREAM(reqs, e, code, text)	{ reqs, e, #e, code, true, text }

const struct jh_ioctl_errno jh_ioctl_errnos[] = {
	ROW(ALL, EINTR, JH_ERR_SYSTEM,
	    "interrupted while waiting for the driver"),
	ROW(ALL, ENOTRECOVERABLE, JH_ERR_UNRECOVERABLE,
	    "CPUs disagree about the hypervisor; it may still run on some of them. Reboot"),

	ROW(ENABLE, EBUSY, JH_ERR_ALREADY_ENABLED,
	    "the hypervisor is already enabled"),
	ROW(ENABLE, EFAULT, JH_ERR_SYSTEM,
	    "the driver could not read the config (truncated file?)"),
	ROW(ENABLE, EINVAL, JH_ERR_HYPERVISOR,
	    "the driver or the hypervisor rejected the config, e.g. the online CPUs are not the root cell's (the kernel log and the hypervisor console say why)"),
	ROW(ENABLE, EPROTO, JH_ERR_REVISION,
	    "the driver expects another config revision"),
	ROW(ENABLE, EOPNOTSUPP, JH_ERR_ARCH,
	    "the driver expects another architecture"),
	ROW(ENABLE, E2BIG, JH_ERR_COUNTS,
	    "the config's counts give more than the driver accepts (1 MiB)"),
	ROW(ENABLE, ENOMEM, JH_ERR_HYPERVISOR,
	    "out of kernel memory, or the hypervisor memory cannot be mapped"),
	ROW(ENABLE, EADDRNOTAVAIL, JH_ERR_MEMORY,
	    "the hypervisor memory is empty, not page aligned or wraps around"),
	ROW(ENABLE, EADDRINUSE, JH_ERR_MEMORY,
	    "the hypervisor memory overlaps System RAM: reserve it from Linux (mem=, memmap= or a reserved-memory node)"),
	ROW(ENABLE, EALREADY, JH_ERR_MEMORY,
	    "the hypervisor memory is claimed by another driver (see /proc/iomem)"),
	ROW(ENABLE, ENOSPC, JH_ERR_MEMORY,
	    "the firmware, per-CPU data and config do not fit into the hypervisor memory (the kernel log gives the sizes)"),
	ROW(ENABLE, ENOENT, JH_ERR_FIRMWARE,
	    "the driver cannot load jailhouse.bin (install it in /lib/firmware)"),
	ROW(ENABLE, ELIBBAD, JH_ERR_FIRMWARE,
	    "jailhouse.bin is not a valid hypervisor image (the kernel log names the field)"),
	ROW(ENABLE, ENOEXEC, JH_ERR_FIRMWARE,
	    "jailhouse.bin and the driver speak different entry protocols: install both from the same build"),
	ROW(ENABLE, EDOM, JH_ERR_CPU_MISMATCH,
	    "the root cell's CPU set is empty"),
	ROW(ENABLE, ECHRNG, JH_ERR_CPU_MISMATCH,
	    "an online CPU is not in the root cell's CPU set (the kernel log names it): take it offline or add it to the config"),
	ROW(ENABLE, ENXIO, JH_ERR_NO_EL2,
	    "EL2 is not available through Linux's hyp stub (Linux runs at EL2 with VHE, or KVM holds it: boot with kvm-arm.mode=none)"),

	ROW(DISABLE, EINVAL, JH_ERR_NOT_ENABLED,
	    "the hypervisor is not enabled"),
	ROW(DISABLE, EBUSY, JH_ERR_BUSY,
	    "a CPU online now never entered the hypervisor, or the hypervisor reports a root CPU failed and only a reboot recovers it (the kernel log names the CPU)"),
	ROW(DISABLE, EPERM, JH_ERR_REFUSED,
	    "a cell refused to shut down; the hypervisor stays enabled"),
	ROW(DISABLE, ENOMEM, JH_ERR_HYPERVISOR,
	    "out of memory in the kernel or the hypervisor pool"),
	ROW(DISABLE, ETIMEDOUT, JH_ERR_HYPERVISOR,
	    "root's other CPUs did not stop for destroying a cell; the hypervisor stays enabled (see its console)"),
	ROW(DISABLE, EIO, JH_ERR_HYPERVISOR,
	    "a CPU of a cell was given up on and may still run it; the hypervisor stays enabled until reboot (see its console)"),

	ROW(CREATE, EINVAL, JH_ERR_HYPERVISOR,
	    "the driver or the hypervisor rejected the config (see the kernel log and the hypervisor console)"),
	ROW(CREATE, E2BIG, JH_ERR_HYPERVISOR,
	    "the config is too large (64 KiB at most)"),
	ROW(CREATE, ENOMEM, JH_ERR_HYPERVISOR,
	    "out of memory in the kernel or the hypervisor pool"),
	ROW(CREATE, EPROTO, JH_ERR_REVISION,
	    "the driver expects another config revision"),
	ROW(CREATE, EOPNOTSUPP, JH_ERR_ARCH,
	    "the config is not for an arm64 cell"),
	ROW(CREATE, ENODATA, JH_ERR_COUNTS,
	    "the config's counts give more bytes than were passed (truncated file?)"),
	ROW(CREATE, EEXIST, JH_ERR_NAME_TAKEN,
	    "a cell with this name already exists"),
	ROW(CREATE, ECHRNG, JH_ERR_CPU_MISMATCH,
	    "a CPU of the config is not one of the root cell's (the kernel log names it)"),
	ROW(CREATE, EBUSY, JH_ERR_BUSY,
	    "the cell's CPUs or devices are in use (CPUs must belong to the root cell and be able to go offline; a device page or interrupt a Linux driver holds must be freed first; a root CPU the hypervisor reports failed blocks it; the kernel log says which)"),
	ROW(CREATE, EDOM, JH_ERR_CPU_MISMATCH, "the config has no CPUs"),
	ROW(CREATE, EADDRINUSE, JH_ERR_MEMORY,
	    "a memory region of the cell overlaps Linux's System RAM (or another cell's memory, or the hypervisor's): reserve cell memory from Linux (mem=, memmap= or a reserved-memory node); see the kernel log"),
	ROW(CREATE, ENOSPC, JH_ERR_BUSY, "all 255 cell IDs are in use"),
	ROW(CREATE, EPERM, JH_ERR_REFUSED,
	    "the hypervisor refused (a cell holds the configuration lock?)"),
	ROW(CREATE, ERANGE, JH_ERR_HYPERVISOR,
	    "the cell ID does not fit the hypervisor's VMIDs"),
	ROW(CREATE, EADDRNOTAVAIL, JH_ERR_MEMORY,
	    "a memory region of the cell is not the root cell's memory (see the hypervisor console)"),
	ROW(CREATE, ENXIO, JH_ERR_HYPERVISOR,
	    "an interrupt of the cell does not exist or is not the root cell's (see the hypervisor console)"),

	ROW(LOAD, E2BIG, JH_ERR_IMAGE, "too many images in one load"),
	ROW(LOAD, EADDRNOTAVAIL, JH_ERR_IMAGE,
	    "an image's address is in none of the cell's memory regions"),
	ROW(LOAD, EACCES, JH_ERR_IMAGE,
	    "an image's memory region is not loadable and writable"),
	ROW(LOAD, EFBIG, JH_ERR_IMAGE,
	    "an image runs past the end of its memory region"),
	ROW(LOAD, EADDRINUSE, JH_ERR_IMAGE,
	    "an image's target is Linux's System RAM; the driver does not write over Linux's memory"),
	ROW(LOAD, ENOMEM, JH_ERR_HYPERVISOR,
	    "the driver cannot map the cell's memory"),

	ROW(START, ENOMEM, JH_ERR_HYPERVISOR,
	    "the hypervisor's page pool is exhausted"),
	ROW(DESTROY, ENOMEM, JH_ERR_HYPERVISOR,
	    "the hypervisor's page pool cannot hold root's rebuilt tables; the cell stays, shut down"),
	ROW(START | DESTROY, EIO, JH_ERR_HYPERVISOR,
	    "a CPU of the cell was given up on and may still run it (see the hypervisor console): the cell keeps its CPUs and memory until reboot"),
	ROW(LOAD | START | DESTROY, EPERM, JH_ERR_REFUSED,
	    "the cell refused, or another cell holds the configuration lock"),
	UPSTREAM(LOAD | START | DESTROY, EBUSY, JH_ERR_HYPERVISOR,
		 "the driver cannot map the cell's memory"),

	ROW(CREATE | LOAD | START | DESTROY, ETIMEDOUT, JH_ERR_HYPERVISOR,
	    "root's other CPUs did not stop for the change within the hypervisor's bound; nothing was changed (see its console)"),
	ROW(CELL_CMDS, EINVAL, JH_ERR_ROOT_CELL,
	    "the hypervisor is not enabled, or the cell is the root cell"),
	ROW(CELL_CMDS, EFAULT, JH_ERR_SYSTEM,
	    "the driver could not read the request"),
	ROW(CELL_CMDS, ENOENT, JH_ERR_CELL_NOT_FOUND,
	    "the cell no longer exists"),
	{ 0, 0, NULL, JH_ERR_NONE, false, NULL },
};

const struct jh_ioctl_errno *jh_ioctl_errno_find(enum jh_ioctl_req req,
						 int err)
{
	const struct jh_ioctl_errno *row;

	for (row = jh_ioctl_errnos; row->name; row++)
		if ((row->reqs & (1u << req)) && row->err == err)
			return row;
	return NULL;
}

int jh_ioctl_errno_by_name(const char *name)
{
	const struct jh_ioctl_errno *row;

	for (row = jh_ioctl_errnos; row->name; row++)
		if (!strcmp(row->name, name))
			return row->err;
	return 0;
}
