/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * config show's JSON form (config-show-json.c); the text is
 * cmd-config-show.c's.
 */
#ifndef CLI_CONFIG_SHOW_H
#define CLI_CONFIG_SHOW_H

#include <libjailhouse.h>

#include "json-writer.h"

void config_show_json(const struct jh_config *cfg);
/* An ivshmem link end's members, in config show and cell list alike */
void json_ivshmem_members(struct json *j, const struct jh_ivshmem *l);

#endif /* !CLI_CONFIG_SHOW_H */
