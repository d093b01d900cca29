/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The hypervisor's lock for its code built into a single-threaded host
 * test: the real one spins with an AArch64 instruction.
 */
#ifndef _JAILHOUSE_ASM_SPINLOCK_H
#define _JAILHOUSE_ASM_SPINLOCK_H

typedef struct {
	int held;
} spinlock_t;

static inline void spin_lock(spinlock_t *lock)
{
	lock->held++;
}

static inline void spin_unlock(spinlock_t *lock)
{
	lock->held--;
}

#endif /* !_JAILHOUSE_ASM_SPINLOCK_H */
