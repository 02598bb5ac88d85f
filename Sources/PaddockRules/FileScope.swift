import Foundation
import PaddockChange
import PaddockRegex
import PaddockSupport
import Synchronization

/// The files a rule reads: its languages and path globs.
struct FileScope: Sendable {
  let languages: Set<Language>
  let include: GlobSet
  let exclude: GlobSet

  init(_ rule: Rule) throws(GlobError) {
    languages = Set(rule.languages)
    include = try GlobSet(rule.include)
    exclude = try GlobSet(rule.exclude)
  }

  func applies(to file: ReviewFile) -> Bool {
    if !languages.isEmpty {
      guard let language = file.language, languages.contains(language) else { return false }
    }
    return applies(toPath: file.path)
  }

  /// The path globs alone, for a path with no text to read (deleted, binary).
  func applies(toPath path: String) -> Bool {
    if !include.isEmpty, !include.matches(path) { return false }
    if exclude.matches(path) { return false }
    return true
  }
}
