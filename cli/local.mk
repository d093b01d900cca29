# The jailhouse command: a client of libjailhouse's public API only.
bin_PROGRAMS += cli/jailhouse
noinst_HEADERS += cli/cli.h cli/config-names.h \
	cli/config-show.h

cli_jailhouse_SOURCES = \
	cli/main.c \
	cli/common.c \
	cli/extension.c \
	$(common_json_sources) \
	$(common_json_writer_sources) \
	$(common_lib_client_sources) \
	cli/cmd-hypervisor.c \
	cli/cmd-console.c \
	cli/cmd-cell.c \
	cli/cmd-cell-load.c \
	cli/cmd-cell-list.c \
	cli/cmd-cell-stats.c \
	cli/cmd-cell-linux.c \
	cli/cmd-config.c \
	cli/cmd-config-show.c \
	cli/cmd-config-create.c \
	cli/config-show-json.c \
	cli/config-names.c \
	cli/check-report.c \
	cli/cmd-doctor.c
# Only the public header: no -I of the ABI headers' internals needed.
cli_jailhouse_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/libjailhouse \
	$(COMMON_CPPFLAGS) \
	-DJH_LIBEXECDIR=\"$(jhlibexecdir)\"
cli_jailhouse_LDADD = libjailhouse/libjailhouse.la

# Man pages, with the install paths filled in.
jailhouse_man_pages = cli/man/jailhouse.8 cli/man/jailhouse-cell.8 \
	cli/man/jailhouse-config.8
man8_MANS = $(jailhouse_man_pages)
EXTRA_DIST += $(jailhouse_man_pages:=.in)
CLEANFILES += $(jailhouse_man_pages)
cli/man/%.8: cli/man/%.8.in Makefile
	$(AM_V_GEN)$(MKDIR_P) $(@D) && \
	sed -e 's|@jhlibexecdir[@]|$(jhlibexecdir)|g' $< >$@

# Shell completion, in the places bash-completion and zsh look by default.
bashcompletiondir = $(datadir)/bash-completion/completions
dist_bashcompletion_DATA = cli/completion/bash/jailhouse
zshcompletiondir = $(datadir)/zsh/site-functions
dist_zshcompletion_DATA = cli/completion/zsh/_jailhouse
