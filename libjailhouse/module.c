// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Loading jailhouse.ko through libkmod, so that "enable" works right after
 * boot without a manual modprobe.
 *
 * libkmod is opened here, when a command needs the module, not linked:
 * it brings libcrypto, libzstd and liblzma along, whose loading and
 * relocation cost every run of every command several milliseconds,
 * which is most of a command's start-up; only "enable" ever loads the
 * module. The prototypes still come from <libkmod.h>, so the calls are
 * type-checked as linked calls would be.
 */
#include <dlfcn.h>
#include <errno.h>
#include <string.h>

#include <libkmod.h>

#include "internal.h"

#define JH_MODULE_NAME	"jailhouse"

struct kmod_api {
	__typeof__(&kmod_new) new_ctx;
	__typeof__(&kmod_unref) unref_ctx;
	__typeof__(&kmod_module_new_from_name) new_module;
	__typeof__(&kmod_module_unref) unref_module;
	__typeof__(&kmod_module_probe_insert_module) probe_insert;
};

/*
 * Opens libkmod and takes its functions. RTLD_NODELETE: once in, it stays
 * (libraries it pulls in may have registered exit handlers), and closing
 * our handle afterwards only drops the reference.
 */
static int kmod_api_open(struct jh_ctx *ctx, struct kmod_api *api,
			 void **handle)
{
	static const char *const names[] = {
		"kmod_new", "kmod_unref", "kmod_module_new_from_name",
		"kmod_module_unref", "kmod_module_probe_insert_module",
	};
	void *const slots[] = {
		&api->new_ctx, &api->unref_ctx, &api->new_module,
		&api->unref_module, &api->probe_insert,
	};
	unsigned int n;
	void *sym;

	*handle = dlopen(JH_KMOD_SONAME, RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE);
	if (!*handle)
		return jh_fail(ctx, ENOENT, JH_ERR_NO_MODULE,
			       "the jailhouse driver is not loaded, and loading it needs libkmod: %s",
			       dlerror());
	for (n = 0; n < sizeof(names) / sizeof(names[0]); n++) {
		sym = dlsym(*handle, names[n]);
		if (!sym) {
			dlclose(*handle);
			return jh_fail(ctx, ENOSYS, JH_ERR_NO_MODULE,
				       "the jailhouse driver is not loaded, and %s has no %s",
				       JH_KMOD_SONAME, names[n]);
		}
		/* POSIX: a function's address fits in the object pointer */
		memcpy(slots[n], &sym, sizeof(sym));
	}
	return 0;
}

int jh_module_load(struct jh_ctx *ctx)
{
	struct kmod_module *mod;
	struct kmod_ctx *kctx;
	struct kmod_api kmod;
	void *handle;
	int err;

	err = kmod_api_open(ctx, &kmod, &handle);
	if (err)
		return err;

	kctx = kmod.new_ctx(NULL, NULL);
	if (!kctx) {
		err = jh_fail(ctx, ENOMEM, JH_ERR_NO_MODULE,
			      "cannot load the jailhouse driver: libkmod failed to initialise");
		goto err_close;
	}

	err = kmod.new_module(kctx, JH_MODULE_NAME, &mod);
	if (err < 0) {
		err = jh_fail(ctx, -err, JH_ERR_NO_MODULE,
			      "cannot load the jailhouse driver: %s",
			      strerror(-err));
		goto err_unref_ctx;
	}

	jh_info(ctx, "loading module %s", JH_MODULE_NAME);
	err = kmod.probe_insert(mod, 0, NULL, NULL, NULL, NULL);
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
	kmod.unref_module(mod);
err_unref_ctx:
	kmod.unref_ctx(kctx);
err_close:
	dlclose(handle);
	return err;
}
