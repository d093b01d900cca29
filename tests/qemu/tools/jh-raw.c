// SPDX-License-Identifier: GPL-2.0
/*
 * jh-raw: issue /dev/jailhouse ioctls with raw bytes, bypassing
 * libjailhouse and its checks, so QEMU scenarios can test what the driver
 * and hypervisor refuse by themselves.
 *
 *   jh-raw enable FILE [LEN]     LEN: pass only the first LEN bytes, with
 *                                an unmapped page right behind them
 *   jh-raw disable
 *   jh-raw create FILE [LEN]
 *   jh-raw load CELL FILE ADDR [FILE ADDR...]
 *                                CELL: numeric id, or a name; ADDR is the
 *                                cell's guest address
 *   jh-raw start|shutdown|destroy CELL
 *   jh-raw console-poll MS [drain]
 *                                poll() the console for MS ms (after reading
 *                                all there is, with "drain"): prints
 *                                "readable" or "timeout"
 *   jh-raw busy-check PID        while PID holds the driver with a long
 *                                command: console read, poll and sysfs
 *                                answer, another ioctl waits and a signal
 *                                ends that wait; exits 3 if PID ended
 *                                before all that was checked (no verdict)
 *
 * Prints "ok", or "error: <ERRNO NAME> (<n>)" and exits 1. With
 * JH_RAW_TIME set in the environment, "ok" is followed by " <ns> ns": how
 * long the ioctl itself took (CLOCK_MONOTONIC), for the benchmarks. With
 * JH_RAW_REASON set, "error: ..." is followed by a line "reason: <text>":
 * what JAILHOUSE_GET_REASON then gives on the same open file.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <jailhouse/ioctl.h>

#define E(name) { name, #name }
static const struct { int nr; const char *name; } errnames[] = {
	E(EPERM), E(ENOENT), E(EINTR), E(EIO), E(ENXIO), E(E2BIG),
	E(ENOEXEC), E(ENOMEM), E(EFAULT), E(EBUSY), E(EEXIST), E(EINVAL),
	E(ENOSPC), E(ERANGE), E(EDOM), E(ENOSYS), E(ECHRNG), E(ELIBBAD),
	E(EPROTO), E(EOPNOTSUPP), E(EADDRINUSE), E(EADDRNOTAVAIL),
	E(EALREADY), E(ENOTRECOVERABLE), E(ENODEV), E(EAGAIN), E(EACCES),
	E(ENODATA), E(EFBIG), E(ETIMEDOUT),
};

static long long ioctl_ns;

static long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* ioctl(), timed into ioctl_ns */
static int timed_ioctl(int fd, unsigned long request, void *arg)
{
	long long start = now_ns();
	int ret = ioctl(fd, request, arg);

	ioctl_ns = now_ns() - start;
	return ret;
}

static int raw_fd = -1;

static void print_reason(void)
{
	struct jailhouse_reason r;

	if (!getenv("JH_RAW_REASON"))
		return;
	if (ioctl(raw_fd, JAILHOUSE_GET_REASON, &r) < 0) {
		printf("reason: (none: %s)\n", strerror(errno));
		return;
	}
	r.text[sizeof(r.text) - 1] = '\0';
	printf("reason: %s\n", r.text);
}

static int report(int ret)
{
	unsigned int n;

	if (ret >= 0) {
		if (getenv("JH_RAW_TIME"))
			printf("ok %lld ns\n", ioctl_ns);
		else
			puts("ok");
		return 0;
	}
	for (n = 0; n < sizeof(errnames) / sizeof(errnames[0]); n++)
		if (errnames[n].nr == errno) {
			printf("error: %s (%d)\n", errnames[n].name, errno);
			print_reason();
			return 1;
		}
	printf("error: %d\n", errno);
	print_reason();
	return 1;
}

static void die(const char *what)
{
	perror(what);
	exit(2);
}

/*
 * The file's first len bytes, ending right before a PROT_NONE page, so a
 * reader that trusts the counts in a truncated config faults (EFAULT)
 * instead of reading whatever follows in the heap.
 */
