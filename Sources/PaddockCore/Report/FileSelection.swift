/// Which files a report counts: those matching any `include` glob (all files when there is none) and no
/// `exclude` glob. Globs are matched against repository-relative paths, as in `.paddock.yml`.
public struct FileSelection: Sendable {
  public let include: GlobSet
  public let exclude: GlobSet
  /// The globs as given, for reports to print.
  public let includePatterns: [String]
  public let excludePatterns: [String]

  public init(include: [String] = [], exclude: [String] = []) throws(GlobError) {
    includePatterns = include
    excludePatterns = exclude
    self.include = try GlobSet(include)
    self.exclude = try GlobSet(exclude)
  }

  public func contains(_ path: String) -> Bool {
    (include.isEmpty || include.matches(path)) && !exclude.matches(path)
  }
}
