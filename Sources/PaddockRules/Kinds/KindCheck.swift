import PaddockChange

/// What the engine asks a kind's check. Every requirement has a default that does nothing, so a kind implements only
/// the part its `reach` uses.
protocol KindCheck: Sendable {
  /// The snippet a finding on an added line shows, or nil when the match is not to be reported (a secret's
  /// placeholder); `range` is the byte range of the match's reported part in `line`.
  func snippet(of line: String, reported range: Range<Int>) -> String?
  /// Whether a captured secret passes the kind's own tests; only secret kinds have any.
  func isReportable(secret: String) -> Bool
  /// Whether the rule reads `file` at all, beyond its languages and path globs.
  func reads(_ file: ReviewFile) -> Bool
  /// The findings of a `.file` kind in one file.
  func findings(file: ReviewFile, change: ReviewChange, compiled: CompiledRule, everyAuthorship: Bool) -> [Finding]
  /// The findings of a `.change` kind.
  func findings(change: ReviewChange, compiled: CompiledRule, everyAuthorship: Bool) -> [Finding]
}

extension KindCheck {
  func snippet(of line: String, reported range: Range<Int>) -> String? { line }
  func isReportable(secret: String) -> Bool { true }
  func reads(_ file: ReviewFile) -> Bool { true }
  func findings(file: ReviewFile, change: ReviewChange, compiled: CompiledRule, everyAuthorship: Bool) -> [Finding] {
    []
  }
  func findings(change: ReviewChange, compiled: CompiledRule, everyAuthorship: Bool) -> [Finding] { [] }
}
