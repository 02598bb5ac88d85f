import PaddockChange
import PaddockRules
import Yams

/// The review part of `.paddock.yml`: which rules run, how severe they are, and what blocks.
package struct ReviewConfig: Sendable, Hashable {
  /// An id as written in the configuration, with its line for error messages.
  package struct Reference: Sendable, Hashable {
    package var id: String
    package var line: Int?
  }

  package var disabledPacks: [Reference] = []
  package var disabledRules: [Reference] = []
  package var enabledRules: [Reference] = []
  /// The repository's own rule pack files, relative to the repository root.
  package var ruleFiles: [String] = []
  package var severity: [Reference: SeverityOverride] = [:]
  /// Globs added to the built-in protected paths.
  package var protectedPaths: [String] = []
  package var limits = ChangeSizeLimits(perCommit: nil, perChange: nil)
  package var policy: ReviewPolicy = .default
  /// `policy.review.independent`: a review trailer by the commit's own author or committer does not count.
  package var independentReview = true
  /// The baseline file, relative to the repository root; nil means `.paddock-baseline.json` if it exists.
  package var baseline: String?

  package init() {}
}

extension NodeReader {
  func reviewConfig(_ root: Node.Mapping) throws -> ReviewConfig {
    var config = ReviewConfig()
    func references(_ node: Node, at place: String) throws -> [ReviewConfig.Reference] {
      try sequence(node, at: place).map { ReviewConfig.Reference(id: try string($0, at: place), line: $0.mark?.line) }
    }
    if let rules = root["rules"] {
      let map = try mapping(rules, at: "rules")
      try allowKeys(map, ["disable-packs", "disable", "enable", "files", "severity"], at: "rules")
      if let node = map["disable-packs"] { config.disabledPacks = try references(node, at: "rules.disable-packs") }
      if let node = map["disable"] { config.disabledRules = try references(node, at: "rules.disable") }
      if let node = map["enable"] { config.enabledRules = try references(node, at: "rules.enable") }
      if let node = map["files"] { config.ruleFiles = try strings(node, at: "rules.files") }
      if let node = map["severity"] {
        for (key, value) in try mapping(node, at: "rules.severity") {
          let id = ReviewConfig.Reference(id: try string(key, at: "rules.severity"), line: key.mark?.line)
          config.severity[id] = try severityOverride(value)
        }
      }
    }
    if let paths = root["protected-paths"] {
      config.protectedPaths = try strings(paths, at: "protected-paths")
      for (index, pattern) in config.protectedPaths.enumerated() {
        do {
          _ = try Glob(pattern)
        } catch {
          let item = paths.sequence.map { Array($0)[index] } ?? paths
          throw self.error(item, "has glob `\(pattern)`: \(error.problem)", fix: "close every `[` and `{`")
        }
      }
    }
    if let limits = root["limits"] {
      let map = try mapping(limits, at: "limits")
      try allowKeys(map, ["ai-lines-per-commit", "ai-lines-per-change"], at: "limits")
      config.limits.perCommit = try map["ai-lines-per-commit"].map { try int($0, at: "limits.ai-lines-per-commit") }
      config.limits.perChange = try map["ai-lines-per-change"].map { try int($0, at: "limits.ai-lines-per-change") }
    }
    if let policy = root["policy"] {
      let map = try mapping(policy, at: "policy")
      try allowKeys(map, ["ai", "human", "bot", "unknown", "ai-may-suppress", "unreadable", "review"], at: "policy")
      if let node = map["unreadable"] {
        let decisions = try mapping(node, at: "policy.unreadable")
        try allowKeys(decisions, Authorship.allCases.map(\.rawValue), at: "policy.unreadable")
        for authorship in Authorship.allCases {
          if let value = decisions[authorship.rawValue] {
            config.policy.unreadable[authorship] = try choice(
              value, at: "policy.unreadable.\(authorship.rawValue)", of: Verdict.self)
          }
        }
      }
      if let node = map["ai"] { config.policy.ai = try thresholds(node, at: "policy.ai", base: config.policy.ai) }
      if let node = map["human"] {
        config.policy.human = try thresholds(node, at: "policy.human", base: config.policy.human)
      }
      // Bots follow a person's level unless given their own.
      config.policy.bot =
        try map["bot"].map { try thresholds($0, at: "policy.bot", base: config.policy.human) }
        ?? config.policy.human
      if let node = map["unknown"] {
        config.policy.unknown = try thresholds(node, at: "policy.unknown", base: config.policy.unknown)
      }
      if let node = map["ai-may-suppress"] {
        config.policy.aiMaySuppress = try bool(node, at: "policy.ai-may-suppress")
      }
      if let node = map["review"] {
        let review = try mapping(node, at: "policy.review")
        try allowKeys(review, ["independent"], at: "policy.review")
        if let independent = review["independent"] {
          config.independentReview = try bool(independent, at: "policy.review.independent")
        }
      }
    }
    if let baseline = root["baseline"] { config.baseline = try string(baseline, at: "baseline") }
    return config
  }

  /// `error`, `off`, or `{ai: error, human: note}`.
  private func severityOverride(_ node: Node) throws -> SeverityOverride {
    if node.scalar != nil { return SeverityOverride(all: try severityOrOff(node, at: "rules.severity")) }
    let map = try mapping(node, at: "rules.severity")
    try allowKeys(map, ["ai", "human", "bot", "unknown"], at: "rules.severity")
    var result = SeverityOverride()
    if let node = map["ai"] { result.ai = try severityOrOff(node, at: "rules.severity.ai") }
    if let node = map["human"] { result.human = try severityOrOff(node, at: "rules.severity.human") }
    if let node = map["bot"] { result.bot = try severityOrOff(node, at: "rules.severity.bot") }
    if let node = map["unknown"] { result.unknown = try severityOrOff(node, at: "rules.severity.unknown") }
    return result
  }

  private func severityOrOff(_ node: Node, at place: String) throws -> RuleSeverity {
    if node.scalar?.string == "off" { return .off }
    guard Severity(rawValue: node.scalar?.string ?? "") != nil else {
      throw error(
        node, "has `\(node.scalar?.string ?? "?")` at `\(place)`, which is not a severity",
        fix: "use error, warning, note or off")
    }
    return .at(try choice(node, at: place, of: Severity.self))
  }

  private func thresholds(
    _ node: Node, at place: String, base: ReviewPolicy.Thresholds
  ) throws -> ReviewPolicy.Thresholds {
    let map = try mapping(node, at: place)
    try allowKeys(map, ["block", "warn"], at: place)
    var result = base
    func level(_ node: Node, _ key: String) throws -> Severity? {
      if ["none", "never", "off"].contains(node.scalar?.string ?? "") { return nil }
      guard Severity(rawValue: node.scalar?.string ?? "") != nil else {
        throw error(
          node, "has `\(node.scalar?.string ?? "?")` at `\(place).\(key)`",
          fix: "use the lowest severity that should \(key): error, warning, note, or none")
      }
      return try choice(node, at: "\(place).\(key)", of: Severity.self)
    }
    if let node = map["block"] { result.block = try level(node, "block") }
    if let node = map["warn"] { result.warn = try level(node, "warn") }
    return result
  }
}
