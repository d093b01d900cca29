// SPDX-License-Identifier: GPL-2.0-only
/*
 * The sd_notify() datagram, written out: a Type=notify unit is "started"
 * once READY=1 arrives, so `systemctl start` returns with the cell running
 * or with the reason it is not. Without $NOTIFY_SOCKET (run by hand) there
 * is nobody to tell.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "service.h"

void notify_systemd(const char *state)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	const char *path = getenv("NOTIFY_SOCKET");
	size_t len;
	int fd;

	if (!path || (path[0] != '/' && path[0] != '@'))
		return;
	len = strlen(path);
	if (len >= sizeof(sa.sun_path)) {
		fprintf(stderr, "warning: NOTIFY_SOCKET too long: %s\n", path);
		return;
	}
	memcpy(sa.sun_path, path, len);
	/* '@' stands for the abstract namespace's leading NUL */
	if (sa.sun_path[0] == '@')
		sa.sun_path[0] = '\0';
	fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd < 0 ||
	    sendto(fd, state, strlen(state), MSG_NOSIGNAL,
		   (const struct sockaddr *)&sa,
		   (socklen_t)(offsetof(struct sockaddr_un, sun_path) + len)) < 0)
		perror("warning: cannot notify systemd");
	if (fd >= 0)
		close(fd);
}
