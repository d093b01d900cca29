// SPDX-License-Identifier: GPL-2.0
/*
 * The hypervisor's console ring, read through read() on /dev/jailhouse
 * (one cursor per open file) and the "console" sysfs attribute. After a
 * disable or a failed enable a copy of the last ring stays readable.
 *
 * Readers never take jhd_lock: an enable or a cell command may hold it for
 * seconds, and a console reader must neither wait that long nor be
 * unkillable meanwhile. The commands switch the ring under jhd_console_lock
 * instead, which is only ever held for a copy.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/delay.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/minmax.h>
#include <linux/poll.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/timer.h>
#include <linux/uaccess.h>
#include <linux/wait.h>

#include "driver.h"

#define JHD_RING_SIZE		JAILHOUSE_CONSOLE_SIZE
/* The ring has no wakeup for us, so blocked readers poll it. */
#define JHD_POLL_MS		100

/* Taken inside jhd_lock by the commands, alone by the readers. */
static DEFINE_MUTEX(jhd_console_lock);
/*
 * The running hypervisor's ring, ERR_PTR(-EPERM) if Linux may not see
 * it, NULL while none runs; cleared before the region is unmapped.
 */
static const struct jailhouse_console_page *jhd_live;
static struct jailhouse_console_page *jhd_snapshot;
static bool jhd_snapshot_valid;
/* Bumped for each hypervisor instance, whose ring starts empty. */
static unsigned int jhd_ring_gen = 1;

/*
 * poll() waiters: nothing tells us when the hypervisor writes, so a timer
 * wakes them every JHD_POLL_MS while one of them still finds nothing new.
 */
static DECLARE_WAIT_QUEUE_HEAD(jhd_console_wq);

static void jhd_console_tick(struct timer_list *t)
{
	wake_up_interruptible(&jhd_console_wq);
}

static DEFINE_TIMER(jhd_console_timer, jhd_console_tick);

int jhd_console_init(void)
{
	jhd_snapshot = kzalloc(sizeof(*jhd_snapshot), GFP_KERNEL);
	return jhd_snapshot ? 0 : -ENOMEM;
}

void jhd_console_exit(void)
{
	del_timer_sync(&jhd_console_timer);
	kfree(jhd_snapshot);
}

/* Called before entry: the new instance starts a new ring. */
void jhd_console_new_ring(void)
{
	mutex_lock(&jhd_console_lock);
	jhd_ring_gen++;
	jhd_snapshot_valid = false;
	jhd_live = NULL;
	mutex_unlock(&jhd_console_lock);
}

/* The hypervisor runs: readers get its ring, if the config lets them. */
void jhd_console_start(bool permitted)
{
	mutex_lock(&jhd_console_lock);
	/* without the flag the page is not mapped into Linux */
	jhd_live = permitted ? jhd_hv.mem + jhd_hv.header.console_page :
			      ERR_PTR(-EPERM);
	mutex_unlock(&jhd_console_lock);
}

/* The hypervisor's state is unknown: keep readers off its memory. */
void jhd_console_stop(void)
{
	mutex_lock(&jhd_console_lock);
	jhd_live = NULL;
	mutex_unlock(&jhd_console_lock);
}

/* Called while the region is mapped and the hypervisor is not running. */
void jhd_console_snapshot(void)
{
	const void *page = jhd_hv.mem + jhd_hv.header.console_page;

	mutex_lock(&jhd_console_lock);
	/* It may have written with the MMU off; drop our stale lines. */
	jhd_dcache_clean_inval_poc(page, sizeof(*jhd_snapshot));
	memcpy(jhd_snapshot, page, sizeof(*jhd_snapshot));
	jhd_snapshot->busy = 0;
	jhd_snapshot_valid = true;
	jhd_live = NULL;
	mutex_unlock(&jhd_console_lock);
}

/* Under jhd_console_lock: the ring to read, the saved copy, or an error. */
static const struct jailhouse_console_page *jhd_ring(void)
{
	if (jhd_live)
		return jhd_live;
	return jhd_snapshot_valid ? jhd_snapshot : ERR_PTR(-EAGAIN);
}

static void jhd_ring_wait_idle(const struct jailhouse_console_page *ring)
{
	unsigned int us;

	/* A writer holds busy for a few bytes; a dead one must not hang us. */
	for (us = 0; READ_ONCE(ring->busy) && us < 1000; us++)
		udelay(1);
}

