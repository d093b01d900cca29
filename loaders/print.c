// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Printers of a plan: text and JSON for --dry-run, the DTB file and the
 * equivalent "jailhouse cell ..." commands for -w.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json-string.h"
#include "plan.h"

static const char *source_name(const struct jhl_plan *plan,
			       enum jh_linux_image kind)
{
	switch (kind) {
	case JH_LINUX_LOADER:
		return plan->loader_src->name;
	case JH_LINUX_KERNEL:
		return plan->kernel_src->name;
	case JH_LINUX_DTB:
		return plan->dtb_src ? plan->dtb_src->name : NULL;
	case JH_LINUX_INITRD:
		return plan->initrd_src->name;
	case JH_LINUX_PARAMS:
		break;
	}
	return NULL;
}

static void text_segment(const struct jhl_plan *plan,
			 const struct jhl_segment *seg, FILE *out)
{
	const char *from = source_name(plan, seg->kind);

	fprintf(out, "  %-7s 0x%010llx-0x%010llx %10s %10s %6u  ",
		jh_linux_image_name(seg->kind), (unsigned long long)seg->guest_addr,
		(unsigned long long)(seg->guest_addr + seg->reserved - 1),
		jhl_size(seg->size).s, jhl_size(seg->reserved).s, seg->region);
	if (seg->kind == JH_LINUX_PARAMS)
		fprintf(out, "\"%s\"", plan->params);
	else if (seg->kind == JH_LINUX_DTB)
		fprintf(out, "%s%s", from ? from : "generated",
			from ? " (patched)" : "");
	else
		fputs(from, out);
	if (seg->offset)
		fprintf(out, " from byte %llu", (unsigned long long)seg->offset);
	fputc('\n', out);
}

static void text_memory(const struct jhl_plan *plan, FILE *out)
{
	unsigned int n;

	fputs("Linux memory (/memory):\n", out);
	for (n = 0; n < plan->num_mem; n++) {
		const struct jailhouse_memory *mem = &plan->mem[n];

		if (!jhl_cell_mem_for_linux(mem))
			continue;
		fprintf(out, "  region %u: 0x%010llx-0x%010llx %s%s\n", n,
			(unsigned long long)mem->virt_start,
			(unsigned long long)(mem->virt_start + mem->size - 1),
			jhl_size(mem->size).s,
			mem->flags & JAILHOUSE_MEM_LOADABLE ? "" : " (not loadable)");
	}
}

int jhl_plan_print_text(const struct jhl_plan *plan, FILE *out)
{
	const struct jhl_plan_info *info = &plan->info;
	unsigned int n;

	fprintf(out, "Cell \"%s\", CPUs %s, linux-loader.bin at 0x%llx\n",
		plan->cell_name, plan->cpus,
		(unsigned long long)info->reset_addr);
	fprintf(out, "Kernel: %s%s, %s, image_size %s, text_offset 0x%llx\n",
		plan->kernel_src->name, info->kernel_gzip ? " (gzip)" : "",
		jhl_size(info->kernel_size).s,
		jhl_size(plan->kernel.hdr.image_size).s,
		(unsigned long long)info->text_offset);
	fprintf(out, "  %-7s %-25s %10s %10s %6s  %s\n", "load", "guest range",
		"bytes", "reserved", "region", "from");
	for (n = 0; n < plan->num_segs; n++)
		text_segment(plan, &plan->segs[n], out);
	text_memory(plan, out);
	fprintf(out, "Loader parameters at 0x%llx: %s\n",
		(unsigned long long)info->params_addr, plan->params);
	fprintf(out, "Layout: %s\n", info->upstream_layout ?
		"same as the upstream jailhouse-cell-linux" :
		"first fit (the upstream layout does not fit)");
	for (n = 0; n < plan->ctx.num_warnings; n++)
		fprintf(out, "Warning: %s\n", plan->ctx.warnings[n]);
	return ferror(out) ? -EIO : 0;
}

