# Root-side demo programs, installed beside the inmate demos.
demotoolsdir = $(jhlibexecdir)/demos
demotools_PROGRAMS = tools/ivshmem-demo
tools_ivshmem_demo_SOURCES = tools/ivshmem-demo.c
EXTRA_DIST += inmates/demos/ivshmem-demo.h
