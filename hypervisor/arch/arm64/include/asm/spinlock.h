/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Ticket spinlock; fair, so no CPU starves in a rendezvous.
 */
#ifndef _JAILHOUSE_ASM_SPINLOCK_H
#define _JAILHOUSE_ASM_SPINLOCK_H

#include <asm/processor.h>

typedef struct {
	unsigned short owner;
	unsigned short next;
} spinlock_t;

static inline void spin_lock(spinlock_t *lock)
{
	unsigned short ticket;

	ticket = __atomic_fetch_add(&lock->next, 1, __ATOMIC_ACQUIRE);
	while (__atomic_load_n(&lock->owner, __ATOMIC_ACQUIRE) != ticket)
		cpu_relax();
}

static inline void spin_unlock(spinlock_t *lock)
{
	__atomic_store_n(&lock->owner, lock->owner + 1, __ATOMIC_RELEASE);
}

#endif /* !_JAILHOUSE_ASM_SPINLOCK_H */
