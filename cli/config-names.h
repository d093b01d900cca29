/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Names of a config's flag bits, shared by "config show" and its --json.
 */
#ifndef CLI_CONFIG_NAMES_H
#define CLI_CONFIG_NAMES_H

#include <stdint.h>

struct flag_name {
	uint64_t bit;
	const char *name;
};

/* Each table ends with { 0, NULL }. */
extern const struct flag_name config_mem_flags[];
extern const struct flag_name config_cell_flags[];
extern const struct flag_name config_sys_flags[];
extern const struct flag_name config_con_flags[];

/* "device", "bridge", "ivshmem" or "?" */
const char *config_pci_type_name(unsigned int type);

#endif /* !CLI_CONFIG_NAMES_H */
