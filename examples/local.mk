# Examples of the library's use (docs/libjailhouse-guide.md). make check
# builds them against the library in the tree and runs them on the fake
# driver (tests/libjailhouse/test-examples.sh); installcheck (so make
# distcheck) builds them as a user would, with pkg-config against the
# installed library.
example_programs = examples/list-cells examples/boot-inmate \
	examples/cell-stats examples/follow-console
check_PROGRAMS += $(example_programs)
example_cppflags = -I$(top_srcdir)/libjailhouse
example_ldadd = libjailhouse/libjailhouse.la
examples_list_cells_CPPFLAGS = $(example_cppflags)
examples_list_cells_LDADD = $(example_ldadd)
examples_boot_inmate_CPPFLAGS = $(example_cppflags)
examples_boot_inmate_LDADD = $(example_ldadd)
examples_cell_stats_CPPFLAGS = $(example_cppflags)
examples_cell_stats_LDADD = $(example_ldadd)
examples_follow_console_CPPFLAGS = $(example_cppflags)
examples_follow_console_LDADD = $(example_ldadd)

installcheck-local: installcheck-examples
installcheck-examples:
	@tmp=$$(mktemp -d) && \
	pc="PKG_CONFIG_PATH=$(DESTDIR)$(libdir)/pkgconfig PKG_CONFIG_SYSROOT_DIR=$(DESTDIR)" && \
	for e in $(example_programs); do \
		env $$pc $(PKG_CONFIG) --cflags --libs libjailhouse >$$tmp/flags && \
		$(CC) $(CFLAGS) -Wall -Werror -o $$tmp/ex $(srcdir)/$$e.c \
			$$(cat $$tmp/flags) && \
		echo "installcheck: $$e builds with pkg-config libjailhouse" || \
		{ rm -rf $$tmp; exit 1; }; \
	done; rm -rf $$tmp
.PHONY: installcheck-examples