/* A CPU list ("2-3,5") as numbers ([2,3,5]), as cell list writes them */
static void json_cpus(FILE *out, const char *list)
{
	const char *p = list;
	unsigned long cpu, last;
	bool first = true;
	char *end;

	fputc('[', out);
	while (*p) {
		cpu = strtoul(p, &end, 10);
		if (end == p)
			break;
		last = cpu;
		if (*end == '-')
			last = strtoul(end + 1, &end, 10);
		for (; cpu <= last; cpu++) {
			fprintf(out, "%s%lu", first ? "" : ",", cpu);
			first = false;
		}
		p = *end == ',' ? end + 1 : end;
	}
	fputc(']', out);
}

static void json_segments(const struct jhl_plan *plan, FILE *out)
{
	unsigned int n;

	fputs("  \"segments\": [", out);
	for (n = 0; n < plan->num_segs; n++) {
		const struct jhl_segment *seg = &plan->segs[n];

		fprintf(out, "%s\n    {\"what\": \"%s\", \"guest_address\": %llu, \"size\": %llu, \"reserved\": %llu, \"offset\": %llu, \"region\": %u, \"source\": ",
			n ? "," : "", jh_linux_image_name(seg->kind),
			(unsigned long long)seg->guest_addr,
			(unsigned long long)seg->size,
			(unsigned long long)seg->reserved,
			(unsigned long long)seg->offset, seg->region);
		json_write_string(out, source_name(plan, seg->kind));
		fputc('}', out);
	}
	fputs("\n  ],\n", out);
}

static void json_memory(const struct jhl_plan *plan, FILE *out)
{
	unsigned int n, first = 1;

	fputs("  \"memory\": [", out);
	for (n = 0; n < plan->num_mem; n++) {
		const struct jailhouse_memory *mem = &plan->mem[n];

		if (!jhl_cell_mem_for_linux(mem))
			continue;
		fprintf(out, "%s\n    {\"region\": %u, \"guest_address\": %llu, \"size\": %llu, \"loadable\": %s}",
			first ? "" : ",", n, (unsigned long long)mem->virt_start,
			(unsigned long long)mem->size,
			mem->flags & JAILHOUSE_MEM_LOADABLE ? "true" : "false");
		first = 0;
	}
	fputs("\n  ],\n", out);
}

static void json_images(const struct jhl_plan *plan, FILE *out)
{
	const struct jhl_plan_info *info = &plan->info;

	fputs("  \"kernel\": {\"source\": ", out);
	json_write_string(out, plan->kernel_src->name);
	fprintf(out, ", \"gzip\": %s, \"address\": %llu, \"size\": %llu, \"image_size\": %llu, \"text_offset\": %llu},\n",
		info->kernel_gzip ? "true" : "false",
		(unsigned long long)info->kernel_addr,
		(unsigned long long)info->kernel_size,
		(unsigned long long)plan->kernel.hdr.image_size,
		(unsigned long long)info->text_offset);
	fputs("  \"dtb\": {\"source\": ", out);
	json_write_string(out, plan->dtb_src ? plan->dtb_src->name : NULL);
	fprintf(out, ", \"generated\": %s, \"address\": %llu, \"size\": %llu},\n",
		info->dtb_generated ? "true" : "false",
		(unsigned long long)info->dtb_addr,
		(unsigned long long)info->dtb_size);
	fputs("  \"initrd\": ", out);
	if (!plan->initrd_src) {
		fputs("null,\n", out);
		return;
	}
	fputs("{\"source\": ", out);
	json_write_string(out, plan->initrd_src->name);
	fprintf(out, ", \"address\": %llu, \"size\": %llu},\n",
		(unsigned long long)info->initrd_addr,
		(unsigned long long)info->initrd_size);
}

