import PaddockChange

/// Which files a report counts: those matching any `include` glob (all files when there is none) and no
/// `exclude` glob, and, unless `includesMachineWritten`, no lock file, generated or vendored file (`FileKind`, told
/// from the path and the repository's `linguist-*` attributes). Globs are matched against repository-relative paths,
/// as in `.paddock.yml`.
package struct FileSelection: Sendable {
  package let include: GlobSet
  package let exclude: GlobSet
  /// The globs as given, for reports to print.
  package let includePatterns: [String]
  package let excludePatterns: [String]
  /// Whether lock files, generated and vendored files count too.
  package let includesMachineWritten: Bool
  /// The `linguist-generated`/`-vendored` lines of the reported revision's `.gitattributes`.
  package let attributes: LinguistAttributes?

  package init(
    include: [String] = [], exclude: [String] = [], includesMachineWritten: Bool = false,
    attributes: LinguistAttributes? = nil
  ) throws(GlobError) {
    includePatterns = include
    excludePatterns = exclude
    self.include = try GlobSet(include)
    self.exclude = try GlobSet(exclude)
    self.includesMachineWritten = includesMachineWritten
    self.attributes = attributes
  }

  /// The file kinds left out of the figures (lock files, generated, vendored), or none.
  package var excludedKinds: [FileKind] {
    includesMachineWritten ? [] : FileKind.allCases.filter(\.isMachineWritten)
  }

  package func contains(_ path: String) -> Bool {
    guard (include.isEmpty || include.matches(path)) && !exclude.matches(path) else { return false }
    return includesMachineWritten || !FileKind.of(path: path, attributes: attributes).isMachineWritten
  }
}
