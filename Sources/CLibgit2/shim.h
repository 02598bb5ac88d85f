#ifndef PADDOCK_CLIBGIT2_SHIM_H
#define PADDOCK_CLIBGIT2_SHIM_H
#include <git2.h>

/* git_libgit2_opts is variadic, which Swift cannot call: one fixed-signature wrapper per option used. */

/* Keeps blobs up to `bytes` in each repository's object cache (libgit2 caches none by default), so a blob a diff
   has read is not inflated again when its text is read. */
static inline int paddock_cache_blobs_up_to(size_t bytes) {
  return git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT, (int)GIT_OBJECT_BLOB, bytes);
}
/* Bounds what the object caches of all open repositories hold between them (libgit2's default is 256 MiB). */
static inline int paddock_cache_at_most(size_t bytes) {
  return git_libgit2_opts(GIT_OPT_SET_CACHE_MAX_SIZE, (ssize_t)bytes);
}
#endif
