/// The `linguist-generated`, `linguist-vendored` and `linguist-documentation` attributes of a `.gitattributes` file,
/// which GitHub reads to hide generated and vendored files from diffs and language statistics.
///
/// Paddock reads them from the repository's root `.gitattributes` at the base of the change, never from the change
/// itself: a change cannot mark its own code as generated to keep it out of a check.
package struct LinguistAttributes: Sendable {
  private struct Entry: Sendable {
    var glob: Glob
    var kind: FileKind
    var set: Bool
  }

  /// In file order; for each attribute the last matching line wins, as in git.
  private let entries: [Entry]

  package var isEmpty: Bool { entries.isEmpty }

  /// Parses `.gitattributes` text: `pattern attr...` per line, `#` comments, `attr`, `attr=true`, `-attr`,
  /// `attr=false` and `!attr`. Lines with a pattern Paddock cannot read are skipped.
  package init(gitattributes text: String) {
    var entries: [Entry] = []
    for line in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r" }) {
      let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
      guard let pattern = fields.first, !pattern.hasPrefix("#"), !pattern.hasPrefix("\""),
        let glob = try? Glob(pattern.hasSuffix("/") ? pattern + "**" : pattern)
      else { continue }
      for field in fields.dropFirst() {
        var name = field
        var set = true
        if name.hasPrefix("-") || name.hasPrefix("!") {
          name.removeFirst()
          set = false
        }
        if let equals = name.firstIndex(of: "=") {
          let value = name[name.index(after: equals)...].lowercased()
          name = String(name[..<equals])
          set = set && value != "false" && value != "0"
        }
        guard let kind = Self.attributes[name] else { continue }
        entries.append(Entry(glob: glob, kind: kind, set: set))
      }
    }
    self.entries = entries
  }

  /// The kind the attributes give `path`, if any sets one: vendored, then generated, then documentation.
  package func kind(of path: String) -> FileKind? {
    var state: [FileKind: Bool] = [:]
    for entry in entries where entry.glob.matches(path) { state[entry.kind] = entry.set }
    for kind in [FileKind.vendored, .generated, .documentation] where state[kind] == true { return kind }
    return nil
  }

  private static let attributes: [String: FileKind] = [
    "linguist-vendored": .vendored, "linguist-generated": .generated, "linguist-documentation": .documentation,
  ]
}
