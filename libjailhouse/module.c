// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Loading jailhouse.ko through libkmod, so that "enable" works right after
 * boot without a manual modprobe.
 */
#include <errno.h>
#include <string.h>

#include <libkmod.h>

#include "internal.h"

#define JH_MODULE_NAME	"jailhouse"

int jh_module_load(struct jh_ctx *ctx)
{
	struct kmod_module *mod;
	struct kmod_ctx *kctx;
	int err;

	kctx = kmod_new(NULL, NULL);
	if (!kctx)
		return jh_fail(ctx, ENOMEM, JH_ERR_NO_MODULE,
			       "cannot load the jailhouse driver: libkmod failed to initialise");

	err = kmod_module_new_from_name(kctx, JH_MODULE_NAME, &mod);
	if (err < 0) {
		err = jh_fail(ctx, -err, JH_ERR_NO_MODULE,
			      "cannot load the jailhouse driver: %s",
			      strerror(-err));
		goto err_unref_ctx;
	}

	jh_info(ctx, "loading module %s", JH_MODULE_NAME);
	err = kmod_module_probe_insert_module(mod, 0, NULL, NULL, NULL, NULL);
	if (err == -ENOENT) {
		err = jh_fail(ctx, ENOENT, JH_ERR_NO_MODULE,
			      "the jailhouse driver is not loaded and jailhouse.ko is not installed for the running kernel (run depmod after installing it)");
		goto err_unref_mod;
	}
	if (err == -EPERM || err == -EACCES) {
		err = jh_fail(ctx, -err, JH_ERR_PERMISSION,
			      "loading jailhouse.ko: %s (root privileges needed)",
			      strerror(-err));
		goto err_unref_mod;
	}
	if (err < 0) {
		err = jh_fail(ctx, -err, JH_ERR_NO_MODULE,
			      "loading jailhouse.ko: %s (see the kernel log)",
			      strerror(-err));
		goto err_unref_mod;
	}
	err = 0;

err_unref_mod:
	kmod_module_unref(mod);
err_unref_ctx:
	kmod_unref(kctx);
	return err;
}
