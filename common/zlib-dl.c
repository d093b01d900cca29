// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Opening zlib on demand (see zlib-dl.h).
 */
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

#include "zlib-dl.h"

int jh_zlib_open(struct jh_zlib *z, char *why, size_t size)
{
	static const char *const names[] = {
		"inflateInit2_", "inflateReset", "inflate", "inflateEnd",
		"crc32", "gzopen", "gzgets", "gzclose",
	};
	void *const slots[] = {
		&z->inflate_init2_, &z->inflate_reset, &z->inflate,
		&z->inflate_end, &z->crc32, &z->gzopen, &z->gzgets,
		&z->gzclose,
	};
	unsigned int n;
	void *handle, *sym;

	_Static_assert(sizeof(names) / sizeof(names[0]) ==
		       sizeof(*z) / sizeof(void (*)(void)),
		       "a function of struct jh_zlib has no name");
	/* NODELETE: the handle is not kept, the functions are. */
	handle = dlopen(JH_ZLIB_SONAME, RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE);
	if (!handle) {
		snprintf(why, size, "%s", dlerror());
		return -1;
	}
	for (n = 0; n < sizeof(names) / sizeof(names[0]); n++) {
		sym = dlsym(handle, names[n]);
		if (!sym) {
			snprintf(why, size, "%s has no %s", JH_ZLIB_SONAME,
				 names[n]);
			dlclose(handle);
			return -1;
		}
		/* POSIX: a function's address fits in the object pointer */
		memcpy(slots[n], &sym, sizeof(sym));
	}
	dlclose(handle);
	return 0;
}
