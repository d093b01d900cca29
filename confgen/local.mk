# "config create": the generator of system configs from a board's device
# tree (internal API: confgen/confgen.h). libjailhouse compiles it in when
# it has libfdt (with the Linux loader, whose DT helpers it uses); the
# public face is libjailhouse/sysgen*.c.
confgen_sources = \
	confgen/dt.c \
	confgen/probe.c \
	confgen/layout.c \
	confgen/cell.c \
	confgen/write-c.c \
	confgen/build-cell.c \
	confgen/write-json.c
noinst_HEADERS += confgen/confgen.h confgen/dt.h confgen/ranges.h
EXTRA_DIST += $(confgen_sources)