static size_t jhd_ring_missed(u32 missed, char *buf, size_t count)
{
	char msg[48];
	int len;

	len = scnprintf(msg, sizeof(msg), "<missed %u bytes of console log>\n",
			missed);
	len = min_t(size_t, len, count);
	memcpy(buf, msg, len);
	return len;
}

/*
 * Copies up to count bytes from *pos on and advances *pos. If the writer
 * lapped the reader, returns a notice instead and skips to the oldest byte.
 */
static size_t jhd_ring_copy(const struct jailhouse_console_page *ring,
			   u32 *pos, char *buf, size_t count)
{
	unsigned int tries;
	u32 tail, avail, off, n, first;

	for (tries = 0; tries < 100; tries++) {
		jhd_ring_wait_idle(ring);
		tail = READ_ONCE(ring->tail);
		/* the bytes below tail were written before tail */
		smp_rmb();

		avail = tail - *pos;
		if (!avail)
			return 0;
		if (avail > JHD_RING_SIZE) {
			*pos = tail - JHD_RING_SIZE;
			return jhd_ring_missed(avail - JHD_RING_SIZE, buf, count);
		}

		n = min_t(size_t, avail, count);
		off = *pos % JHD_RING_SIZE;
		first = min(n, JHD_RING_SIZE - off);
		memcpy(buf, ring->content + off, first);
		memcpy(buf + first, ring->content, n - first);
		/* check the writer only after our copy */
		smp_rmb();

		/* valid unless a write was under way or overtook our bytes */
		if (!READ_ONCE(ring->busy) &&
		    READ_ONCE(ring->tail) - *pos <= JHD_RING_SIZE) {
			*pos += n;
			return n;
		}
	}
	return 0;
}

/* @from, or the oldest byte still in the ring if that one is overwritten */
static u32 jhd_ring_clamp(const struct jailhouse_console_page *ring, u32 from)
{
	u32 tail = READ_ONCE(ring->tail);

	return tail - from > JHD_RING_SIZE ? tail - JHD_RING_SIZE : from;
}

/* Whole ring, oldest byte first; empty if there is none. */
ssize_t jhd_console_show_all(char *buf)
{
	const struct jailhouse_console_page *ring;
	ssize_t len = 0;
	u32 pos;

	if (mutex_lock_interruptible(&jhd_console_lock))
		return -ERESTARTSYS;
	ring = jhd_ring();
	if (IS_ERR(ring)) {
		if (PTR_ERR(ring) != -EAGAIN)
			len = PTR_ERR(ring);
	} else {
		pos = jhd_ring_clamp(ring, 0);
		len = jhd_ring_copy(ring, &pos, buf, JHD_RING_SIZE);
	}
	mutex_unlock(&jhd_console_lock);
	return len;
}

/* Under jhd_console_lock: new bytes for this reader, 0 if none, or errno */
static ssize_t jhd_console_fetch(struct jhd_file *r, char *buf, size_t count,
				u32 *pos)
{
	const struct jailhouse_console_page *ring;

	if (r->gen != jhd_ring_gen) {
		r->gen = jhd_ring_gen;
		r->pos = 0;
	}
	ring = jhd_ring();
	if (IS_ERR(ring))
		return PTR_ERR(ring);
	*pos = r->pos;
	return jhd_ring_copy(ring, pos, buf, count);
}

static ssize_t jhd_console_wait_read(struct file *file, struct jhd_file *r,
				    char *buf, size_t count, u32 *pos)
{
	ssize_t ret;

	/*
	 * Nothing is read before a signal: -ERESTARTSYS restarts the call
	 * after SA_RESTART handlers and stops (^Z, fg), EINTR otherwise.
	 */
	for (;;) {
		if (mutex_lock_interruptible(&jhd_console_lock))
			return -ERESTARTSYS;
		ret = jhd_console_fetch(r, buf, count, pos);
		mutex_unlock(&jhd_console_lock);

		if (ret > 0 || ret == -EPERM || (file->f_flags & O_NONBLOCK))
			return ret;
		if (msleep_interruptible(JHD_POLL_MS) || signal_pending(current))
			return -ERESTARTSYS;
	}
}

