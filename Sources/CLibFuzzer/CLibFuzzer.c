// The declaration in include/CLibFuzzer.h is all this target provides; a C target needs one source file.
#include "CLibFuzzer.h"
