import PaddockGit

/// A file at head that the change did not touch.
public struct HeadFile: Sendable, Hashable {
  public var path: String
  public var lines: [String]
  public var kind: FileKind

  public init(path: String, lines: [String], kind: FileKind? = nil) {
    self.path = path
    self.lines = lines
    self.kind = kind ?? FileKind.of(path: path, firstLines: lines.prefix(FileKind.headerLines))
  }
}
