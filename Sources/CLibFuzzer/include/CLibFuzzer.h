#ifndef PADDOCK_CLIBFUZZER_H
#define PADDOCK_CLIBFUZZER_H

#include <stddef.h>
#include <stdint.h>

// libFuzzer's entry point for programs that keep their own main (libclang_rt.fuzzer_no_main). Declared only: the
// fuzz build (Fuzz/run) links the library; a normal build never calls it.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
