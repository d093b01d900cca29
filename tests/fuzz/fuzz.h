/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The libFuzzer entry point every target defines; replay.c calls it on
 * the corpus files when the targets are built without libFuzzer.
 */
#ifndef TESTS_FUZZ_FUZZ_H
#define TESTS_FUZZ_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif /* !TESTS_FUZZ_FUZZ_H */