ssize_t jhd_console_read(struct file *file, char __user *out, size_t count,
			loff_t *ppos)
{
	struct jhd_file *r = file->private_data;
	ssize_t ret;
	char *buf;
	u32 pos;

	if (!count)
		return 0;
	count = min_t(size_t, count, JHD_RING_SIZE);
	buf = kmalloc(count, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;

	/* a blocking read of the same open file may hold it for long */
	if (file->f_flags & O_NONBLOCK) {
		if (!mutex_trylock(&r->lock)) {
			kfree(buf);
			return -EAGAIN;
		}
	} else if (mutex_lock_interruptible(&r->lock)) {
		kfree(buf);
		return -ERESTARTSYS;
	}
	ret = jhd_console_wait_read(file, r, buf, count, &pos);
	/* the cursor only moves for bytes the reader really got */
	if (ret > 0) {
		if (copy_to_user(out, buf, ret))
			ret = -EFAULT;
		else
			r->pos = pos;
	}
	mutex_unlock(&r->lock);
	kfree(buf);
	return ret;
}

__poll_t jhd_console_poll(struct file *file, poll_table *wait)
{
	const struct jailhouse_console_page *ring;
	struct jhd_file *r = file->private_data;
	__poll_t mask = 0;
	u32 pos;

	poll_wait(file, &jhd_console_wq, wait);

	/* poll() itself answers the signal once we return */
	if (mutex_lock_interruptible(&jhd_console_lock))
		return 0;
	ring = jhd_ring();
	if (IS_ERR(ring)) {
		if (PTR_ERR(ring) == -EPERM)
			mask = EPOLLERR;
	} else {
		/* a reader of an older ring starts over, as read() does */
		pos = r->gen == jhd_ring_gen ? READ_ONCE(r->pos) : 0;
		if (READ_ONCE(ring->tail) != pos)
			mask = EPOLLIN | EPOLLRDNORM;
	}
	mutex_unlock(&jhd_console_lock);

	if (!mask)
		mod_timer(&jhd_console_timer,
			  jiffies + msecs_to_jiffies(JHD_POLL_MS));
	return mask;
}

/*
 * Where the running hypervisor's ring stands when a command begins (under
 * jhd_lock), so that a refusal can quote what the hypervisor said since.
 */
static unsigned int jhd_mark_gen;
static u32 jhd_mark_pos;

void jhd_console_mark(void)
{
	const struct jailhouse_console_page *ring;

	mutex_lock(&jhd_console_lock);
	ring = jhd_ring();
	jhd_mark_gen = jhd_ring_gen;
	jhd_mark_pos = IS_ERR(ring) ? 0 : READ_ONCE(ring->tail);
	mutex_unlock(&jhd_console_lock);
}

/*
 * What the hypervisor said since the mark (a new ring: all of it): its
 * last "ERROR: " line, the cause, where the last line is only the
 * consequence ("enable failed ..."), else its last line; or "its console
 * says why" if there is none Linux may read.
 */
const char *jhd_console_said(char *out, size_t size)
{
	static const char error[] = "ERROR: ";
	const struct jailhouse_console_page *ring;
	size_t len = 0, start, end, s;
	char *buf;
	u32 pos;

	buf = kmalloc(JHD_RING_SIZE, GFP_KERNEL);
	if (buf) {
		mutex_lock(&jhd_console_lock);
		ring = jhd_ring();
		if (!IS_ERR(ring)) {
			pos = jhd_ring_clamp(ring, jhd_mark_gen == jhd_ring_gen ?
						  jhd_mark_pos : 0);
			len = jhd_ring_copy(ring, &pos, buf, JHD_RING_SIZE);
		}
		mutex_unlock(&jhd_console_lock);
	}
	while (len && (buf[len - 1] == '\n' || buf[len - 1] == '\r'))
		len--;
	for (start = len; start && buf[start - 1] != '\n'; start--)
		;
	end = len;
	/* lines [s, len) from the last one back, for the last ERROR: line */
	for (len = end; len; len = s - 1) {
		for (s = len; s && buf[s - 1] != '\n'; s--)
			;
		if (len - s > sizeof(error) - 1 &&
		    !memcmp(buf + s, error, sizeof(error) - 1)) {
			start = s + sizeof(error) - 1;
			end = len;
			break;
		}
		if (!s)
			break;
	}
	if (end > start)
		strscpy(out, buf + start, min(size, end - start + 1));
	else
		strscpy(out, "its console says why", size);
	kfree(buf);
	return out;
}
