// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * Loading an image into a cell piece by piece on a second thread, while
 * the caller reads or inflates the next piece: two buffers go back and
 * forth, loaded in the order they were filled. The thread only issues
 * CELL_LOAD on a descriptor of its own and keeps the first errno; the
 * caller turns that into the library's error when it closes the pipe,
 * so the context (its messages, its log function) is used from the
 * caller's thread alone. Signals stay the caller's too: the thread blocks
 * them all, so a Ctrl-C reaches the thread whose handler asked to stop.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "internal.h"

struct jh_load_pipe {
	struct jh_cell *cell;
	int fd;
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t cond;
	unsigned long put;		/* pieces handed over */
	unsigned long done;		/* ... and loaded, or skipped */
	bool closing;
	int err;			/* errno of the first failed load */
	struct jailhouse_cell_load *arg[2];
	void *buf[2];
};

static void *pipe_thread(void *data)
{
	struct jh_load_pipe *p = data;
	struct jailhouse_cell_load *arg;
	sigset_t all;
	int err;

	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, NULL);
	pthread_mutex_lock(&p->lock);
	for (;;) {
		while (p->done == p->put && !p->closing)
			pthread_cond_wait(&p->cond, &p->lock);
		if (p->done == p->put)
			break;
		arg = p->arg[p->done % 2];
		err = p->err;
		pthread_mutex_unlock(&p->lock);
		/* after a failure the rest is skipped: loaded in order or not */
		if (!err && ioctl(p->fd, JAILHOUSE_CELL_LOAD, arg) < 0)
			err = errno;
		pthread_mutex_lock(&p->lock);
		if (!p->err)
			p->err = err;
		p->done++;
		pthread_cond_broadcast(&p->cond);
	}
	pthread_mutex_unlock(&p->lock);
	return NULL;
}

static void pipe_free(struct jh_load_pipe *p)
{
	for (unsigned int n = 0; n < 2; n++) {
		free(p->arg[n]);
		free(p->buf[n]);
	}
	if (p->fd >= 0)
		close(p->fd);
	free(p);
}

int jh_load_pipe_open(struct jh_cell *cell, size_t piece,
		      struct jh_load_pipe **out)
{
	struct jh_ctx *ctx = jh_cell_get_ctx(cell);
	struct jh_load_pipe *p = calloc(1, sizeof(*p));
	unsigned int n;
	int err;

	if (!p)
		return jh_fail_nomem(ctx);
	p->cell = cell;
	p->fd = -1;
	for (n = 0; n < 2; n++) {
		p->buf[n] = malloc(piece);
		err = p->buf[n] ? jh_cell_load_arg_new(cell, &p->arg[n]) :
				  jh_fail_nomem(ctx);
		if (err) {
			pipe_free(p);
			return err;
		}
	}
	p->fd = jh_dev_open(ctx, O_RDWR);
	if (p->fd < 0) {
		err = p->fd;
		p->fd = -1;
		pipe_free(p);
		return err;
	}
	pthread_mutex_init(&p->lock, NULL);
	pthread_cond_init(&p->cond, NULL);
	err = pthread_create(&p->thread, NULL, pipe_thread, p);
	if (err) {
		pthread_cond_destroy(&p->cond);
		pthread_mutex_destroy(&p->lock);
		pipe_free(p);
		return jh_fail(ctx, err, JH_ERR_SYSTEM,
			       "starting the loading thread: %s", strerror(err));
	}
	*out = p;
	return 0;
}

void *jh_load_pipe_buffer(struct jh_load_pipe *p)
{
	void *buf = NULL;

	pthread_mutex_lock(&p->lock);
	while (p->put - p->done == 2 && !p->err)
		pthread_cond_wait(&p->cond, &p->lock);
	if (!p->err)
		buf = p->buf[p->put % 2];
	pthread_mutex_unlock(&p->lock);
	return buf;
}

void jh_load_pipe_put(struct jh_load_pipe *p, size_t size, uint64_t addr)
{
	pthread_mutex_lock(&p->lock);
	jh_cell_load_arg_set(p->arg[p->put % 2], p->buf[p->put % 2], size, addr);
	p->put++;
	pthread_cond_broadcast(&p->cond);
	pthread_mutex_unlock(&p->lock);
}

int jh_load_pipe_close(struct jh_load_pipe *p)
{
	int err;

	pthread_mutex_lock(&p->lock);
	p->closing = true;
	pthread_cond_broadcast(&p->cond);
	pthread_mutex_unlock(&p->lock);
	pthread_join(p->thread, NULL);
	pthread_cond_destroy(&p->cond);
	pthread_mutex_destroy(&p->lock);

	err = p->err;
	if (err) {
		jh_dev_fetch_reason(jh_cell_get_ctx(p->cell), p->fd);
		err = jh_cell_load_result(p->cell, err);
	}
	pipe_free(p);
	return err;
}
