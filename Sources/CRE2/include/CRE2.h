// A C interface to RE2 (Debian's libre2-dev), so Swift matches regular expressions in time linear in the subject.
#ifndef PADDOCK_CRE2_H
#define PADDOCK_CRE2_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// A compiled RE2 program. Owned by the caller from `paddock_re2_new` until `paddock_re2_free`; matching does not
/// change it, so one program may be matched on many threads at once (RE2's documented thread safety).
typedef struct paddock_re2 paddock_re2;

enum {
  PADDOCK_RE2_CASELESS = 1,
  /// `^` and `$` match at line ends as well.
  PADDOCK_RE2_MULTILINE = 2,
};

/// Compiles `pattern` (UTF-8, `length` bytes). On failure returns NULL and writes RE2's message, NUL-terminated,
/// into `error` (`capacity` bytes).
paddock_re2 *paddock_re2_new(const char *pattern, size_t length, int flags, char *error, size_t capacity);

/// Frees a program from `paddock_re2_new`; NULL is allowed.
void paddock_re2_free(paddock_re2 *program);

/// The number of capturing groups.
int paddock_re2_groups(const paddock_re2 *program);

/// The index of the capturing group named `name`, or -1.
int paddock_re2_group_named(const paddock_re2 *program, const char *name);

/// Finds the leftmost match in `text[start..<length]` (byte offsets). On a match returns 1 and writes the byte
/// range of groups 0..<count into `spans` (2 * count values: begin, end; -1, -1 for a group that did not take
/// part); otherwise returns 0. `count` 0 only answers whether there is a match, which is the fastest form.
int paddock_re2_match(
  const paddock_re2 *program, const char *text, size_t length, size_t start, long *spans, int count);

#ifdef __cplusplus
}
#endif

#endif
