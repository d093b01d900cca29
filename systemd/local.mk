# systemd integration: jailhouse.service enables the hypervisor at boot,
# jailhouse-cell@NAME.service runs a cell; both through jailhouse-service,
# a client of libjailhouse's public API (docs/systemd.md).
servicedir = $(jhlibexecdir)
service_PROGRAMS = systemd/jailhouse-service
systemd_jailhouse_service_SOURCES = \
	systemd/service.c \
	systemd/cell-unit.c \
	systemd/conf-file.c \
	systemd/notify.c \
	$(common_lib_client_sources)
noinst_HEADERS += systemd/service.h systemd/conf-file.h
systemd_jailhouse_service_CPPFLAGS = $(AM_CPPFLAGS) \
	-I$(top_srcdir)/libjailhouse $(COMMON_CPPFLAGS) \
	-DJH_CONFIGDIR=\"$(jhconfigdir)\" \
	-DJH_CELLS_CONF_DIR=\"$(jhconfigdir)/cells\" \
	-DJH_DEFAULTS_FILE=\"$(sysconfdir)/default/jailhouse\"
systemd_jailhouse_service_LDADD = libjailhouse/libjailhouse.la

# The units and /etc/default/jailhouse, with the install paths filled in.
jh_subst = sed -e 's|@jhlibexecdir[@]|$(jhlibexecdir)|g' \
	-e 's|@jhconfigdir[@]|$(jhconfigdir)|g' \
	-e 's|@sysconfdir[@]|$(sysconfdir)|g'
jh_units = systemd/jailhouse.service systemd/jailhouse-cell@.service
jh_generated = $(jh_units) systemd/default-jailhouse \
	systemd/jailhouse-cell.conf.5
EXTRA_DIST += $(jh_generated:=.in)
CLEANFILES += $(jh_generated)
all_local_targets += $(jh_generated)
$(jh_generated): %: %.in Makefile
	$(AM_V_GEN)$(MKDIR_P) $(@D) && $(jh_subst) $< >$@

if INSTALL_UNITS
systemdunit_DATA = $(jh_units)
systemdunitdir = $(systemdsystemunitdir)
endif
man5_MANS = systemd/jailhouse-cell.conf.5

# /etc/default/jailhouse is the admin's once installed: never overwritten.
# The cell descriptions' directory comes empty; the examples are docs.
install_data_local_targets += install-service-conf
uninstall_local_targets += uninstall-service-conf
install-service-conf: systemd/default-jailhouse
	$(MKDIR_P) $(DESTDIR)$(sysconfdir)/default $(DESTDIR)$(jhconfigdir)/cells
	test -e $(DESTDIR)$(sysconfdir)/default/jailhouse || \
		$(INSTALL_DATA) systemd/default-jailhouse \
			$(DESTDIR)$(sysconfdir)/default/jailhouse
uninstall-service-conf:
	-cmp -s systemd/default-jailhouse $(DESTDIR)$(sysconfdir)/default/jailhouse && \
		rm -f $(DESTDIR)$(sysconfdir)/default/jailhouse
	-rmdir $(DESTDIR)$(jhconfigdir)/cells
jhexamplesdir = $(docdir)/examples/cells
dist_jhexamples_DATA = systemd/examples/gic-demo.conf \
	systemd/examples/linux-demo.conf
