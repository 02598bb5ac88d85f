import PaddockGit

/// A file at head that the change did not touch.
package struct HeadFile: Sendable, Hashable {
  package var path: String
  package var lines: [String]
  package var kind: FileKind

  package init(path: String, lines: [String], kind: FileKind? = nil) {
    self.path = path
    self.lines = lines
    self.kind = kind ?? FileKind.of(path: path, firstLines: lines.prefix(FileKind.headerLines))
  }
}
