import PaddockGit

/// One changed file.
public struct ReviewFile: Sendable {
  public var path: String
  public var oldPath: String?
  public var status: DeltaStatus
  public var isBinary: Bool
  public var language: Language?
  /// Code, test, documentation, data, or written by a tool or another project.
  public var kind: FileKind
  public var added: [AddedLine]
  /// The whole file at head when it is text and not huge; lets suppressions and manifests see the lines above.
  public var content: [String]?
  /// The file before the change, loaded only for dependency manifests (to tell a new package from a bump).
  public var oldContent: [String]?
  /// When the file's content is missing from the repository (a partial clone), who made its last change: the review
  /// could not read it, and `policy.unreadable` decides what that means.
  public var unreadableBy: Authorship?

  public init(
    path: String, oldPath: String? = nil, status: DeltaStatus = .modified, isBinary: Bool = false,
    language: Language? = nil, kind: FileKind? = nil, added: [AddedLine], content: [String]? = nil,
    oldContent: [String]? = nil
  ) {
    self.oldContent = oldContent
    self.path = path
    self.oldPath = oldPath
    self.status = status
    self.isBinary = isBinary
    self.language = language ?? Language.of(path: path, firstLine: content?.first)
    self.kind = kind ?? FileKind.of(path: path, firstLines: (content ?? added.map(\.text)).prefix(FileKind.headerLines))
    self.added = added
    self.content = content
  }

  /// Line `number` (1-based) of the file at head, from `content` or else from the added lines.
  public func line(_ number: Int) -> String? {
    if let content { return number >= 1 && number <= content.count ? content[number - 1] : nil }
    return addedLine(number)?.text
  }

  /// The added line numbered `number`, if any: a binary search (added lines are in ascending order, and a file
  /// can have hundreds of thousands).
  public func addedLine(_ number: Int) -> AddedLine? {
    var low = 0
    var high = added.count
    while low < high {
      let middle = (low + high) / 2
      if added[middle].number < number { low = middle + 1 } else { high = middle }
    }
    return low < added.count && added[low].number == number ? added[low] : nil
  }
}
