import PaddockGit

/// One changed file.
package struct ReviewFile: Sendable {
  package var path: String
  package var oldPath: String?
  package var status: DeltaStatus
  package var isBinary: Bool
  package var language: Language?
  /// Code, test, documentation, data, or written by a tool or another project.
  package var kind: FileKind
  package var added: [AddedLine]
  /// The whole file at head when it is text and not huge; lets suppressions and manifests see the lines above.
  package var content: [String]?
  /// The file before the change, loaded only for dependency manifests (to tell a new package from a bump).
  package var oldContent: [String]?
  /// When the file's content is missing from the repository (a partial clone), who made its last change: the review
  /// could not read it, and `policy.unreadable` decides what that means.
  package var unreadableBy: Authorship?

  package init(
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
  package func line(_ number: Int) -> String? {
    if let content { return number >= 1 && number <= content.count ? content[number - 1] : nil }
    return addedLine(number)?.text
  }

  /// The added line numbered `number`, if any: a binary search (added lines are in ascending order, and a file
  /// can have hundreds of thousands).
  package func addedLine(_ number: Int) -> AddedLine? {
    var low = 0
    var high = added.count
    while low < high {
      let middle = (low + high) / 2
      if added[middle].number < number { low = middle + 1 } else { high = middle }
    }
    return low < added.count && added[low].number == number ? added[low] : nil
  }
}
