import Foundation
import PaddockCore
import PaddockGit
import PaddockRegex

/// Which commits are fixes: any with a `Fixes:` trailer, and any whose subject matches one of the patterns.
package struct FixMatcher: Sendable {
  /// The default patterns, matched against a commit's subject line.
  package static let defaultPatterns = [#"(?i)^(fix|fixes|fixed|bugfix|hotfix)\b"#, #"(?i)^revert\b"#]
  package let patterns: [String]
  private let expressions: [LinearRegex]

  package init(patterns: [String] = FixMatcher.defaultPatterns) throws(ReportError) {
    self.patterns = patterns
    var expressions: [LinearRegex] = []
    for pattern in patterns {
      do {
        expressions.append(try LinearRegex(pattern))
      } catch {
        throw ReportError.badPattern(pattern)
      }
    }
    self.expressions = expressions
  }

  /// The commit ids (or prefixes) a commit's `Fixes:` trailers name: the first word of each value.
  package static func named(in commit: Commit) -> [String] {
    commit.trailers.filter { $0.key.lowercased() == "fixes" }.compactMap { trailer in
      trailer.value.split(separator: " ").first.map(String.init).flatMap { word in
        word.count >= 4 && word.allSatisfy(\.isHexDigit) ? word.lowercased() : nil
      }
    }
  }

  package func isFix(_ commit: Commit) -> Bool {
    if !Self.named(in: commit).isEmpty { return true }
    let subject = commit.summary
    return expressions.contains { $0.matches(subject) }
  }
}