static void *load_guarded(const char *path, long len, size_t *size)
{
	long page = sysconf(_SC_PAGESIZE);
	size_t span;
	struct stat st;
	char *map;
	int fd;

	fd = open(path, O_RDONLY);
	if (fd < 0 || fstat(fd, &st) < 0)
		die(path);
	if (len < 0 || len > st.st_size)
		len = st.st_size;
	span = (len + page - 1) / page * page + page;
	map = mmap(NULL, span, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (map == MAP_FAILED)
		die("mmap");
	if (mprotect(map + span - page, page, PROT_NONE) < 0)
		die("mprotect");
	map += span - page - len;
	if (read(fd, map, len) != len)
		die(path);
	close(fd);
	*size = len;
	return map;
}

static void cell_id(struct jailhouse_cell_id *id, const char *arg)
{
	char *end;
	long n = strtol(arg, &end, 0);

	memset(id, 0, sizeof(*id));
	if (*arg && !*end && n >= 0) {
		id->id = n;
	} else {
		id->id = JAILHOUSE_CELL_ID_UNUSED;
		strncpy(id->name, arg, sizeof(id->name) - 1);
	}
}

static int console_poll(int timeout_ms, int drain)
{
	struct pollfd pfd;
	char buf[256];
	int n;

	pfd.fd = open("/dev/jailhouse", O_RDONLY | O_NONBLOCK);
	if (pfd.fd < 0)
		die("/dev/jailhouse");
	while (drain && read(pfd.fd, buf, sizeof(buf)) > 0)
		;
	pfd.events = POLLIN;
	n = poll(&pfd, 1, timeout_ms);
	if (n < 0)
		die("poll");
	puts(n && (pfd.revents & POLLIN) ? "readable" : "timeout");
	return 0;
}

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, ms % 1000 * 1000000L };

	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
}

/* path's first size - 1 bytes, NUL-terminated; their count, or -1 */
static ssize_t read_text(const char *path, char *buf, size_t size)
{
	ssize_t n;
	int fd;

	buf[0] = 0;
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	n = read(fd, buf, size - 1);
	close(fd);
	buf[n > 0 ? n : 0] = 0;
	return n;
}

/* /proc/PID/stat past "(comm)": " S ppid ...", field 3 on; NULL if gone */
static const char *stat_fields(pid_t pid, char *buf, size_t size)
{
	char path[64];
	const char *p;

	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	if (read_text(path, buf, size) <= 0)
		return NULL;
	p = strrchr(buf, ')');
	return p && p[1] == ' ' ? p + 1 : NULL;
}

/* pid exists and is not a zombie */
static int running(pid_t pid)
{
	char buf[512];
	const char *f = stat_fields(pid, buf, sizeof(buf));

	return f && f[1] != 'Z';
}

/* "state S, wchan W, CPU C" of a task, for a failure report */
static const char *task_state(pid_t pid)
{
	static char out[160];
	char path[64], stat[512], wchan[64];
	const char *f = stat_fields(pid, stat, sizeof(stat)), *p = f;
	int i;

	if (!f) {
		snprintf(out, sizeof(out), "no /proc/%d/stat", (int)pid);
		return out;
	}
	snprintf(path, sizeof(path), "/proc/%d/wchan", (int)pid);
	if (read_text(path, wchan, sizeof(wchan)) <= 0)
		strcpy(wchan, "?");
	/* f is at the blank before field 3 (state); the CPU is field 39 */
	for (i = 3; i < 39 && p; i++)
		p = strchr(p + 1, ' ');
	snprintf(out, sizeof(out), "state %c, wchan %s, CPU %d", f[1], wchan,
		 p ? atoi(p + 1) : -1);
	return out;
}

/* reads some of path (blocking); the byte count, or -1 */
static ssize_t read_some(const char *path)
{
	char buf[2048];

	return read_text(path, buf, sizeof(buf));
}

/*
 * Everything in one process, so that the checks take milliseconds of the
 * seconds the other command holds the driver even on a slow, loaded host.
 * Prints one line per check; "FAIL" in a line fails it.
 */
