/// A list of globs that matches when any of them does.
package struct GlobSet: Sendable {
  package let globs: [Glob]

  package init(_ patterns: [String]) throws(GlobError) {
    var globs: [Glob] = []
    for pattern in patterns { globs.append(try Glob(pattern)) }
    self.globs = globs
  }

  package var isEmpty: Bool { globs.isEmpty }

  package func matches(_ path: String) -> Bool { globs.contains { $0.matches(path) } }
}
