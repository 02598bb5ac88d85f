#ifndef PADDOCK_CLIBGIT2_SHIM_H
#define PADDOCK_CLIBGIT2_SHIM_H
#include <git2.h>
#endif
