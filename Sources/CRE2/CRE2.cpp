// RE2 behind a C interface. RE2 guarantees time linear in the subject and bounded memory (it falls back from its
// DFA to an NFA when the DFA's cache is spent, which changes speed, never the answer).
#include "CRE2.h"

#include <re2/re2.h>

#include <cstring>
#include <map>
#include <string>
#include <vector>

struct paddock_re2 {
  re2::RE2 program;
  paddock_re2(const re2::StringPiece &pattern, const re2::RE2::Options &options) : program(pattern, options) {}
};

extern "C" paddock_re2 *paddock_re2_new(
  const char *pattern, size_t length, int flags, char *error, size_t capacity) {
  re2::RE2::Options options;
  options.set_encoding(re2::RE2::Options::EncodingUTF8);
  options.set_log_errors(false);
  options.set_case_sensitive((flags & PADDOCK_RE2_CASELESS) == 0);
  // Perl syntax (RE2's default): \d \s \w \b, (?i) and non-greedy repeats; ^ and $ at the text's ends only.
  options.set_longest_match(false);
  // Room for long alternations (the agent markers as one program); past it RE2 refuses to compile, never to match.
  options.set_max_mem(64 << 20);
  std::string source(pattern, length);
  if ((flags & PADDOCK_RE2_MULTILINE) != 0) source = "(?m)" + source;
  auto *compiled = new paddock_re2(re2::StringPiece(source), options);
  if (!compiled->program.ok()) {
    if (error != nullptr && capacity > 0) {
      std::strncpy(error, compiled->program.error().c_str(), capacity - 1);
      error[capacity - 1] = '\0';
    }
    delete compiled;
    return nullptr;
  }
  return compiled;
}

extern "C" void paddock_re2_free(paddock_re2 *program) { delete program; }

extern "C" int paddock_re2_groups(const paddock_re2 *program) { return program->program.NumberOfCapturingGroups(); }

extern "C" int paddock_re2_group_named(const paddock_re2 *program, const char *name) {
  const std::map<std::string, int> &groups = program->program.NamedCapturingGroups();
  auto found = groups.find(name);
  return found == groups.end() ? -1 : found->second;
}

extern "C" int paddock_re2_match(
  const paddock_re2 *program, const char *text, size_t length, size_t start, long *spans, int count) {
  if (start > length) return 0;
  // An empty subject may come without storage; RE2 reads no byte of it, but group offsets need a base.
  static const char empty[1] = {0};
  if (text == nullptr) text = empty;
  re2::StringPiece subject(text, length);
  if (count <= 0) {
    return program->program.Match(subject, start, length, re2::RE2::UNANCHORED, nullptr, 0) ? 1 : 0;
  }
  std::vector<re2::StringPiece> groups(static_cast<size_t>(count));
  if (!program->program.Match(subject, start, length, re2::RE2::UNANCHORED, groups.data(), count)) return 0;
  for (int index = 0; index < count; index++) {
    const re2::StringPiece &group = groups[static_cast<size_t>(index)];
    if (group.data() == nullptr) {
      spans[2 * index] = -1;
      spans[2 * index + 1] = -1;
    } else {
      spans[2 * index] = static_cast<long>(group.data() - text);
      spans[2 * index + 1] = static_cast<long>(group.data() - text + group.size());
    }
  }
  return 1;
}