int jhl_plan_print_json(const struct jhl_plan *plan, FILE *out)
{
	const struct jhl_plan_info *info = &plan->info;
	unsigned int n;

	fputs("{\n  \"cell\": ", out);
	json_write_string(out, plan->cell_name);
	fputs(",\n  \"cpus\": ", out);
	json_cpus(out, plan->cpus);
	fprintf(out, ",\n  \"cpu_reset_address\": %llu,\n  \"parameters_address\": %llu,\n  \"parameters\": ",
		(unsigned long long)info->reset_addr,
		(unsigned long long)info->params_addr);
	json_write_string(out, plan->params);
	fprintf(out, ",\n  \"upstream_layout\": %s,\n",
		info->upstream_layout ? "true" : "false");
	json_images(plan, out);
	json_segments(plan, out);
	json_memory(plan, out);
	fputs("  \"warnings\": [", out);
	for (n = 0; n < plan->ctx.num_warnings; n++) {
		fputs(n ? ", " : "", out);
		json_write_string(out, plan->ctx.warnings[n]);
	}
	fputs("]\n}\n", out);
	return ferror(out) ? -EIO : 0;
}

int jhl_plan_write_dtb(const struct jhl_plan *plan, const char *path)
{
	FILE *f = fopen(path, "wb");
	int err = 0;

	if (!f)
		return -errno;
	if (fwrite(plan->dtb, 1, plan->dtb_size, f) != plan->dtb_size)
		err = -EIO;
	if (fclose(f) && !err)
		err = -errno;
	return err;
}

/* Single-quote what a shell would split or expand. */
static void shell_word(FILE *out, const char *s)
{
	if (s[0] && strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./,:=+@%") == strlen(s)) {
		fputs(s, out);
		return;
	}
	fputc('\'', out);
	for (; *s; s++) {
		if (*s == '\'')
			fputs("'\\''", out);
		else
			fputc(*s, out);
	}
	fputc('\'', out);
}

static void load_arg(const struct jhl_plan *plan, FILE *out,
		     enum jh_linux_image kind, const char *file)
{
	unsigned int n;

	for (n = 0; n < plan->num_segs; n++) {
		if (plan->segs[n].kind != kind || plan->segs[n].offset)
			continue;
		fputc(' ', out);
		shell_word(out, file);
		fprintf(out, " -a 0x%llx",
			(unsigned long long)plan->segs[n].guest_addr);
	}
}

static bool any_split(const struct jhl_plan *plan)
{
	unsigned int n;

	for (n = 0; n < plan->num_segs; n++)
		if (plan->segs[n].offset)
			return true;
	return false;
}

int jhl_plan_print_commands(const struct jhl_plan *plan, FILE *out,
			    const char *cell_path, const char *dtb_path)
{
	const struct jhl_plan_info *info = &plan->info;
	char kernel[4096];

	snprintf(kernel, sizeof(kernel), "%s%s", plan->kernel_src->name,
		 info->kernel_gzip ? "-unzipped" : "");
	fprintf(out, "%s device tree written to %s. Start Linux with:\n",
		info->dtb_generated ? "Generated" : "Modified", dtb_path);
	fputs("jailhouse cell create ", out);
	shell_word(out, cell_path);
	fputs("\njailhouse cell load ", out);
	shell_word(out, plan->cell_name);
	load_arg(plan, out, JH_LINUX_LOADER, plan->loader_src->name);
	fprintf(out, " -s \"%s\" -a 0x%llx", plan->params,
		(unsigned long long)info->params_addr);
	load_arg(plan, out, JH_LINUX_KERNEL, kernel);
	if (plan->initrd_src)
		load_arg(plan, out, JH_LINUX_INITRD, plan->initrd_src->name);
	load_arg(plan, out, JH_LINUX_DTB, dtb_path);
	fputs("\njailhouse cell start ", out);
	shell_word(out, plan->cell_name);
	fputc('\n', out);
	if (info->kernel_gzip) {
		fputs("Decompress the kernel first: gzip -dc ", out);
		shell_word(out, plan->kernel_src->name);
		fputs(" > ", out);
		shell_word(out, kernel);
		fputc('\n', out);
	}
	if (any_split(plan))
		fputs("Note: an image crosses a memory region boundary, which 'cell load' cannot express; use 'jailhouse cell linux'.\n",
		      out);
	return ferror(out) ? -EIO : 0;
}