static int busy_check(pid_t holder)
{
	struct jailhouse_cell_id id;
	struct pollfd pfd;
	char buf[256];
	pid_t child;
	int status, n, fd;

	if (!running(holder)) {
		puts("no verdict: the command had ended before the checks began");
		return 3;
	}
	printf("read: %s\n", read_some("/dev/jailhouse") > 0 ? "answers" : "FAIL");
	pfd.fd = open("/dev/jailhouse", O_RDONLY | O_NONBLOCK);
	while (pfd.fd >= 0 && read(pfd.fd, buf, sizeof(buf)) > 0)
		;
	pfd.events = POLLIN;
	printf("poll: %s\n", pfd.fd >= 0 && poll(&pfd, 1, 0) >= 0 ? "answers" : "FAIL");
	printf("sysfs: %s\n", read_some("/sys/devices/jailhouse/console") > 0 ?
	       "answers" : "FAIL");
	if (!running(holder)) {
		puts("no verdict: the command ended while the readers ran");
		return 3;
	}

	/* harmless if it got through: there is no such cell */
	child = fork();
	if (child < 0)
		die("fork");
	if (!child) {
		fd = open("/dev/jailhouse", O_RDWR);
		cell_id(&id, "no-such-cell");
		_exit(fd < 0 || ioctl(fd, JAILHOUSE_CELL_START, &id) < 0 ? 1 : 0);
	}
	sleep_ms(200);
	n = waitpid(child, &status, WNOHANG);
	if (n && !running(holder)) {
		puts("no verdict: the command ended before the ioctl was checked");
		return 3;
	}
	printf("another ioctl: %s\n", n == 0 ? "waits" : "FAIL: did not wait");
	kill(child, SIGTERM);
	for (n = 0; n < 100 && !waitpid(child, &status, WNOHANG); n++)
		sleep_ms(10);
	if (n < 100) {
		puts("a signal: ends the wait");
	} else {
		printf("a signal: FAIL: does not end it (%s)\n", task_state(child));
		kill(child, SIGKILL);
		waitpid(child, &status, 0);
	}
	if (!running(holder)) {
		puts("no verdict: the command ended before the signal was checked");
		return 3;
	}
	puts("the command ran throughout");
	return 0;
}

int main(int argc, char **argv)
{
	const char *cmd = argc > 1 ? argv[1] : "";
	struct jailhouse_cell_id id;
	size_t size;
	void *data;
	int fd;

	fd = open("/dev/jailhouse", O_RDWR);
	if (fd < 0)
		die("/dev/jailhouse");
	raw_fd = fd;

	if (!strcmp(cmd, "console-poll") && argc >= 3)
		return console_poll(atoi(argv[2]), argc > 3);
	if (!strcmp(cmd, "busy-check") && argc == 3)
		return busy_check(atoi(argv[2]));
	if (!strcmp(cmd, "enable") && argc >= 3) {
		data = load_guarded(argv[2], argc > 3 ? atol(argv[3]) : -1, &size);
		return report(timed_ioctl(fd, JAILHOUSE_ENABLE, data));
	}
	if (!strcmp(cmd, "disable"))
		return report(timed_ioctl(fd, JAILHOUSE_DISABLE, NULL));
	if (!strcmp(cmd, "create") && argc >= 3) {
		struct jailhouse_cell_create create = { 0 };

		data = load_guarded(argv[2], argc > 3 ? atol(argv[3]) : -1, &size);
		create.config_address = (unsigned long)data;
		create.config_size = size;
		return report(timed_ioctl(fd, JAILHOUSE_CELL_CREATE, &create));
	}
	if (!strcmp(cmd, "load") && argc >= 5 && argc % 2) {
		unsigned int n, num = (argc - 3) / 2;
		struct jailhouse_cell_load *load;

		load = calloc(1, sizeof(*load) + num * sizeof(load->image[0]));
		if (!load)
			die("calloc");
		cell_id(&load->cell_id, argv[2]);
		load->num_preload_images = num;
		for (n = 0; n < num; n++) {
			data = load_guarded(argv[3 + 2 * n], -1, &size);
			load->image[n].source_address = (unsigned long)data;
			load->image[n].size = size;
			load->image[n].target_address =
				strtoull(argv[4 + 2 * n], NULL, 0);
		}
		return report(timed_ioctl(fd, JAILHOUSE_CELL_LOAD, load));
	}
	if (!strcmp(cmd, "shutdown") && argc == 3) {
		struct jailhouse_cell_load load = { 0 };

		cell_id(&load.cell_id, argv[2]);
		return report(ioctl(fd, JAILHOUSE_CELL_LOAD, &load));
	}
	if ((!strcmp(cmd, "start") || !strcmp(cmd, "destroy")) && argc == 3) {
		cell_id(&id, argv[2]);
		return report(timed_ioctl(fd, !strcmp(cmd, "start") ?
					  JAILHOUSE_CELL_START :
					  JAILHOUSE_CELL_DESTROY, &id));
	}
	fprintf(stderr, "usage: see the comment at the top of jh-raw.c\n");
	return 2;
}
