# Text helpers of the userspace tools, compiled into each program or
# library that needs them (the command, libjailhouse through the Linux
# loader, the tests' JSON checker): sources shared, never an API.
common_json_sources = common/json-string.c
# a structured writer on top of it
common_json_writer_sources = common/json-writer.c
# a program's context on the library, the console's last lines
common_lib_client_sources = common/lib-client.c
# zlib opened on demand: in the loader, or in libjailhouse without one
common_zlib_sources = common/zlib-dl.c
noinst_HEADERS += common/json-string.h common/json-writer.h common/utf8.h \
	common/zlib-dl.h common/lib-client.h
COMMON_CPPFLAGS = -I$(top_srcdir)/common
