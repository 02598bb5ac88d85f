import PaddockChange

/// Which severities block and which warn, per authorship of the lines.
package struct ReviewPolicy: Sendable, Hashable, Codable {
  /// The lowest severity that blocks, and the lowest that warns; nil means never.
  package struct Thresholds: Sendable, Hashable, Codable {
    package var block: Severity?
    package var warn: Severity?

    package init(block: Severity?, warn: Severity?) {
      self.block = block
      self.warn = warn
    }

    package func decision(for severity: Severity) -> Verdict {
      if let block, severity >= block { return .block }
      if let warn, severity >= warn { return .warn }
      return .pass
    }
  }

  package var ai: Thresholds
  package var human: Thresholds
  /// Lines bots wrote (dependency and release bots, CI); by default a person's level.
  package var bot: Thresholds
  /// Lines of unknown authorship (unrecognised bots); by default treated as AI.
  package var unknown: Thresholds
  /// Whether a `paddock:ignore` comment an AI wrote is honoured. By default only people may suppress.
  package var aiMaySuppress: Bool
  /// What a changed text file whose content cannot be read (a partial clone) means, per authorship of its change:
  /// by default it blocks when an AI (or an unknown account) changed it, and warns otherwise.
  package var unreadable: [Authorship: Verdict] = [.ai: .block, .unknown: .block, .human: .warn, .bot: .warn]

  package init(
    ai: Thresholds, human: Thresholds, bot: Thresholds? = nil, unknown: Thresholds, aiMaySuppress: Bool = false
  ) {
    self.ai = ai
    self.human = human
    self.bot = bot ?? human
    self.unknown = unknown
    self.aiMaySuppress = aiMaySuppress
  }

  /// Errors in AI-written lines block; in a person's or a bot's lines they warn. Warnings warn; notes pass.
  package static let `default` = ReviewPolicy(
    ai: Thresholds(block: .error, warn: .warning), human: Thresholds(block: nil, warn: .warning),
    unknown: Thresholds(block: .error, warn: .warning))

  package func thresholds(for authorship: Authorship) -> Thresholds {
    switch authorship {
    case .ai: ai
    case .human: human
    case .bot: bot
    case .unknown: unknown
    }
  }

  /// The policy with one blocking severity for every authorship, as `--fail-on` sets it.
  package func failing(on severity: Severity?) -> ReviewPolicy {
    var policy = self
    for keyPath in [\ReviewPolicy.ai, \.human, \.bot, \.unknown] as [WritableKeyPath<ReviewPolicy, Thresholds>] {
      policy[keyPath: keyPath].block = severity
      if let severity, let warn = policy[keyPath: keyPath].warn, warn > severity {
        policy[keyPath: keyPath].warn = severity
      }
    }
    return policy
  }

  enum CodingKeys: String, CodingKey {
    case ai, human, bot, unknown
    case aiMaySuppress = "ai_may_suppress"
  }
}

/// What a review blocks on, over the configured policy: `--fail-on` on `review` and `ci`.
package enum FailThreshold: Sendable, Hashable {
  /// The policy decides, per authorship.
  case policy
  /// Nothing blocks, whoever wrote the lines.
  case never
  /// Findings of this severity or worse block, whoever wrote the lines.
  case at(Severity)

  /// `error`, `warning`, `note` or `none`; nil for anything else.
  package init?(_ text: String) {
    if text == "none" {
      self = .never
    } else if let severity = Severity(rawValue: text) {
      self = .at(severity)
    } else {
      return nil
    }
  }

  /// The policy with this threshold applied.
  package func applied(to policy: ReviewPolicy) -> ReviewPolicy {
    switch self {
    case .policy: policy
    case .never: policy.failing(on: nil)
    case .at(let severity): policy.failing(on: severity)
    }
  }
}
